import Testing
@testable import LessonKit

/// `netstep play --plain` output: every bundled lesson plays to its end without a problem,
/// the same twice, free of escape sequences, and showing what the engine did.
@Suite struct TranscriptTests {
    static let lessons = (try? Fixtures.course().lessons) ?? []

    @Test(arguments: lessons.map(\.id))
    func everyBundledLessonPlaysToItsEndTheSameTwice(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        let text = PlainTranscript.render(lesson)
        #expect(!text.contains("\n  ! "), "a problem while playing: run `netstep check \(lesson.sourcePath)`")
        #expect(text.hasSuffix(" events.\n"), "the transcript reaches the end of the lesson")
        #expect(!text.unicodeScalars.contains { $0 != "\n" && TextSanitizer.isControl($0) })
        #expect(PlainTranscript.render(lesson) == text)
    }

    @Test func anotherSeedIsStableToo() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "p2p-swarm" })
        #expect(PlainTranscript.render(lesson, seed: 99) == PlainTranscript.render(lesson, seed: 99))
    }

    @Test func clientServerBasicsShowsTheEnginesNumbers() throws {
        let lesson = try #require(try Fixtures.course().lesson(id: "cs-basics"))
        let lines = PlainTranscript.render(lesson).split(separator: "\n").map(String.init)
        let expected = [
            "Step 1 of 4: One question, one answer",
            "      20.3 ms  server starts on GET /timetable from c1",
            "The whole exchange took 73.5 ms: two trips across the network plus the server's own work, with no waiting, because nobody else was asking.",
            "      93.8 ms  server queues GET /timetable from c4 (3 waiting)",
            "      2. Every client waits, tries again, and finally gives up  [right]",
            "      1.04 s  c4 gave up on GET /timetable",
            "Every client asked twice and heard nothing: 8 requests were lost on their way to a server that was not there, and 4 clients gave up. None of them had anywhere else to turn.",
            "      Answer: 1, 2",
        ]
        for line in expected {
            #expect(lines.contains(line), "\(line)")
        }
        let order = expected.compactMap { lines.firstIndex(of: $0) }
        #expect(order == order.sorted(), "narration and events appear in the order they happen")
    }
}
