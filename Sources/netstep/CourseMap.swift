import LessonKit

/// Which lesson demonstrates which claim of the source essay: the table behind
/// `netstep map`, built from the `claims` each lesson names in its front matter, so the
/// map cannot drift from the lessons themselves.
struct CourseMap {
    /// One claim of the essay (shared/SOURCE-ESSAY.md) in a few words of our own.
    struct Claim {
        var id: String
        var gist: String
    }

    /// A lesson that names a claim, by its place in the course.
    struct Entry: Equatable {
        var number: Int
        var id: String
    }

    /// The essay's fourteen claims, in order.
    static let claims: [Claim] = [
        Claim(id: "C1", gist: "a server holds the data and answers clients' requests"),
        Claim(id: "C2", gist: "clients depend on the server; without it they are stuck"),
        Claim(id: "C3", gist: "web, mail and database servers"),
        Claim(id: "C4", gist: "every peer both asks and answers; nobody is in charge"),
        Claim(id: "C5", gist: "peers share a large file, spreading the load"),
        Claim(id: "C6", gist: "BitTorrent and Skype"),
        Claim(id: "C7", gist: "a central server enforces access policy and logs access"),
        Claim(id: "C8", gist: "server capacity must be bought and grows with the clients"),
        Claim(id: "C9", gist: "an under-provisioned server becomes a bottleneck"),
        Claim(id: "C10", gist: "peer-to-peer capacity grows with the number of peers"),
        Claim(id: "C11", gist: "a swarm keeps working when peers fail"),
        Claim(id: "C12", gist: "security is harder when every node shares resources"),
        Claim(id: "C13", gist: "managing a network with no centre takes more work"),
        Claim(id: "C14", gist: "the choice depends on what the application needs"),
    ]

    /// For each claim id, the lessons that name it, in course order.
    private(set) var lessonsByClaim: [String: [Entry]] = [:]

    init(lessons: [Lesson]) {
        for (index, lesson) in lessons.enumerated() {
            for claim in lesson.claims {
                lessonsByClaim[claim, default: []].append(Entry(number: index + 1, id: lesson.id))
            }
        }
    }

    /// Claims no lesson names yet.
    var uncovered: [Claim] {
        Self.claims.filter { (lessonsByClaim[$0.id] ?? []).isEmpty }
    }

    /// The map as text, one line per claim: `C3   web, mail and database servers   2 cs-examples`.
    func lines() -> [String] {
        let idWidth = Self.claims.map(\.id.count).max() ?? 0
        let gistWidth = Self.claims.map(\.gist.count).max() ?? 0
        return Self.claims.map { claim in
            let entries = lessonsByClaim[claim.id] ?? []
            let covered = entries.isEmpty ? "(no lesson yet)" : entries.map { "\($0.number) \($0.id)" }.joined(separator: ", ")
            return claim.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + claim.gist.padding(toLength: gistWidth, withPad: " ", startingAt: 0) + "  " + covered
        }
    }
}
