import Canvas
import Foundation
import LessonKit
import Testing
@testable import TeachUI

/// What play-testers could not read off the stage, at the three sizes a learner uses:
/// who sends chunks to whom, a node's neighbours, captions, every request travelling.
@Suite struct StageLegibilityTests {
    static let sizes = StageCrossingTests.sizes.map { "\($0.0)x\($0.1)" }

    static func state(_ id: String, step: Int, keys: [Key] = []) throws -> AppState {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
        for key in keys { send(&state, .key(key)) }
        return state
    }

    static func stage(_ size: String) -> Rect {
        let (width, height) = StageCrossingTests.sizes.first { "\($0.0)x\($0.1)" == size }!
        return ScreenLayout(width: width, height: height, presenting: false).stage.inset(by: 1)
    }

    @Test(arguments: sizes)
    func aGridsCaptionsKeepOffItsCells(size: String) throws {
        let scene = try #require(Self.state("p2p-scaling", step: 0).lesson).stage.scene
        let placement = scene.geometry(in: Self.stage(size), roomy: false).placement
        for caption in placement.captions {
            #expect(!placement.boxes.contains { $0.intersects(caption.frame) }, "\(size): \(caption.text)")
        }
    }

    @Test(arguments: sizes)
    func everyRequestToTwoServersIsSeenTravelling(size: String) throws {
        let state = try Self.state("cs-bottleneck", step: 3, keys: [.character("a"), .right])
        let scene = try #require(state.lesson).stage.scene
        let rect = Self.stage(size)
        var canvas = Canvas(width: rect.maxX + 1, height: rect.maxY + 1)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
        #expect(scene.packets.count >= 6)
        #expect(Set(hits.packets.values).count == scene.packets.count, "\(size)")
    }

    @Test(arguments: sizes)
    func aSwarmsTrackerStandsApartInACorner(size: String) throws {
        let scene = try #require(Self.state("p2p-swarm", step: 2, keys: [.right, .right, .right]).lesson).stage.scene
        let placement = scene.geometry(in: Self.stage(size), roomy: false).placement
        let swarm = ["tracker", "seed"] + (1...6).map { "p\($0)" }
        let frames = swarm.compactMap { name in scene.nodes.first { $0.name == name }.flatMap { placement.frames[$0.id] } }
        try #require(frames.count == swarm.count)
        let tracker = frames[0]
        let left = frames.map(\.x).min()!, right = frames.map(\.maxX).max()!
        let top = frames.map(\.y).min()!, bottom = frames.map(\.maxY).max()!
        // In a corner, or alone on a row above the peers (tiers, where the peers' labels
        // with the cell kept for their marks leave no room for a ring).
        let aboveAll = tracker.maxY <= frames.dropFirst().map(\.y).min()!
        #expect(tracker.x == left || tracker.maxX == right || aboveAll, "\(size)")
        #expect(tracker.y == top || tracker.maxY == bottom, "\(size)")
    }

    /// p2p-discovery's ring: its links close a ring through all sixteen peers, and of the
    /// rings they allow the stage shows one whose chords cross each other least, so
    /// "will p1's question reach p11 in two hops?" can be read off it.
    @Test(arguments: sizes)
    func theDiscoveryRingsChordsCrossLittle(size: String) throws {
        let scene = try #require(Self.state("p2p-discovery", step: 1).lesson).stage.scene
        let placement = scene.geometry(in: Self.stage(size), roomy: false).placement
        let peers = scene.nodes.filter { $0.name.hasPrefix("p") }
        let frames = peers.compactMap { placement.frames[$0.id] }
        try #require(frames.count == 16)
        let cx = Double(frames.map(\.center.x).reduce(0, +)) / 16, cy = Double(frames.map(\.center.y).reduce(0, +)) / 16
        let around = peers.sorted { a, b in
            func angle(_ node: SceneNode) -> Double {
                let centre = placement.frames[node.id]!.center
                return atan2(Double(centre.y) - cy, Double(centre.x) - cx)
            }
            return angle(a) < angle(b)
        }.map(\.id)
        let position = Dictionary(uniqueKeysWithValues: around.enumerated().map { ($1, $0) })
        let links = scene.links.compactMap { link -> (Int, Int)? in
            guard let a = position[link.a], let b = position[link.b] else { return nil }
            return (min(a, b), max(a, b))
        }
        let chords = links.filter { $0.1 - $0.0 != 1 && $0.1 - $0.0 != 15 }
        #expect(links.count - chords.count == 16, "\(size): every ring neighbour sits beside its neighbours")
        var crossings = 0
        for i in chords.indices {
            for j in chords.indices where j > i {
                let (a, b) = chords[i], (c, d) = chords[j]
                if a != c, a != d, b != c, b != d, (a < c && c < b) != (a < d && d < b) { crossings += 1 }
            }
        }
        #expect(crossings <= 3, "\(size): the vertical chord crosses the three level ones, which cross nothing else")
    }

    /// cdn labels its origin and its two groups of clients: each label is a caption at
    /// every size, cut short with an ellipsis only where it cannot fit, never replaced by
    /// a name or a count. Each edge stands among the clients that use it.
    @Test(arguments: sizes)
    func aLessonsLabelsShowAtEverySize(size: String) throws {
        let scene = try #require(Self.state("cdn", step: 0).lesson).stage.scene
        let rect = Self.stage(size)
        var canvas = Canvas(width: rect.maxX + 1, height: rect.maxY + 1)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
        let captions = hits.placement.captions.map(\.text)
        for label in ["origin far away", "clients in the west", "clients in the east"] {
            #expect(captions.contains { $0.hasPrefix(label) }, "\(size): \(captions)")
            #expect(canvas.text.contains(label), "\(size)")
        }
        func centre(_ name: String) throws -> Point {
            let node = try #require(scene.nodes.first { $0.name == name })
            return try #require(hits.placement.frames[node.id]).center
        }
        for (edge, mine, theirs) in [("edge1", "w", "e"), ("edge2", "e", "w")] {
            let at = try centre(edge)
            let near = try (1...5).map { abs(try centre("\(mine)\($0)").x - at.x) }.max()!
            let far = try (1...5).map { abs(try centre("\(theirs)\($0)").x - at.x) }.min()!
            #expect(near < far, "\(size): \(edge) stands among its own clients")
        }
    }

    /// A request's way from a client to its server, in the first stars a learner sees,
    /// has room to be seen: at 80x24 four clients sat level with the server, and the way
    /// between the corners of two boxes was a stub of three cells ("─●┗━━━━┛" and a '◂').
    @Test(arguments: sizes)
    func aRequestsWayToItsServerIsLongEnoughToFollow(size: String) throws {
        for (lesson, server) in [("cs-basics", "server"), ("cs-control", "files")] {
            let scene = try #require(Self.state(lesson, step: 0).lesson).stage.scene
            let geometry = scene.geometry(in: Self.stage(size), roomy: false)
            let hub = try #require(scene.nodes.first { $0.name == server })
            for client in scene.nodes where client.role == .client {
                let route = try #require(geometry.route(NodePair(client.id, hub.id)))
                // How far the way's visible cells reach, a row counted as two columns (a
                // terminal's cell is about twice as tall as wide).
                let open = route.filter(geometry.placement.isOpen)
                let across = (open.map(\.x).max() ?? 0) - (open.map(\.x).min() ?? 0) + 1
                let down = (open.map(\.y).max() ?? 0) - (open.map(\.y).min() ?? 0) + 1
                let reach = open.isEmpty ? 0 : max(across, 2 * down)
                #expect(reach >= 6, "\(size): \(lesson) \(client.name)'s way to \(server) shows over \(reach) columns")
            }
        }
    }

    @Test func aCaptionTooNarrowForItsLabelEndsInAnEllipsis() {
        let shape = StageShape(nodes: [StageShape.Node(id: 0, name: "origin", role: .server, label: "origin on the far side of the ocean"),
                                       StageShape.Node(id: 1, name: "c1", role: .client)],
                               links: [], anyReachesAny: true, layout: .auto)
        let unit = StageUnit(hubs: [0], members: [1])
        let labels = unit.labels(in: shape, roles: [0: .server, 1: .client])
        #expect(labels.last == "origin on the far side of the ocean", "\(labels)")
        #expect(!labels.contains { $0.contains("origin, ") }, "no caption falls back to the name: \(labels)")
        var canvas = Canvas(width: 20, height: 3)
        let placement = StagePlacement(form: .compact, kind: .star, frames: [:], hidden: 0,
                                       captions: [StageCaption(text: labels.last!, frame: Rect(x: 0, y: 0, width: 12, height: 1))])
        StageRenderer(scene: Scene(nodes: [], layout: .star), theme: Theme(.full)).drawCaptions(into: &canvas, placement: placement)
        #expect(canvas.text.split(separator: "\n").first == "origin on t…")
    }

    @Test func aNewScenarioStartsWithoutTheLastOnesMarks() throws {
        let state = try Self.state("choosing", step: 1, keys: [.character("1"), .enter])
        var next = state
        for _ in 0..<200 {
            guard case .running = next.lesson?.stage.driver.runner.pending else { break }
            send(&next, .key(.right))
        }
        let clinic = try #require(next.lesson)
        #expect(next.lessonView(clinic, theme: Theme(.full)).scene.nodes.contains { $0.marks.contains(.refused) })
        let game = try Self.state("choosing", step: 2)
        let view = game.lessonView(try #require(game.lesson), theme: Theme(.full))
        #expect(!view.scene.nodes.contains { $0.marks.contains(.refused) })
    }
}

/// A unit's caption names whose unit it is while any caption with the name fits.
@Suite struct CaptionNameTests {
    /// Beside hybrids' first quiz at 80x24 (a stage narrowed for the quiz) the swarm's
    /// caption had room for "9 peers, all linked" and said that, dropping the tracker.
    @Test func aNarrowCaptionKeepsItsHubsName() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "hybrids" })
        var state = TestLessons.open(lesson, step: 1, size: (80, 24))
        TestLessons.playStepToQuiz(&state)
        let text = screen(state)
        #expect(text.contains(" tracker, 8 peers"), "\(text)")
    }

    /// At 80x24 cs-examples' four stars are too narrow for "web, 1 client": the caption
    /// keeps the server's name and drops the count ("1 client" above each client said
    /// whose star it was nowhere).
    @Test func aStarTooNarrowForItsCountKeepsItsName() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-examples" })
        let state = TestLessons.open(lesson, step: 0, size: (80, 24))
        let captionRow = try #require(screen(state).split(separator: "\n").dropFirst(2).first)
        #expect(captionRow.contains(" web ") && captionRow.contains(" mail-a ") && captionRow.contains(" db "), "\(captionRow)")
        #expect(!captionRow.contains("1 client"), "\(captionRow)")
    }

    /// p2p-scaling's forty peers trade as one swarm in step 4, set up as a block of ten
    /// and one of thirty: the blocks keep their places and captions from the steps
    /// before (nodes keep their places when a new scenario starts), and a group's id
    /// ("more-peers") never shows.
    @Test func aSwarmAcrossTwoGroupsKeepsTheirBlocks() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-scaling" })
        let text = screen(TestLessons.open(lesson, step: 3, size: (80, 24)))
        #expect(text.contains("seed, 10 peers") && text.contains(" 30 peers "), "\(text)")
        #expect(!text.contains("more-"), "\(text)")
        let first = screen(TestLessons.open(lesson, step: 0, size: (80, 24)))
        #expect(first.contains("seed, 10 peers") && first.contains(" 30 peers "), "\(first)")
    }
}
