import LessonKit
import Testing
@testable import TeachUI

/// The keys a step tells the learner to press stay on the hint line when not every hint
/// fits.
@Suite struct KeyHintTests {
    /// A pause that asks for Tab, i and e on a hint line too short for every hint.
    static let inspectPause = TestLessons.load("""
        ---
        id: test-inspect-pause
        title: Look closer
        summary: A pause that asks the learner to inspect and open the event list.
        essay: [2]
        claims: [C1]
        seed: 3
        network:
          layout: star
          nodes:
            server: { role: server, service: 10ms }
          groups:
            clients: { count: 2, prefix: c }
        ---

        ## Look

        ```sim
        - request: { from: c1, to: server }
        - run: idle
        - pause: "Select the server with Tab and press i. Then open the event list (**e**)."
        ```
        """, path: "07-inspect.md")

    @Test(arguments: [80, 70])
    func theKeysAPauseAsksForStayOnTheHintLine(width: Int) throws {
        var state = AppState(lessons: [Self.inspectPause], start: .lesson(id: "test-inspect-pause", step: 0))
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        let rows = screen(state, width: width, height: 24).split(separator: "\n").map(String.init)
        let hints = try #require(rows.last)
        #expect(hints.hasPrefix(" → go on"), "what → does comes first")
        #expect(hints.contains("Tab i inspect"))
        #expect(hints.contains("e events"))
        #expect(hints.contains("? help") && hints.contains("q back"))
        #expect(!hints.contains("+- speed"), "the line is too short for every hint: others made way")
    }

    @Test func keysAreFoundWhereTheTextTellsTheLearnerToPressThem() {
        #expect(KeyMentions.keys(in: "Select files with Tab and press i: the inspector counts. Press e for the list.") == ["Tab", "i", "e"])
        #expect(KeyMentions.keys(in: "Open the event list (**e**) or press `?`.") == ["e", "?"])
        #expect(KeyMentions.keys(in: "Is a client a server? I think so.") == [])
    }
}
