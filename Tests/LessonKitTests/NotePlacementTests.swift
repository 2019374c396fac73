import Testing
@testable import LessonKit

/// A speaker note belongs to the point of its step where it is written: before a quiz it
/// is for while the quiz is up, after it for once the quiz is passed.
@Suite struct NotePlacementTests {
    private let source = """
    ---
    id: notes
    title: Notes
    summary: Goal, notes where they are needed.
    essay: [2]
    network:
      nodes:
        server: { role: server, service: 10ms, queue: 1 }
      groups:
        clients: { count: 3, prefix: c }
    ---

    ## Predict, then watch
    What happens when three ask a server with room for one?

    <!-- note: Take a show of hands first. -->

    ```quiz
    ask: How many are dropped?
    choices:
      - text: None
        explain: The queue holds one.
      - text: One
        explain: One is served, one waits, one has no room.
    answer: 2
    ```

    <!-- note: Now point at the queue gauge. -->

    ```sim
    - request: { from: clients, to: server }
    - run: { until: queue-full }
    ```

    <!-- note: Count the drop aloud. -->
    """

    @Test func eachNoteIsForThePointWhereItIsWritten() throws {
        let step = try #require(LessonLoader.load(source: source, path: "notes.md").lesson).steps[0]
        #expect(step.notes.map(\.text) == ["Take a show of hands first.", "Now point at the queue gauge.", "Count the drop aloud."])
        #expect(step.notes.map(\.revealAt) == [0, 1, 3], "before the quiz, after it, after the run")
    }

    @Test func theTranscriptGivesEachNoteAtItsPoint() throws {
        let lesson = try #require(LessonLoader.load(source: source, path: "notes.md").lesson)
        let lines = PlainTranscript.render(lesson).split(separator: "\n").map(String.init)
        let show = try #require(lines.firstIndex(of: "  Note for the tutor: Take a show of hands first."))
        let gauge = try #require(lines.firstIndex(of: "  Note for the tutor: Now point at the queue gauge."))
        let drop = try #require(lines.firstIndex(of: "  Note for the tutor: Count the drop aloud."))
        let quiz = try #require(lines.firstIndex { $0.contains("How many are dropped?") })
        let run = try #require(lines.firstIndex { $0.hasPrefix("  * run (until: queue-full)") })
        #expect(show < quiz && quiz < gauge && gauge < run && run < drop)
    }

    @Test func aWaitSaysInWordsWhatItLetsHappen() throws {
        let script = try #require(LessonLoader.load(source: source, path: "notes.md").lesson).steps[0].script
        guard case let .run(wait) = script[2].kind else {
            Issue.record("the third entry is the run")
            return
        }
        #expect(wait.inWords == "until a server's queue is full")
    }
}
