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
        #expect(hints.hasPrefix(" → Enter go on"), "what → (and Enter, which does the same here) does comes first")
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

    /// The key bar's last row at 120 columns, where every hint fits.
    static func keyBar(_ state: AppState) -> String {
        screen(state, width: 120, height: 30).split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func enterAtStepDoneDoesWhatTheKeyBarSays() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 1_000_000)) }
        #expect(state.lesson?.runner.pending == .done)
        let bar = Self.keyBar(state)
        #expect(bar.contains("→ Enter next step"), "\(bar)")
        #expect(!bar.contains("Enter play"), "there is nothing to play: the bar does not say Enter plays")
        send(&state, .key(.enter))
        #expect(state.lesson?.runner.stepIndex == 1, "Enter does what the bar says")
    }

    @Test func enterAtAnAskDoesItAndPlaysWhatFollows() {
        var state = TestLessons.open(TestLessons.failure)
        send(&state, .key(.character(" ")))
        guard case .ask = state.lesson?.runner.pending else { Issue.record("the ask waits after the pause"); return }
        let bar = Self.keyBar(state)
        #expect(bar.contains("Enter do it and play"), "\(bar)")
        #expect(update(&state, .key(.enter)).contains(.animate(true)), "the server goes down and the request sets off")
        #expect(screen(state).contains("playing"))
    }

    @Test func aNumericQuizListsEnterOnce() {
        let state = AppState(lessons: [NumericQuizScreenTests.lesson], start: .lesson(id: "test-numeric", step: 0))
        let bar = Self.keyBar(state)
        #expect(bar.hasPrefix(" Enter answer"), "\(bar)")
        #expect(bar.components(separatedBy: "Enter").count == 2, "Enter listed once: \(bar)")
    }

    /// Every step of the course, at its start and once done: no key is listed twice.
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func noKeyIsListedTwice(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        for step in lesson.steps.indices {
            var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            var bars = [Self.keyBar(state)]
            state.lesson?.move { $0.finishStep() }
            bars.append(Self.keyBar(state))
            for bar in bars {
                for key in ["Enter", "→", "←"] {
                    #expect(bar.components(separatedBy: key).count <= 2, "\(id) step \(step + 1): \(key) twice in \(bar)")
                }
            }
        }
    }

    @Test func theStatusLineSaysWhatRightDidForTheLearner() {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 0))
        send(&state, .key(.right))
        guard case .ask = state.lesson?.runner.pending else {
            Issue.record("past the pause comes the ask")
            return
        }
        send(&state, .key(.right))
        #expect(screen(state, width: 120, height: 30).contains("→ did it for you: take the server down"))
        send(&state, .key(.right))
        #expect(!screen(state, width: 120, height: 30).contains("did it for you"), "said once, for the press that did it")
    }
}
