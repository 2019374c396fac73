import Testing
@testable import LessonKit

/// `netstep play --plain` output: stable, free of escape sequences, and showing what the engine did.
@Suite struct TranscriptTests {
    @Test func theSameLessonAndSeedGiveTheSameText() throws {
        for lesson in try Fixtures.course().lessons {
            #expect(PlainTranscript.render(lesson) == PlainTranscript.render(lesson))
            #expect(PlainTranscript.render(lesson, seed: 99) == PlainTranscript.render(lesson, seed: 99))
        }
    }

    @Test func noControlCharacterButNewlinesReachesTheOutput() throws {
        for lesson in try Fixtures.course().lessons {
            let text = PlainTranscript.render(lesson)
            #expect(!text.unicodeScalars.contains { $0 != "\n" && TextSanitizer.isControl($0) })
        }
    }

    @Test func clientServerBasicsShowsTheEnginesNumbers() throws {
        let lesson = try #require(try Fixtures.course().lesson(id: "cs-basics"))
        let lines = PlainTranscript.render(lesson).split(separator: "\n").map(String.init)
        let expected = [
            "Step 1 of 4: One question, one answer",
            "Watch c1: it sends a small request to the server. The server spends a moment on it, then a larger response travels back. The whole exchange took 73.5 ms.",
            "    20.3 ms  server starts on GET /timetable from c1",
            "    93.8 ms  server queues GET /timetable from c4 (3 waiting)",
            "    1.04 s  c2 gave up on GET /timetable",
            "    2. c2 waits, tries again, and finally gives up  [right]",
            "    Answer: 1, 2",
        ]
        for line in expected {
            #expect(lines.contains(line), "\(line)")
        }
    }
}
