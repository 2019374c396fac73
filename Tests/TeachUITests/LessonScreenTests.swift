import Canvas
import LessonKit
import Testing
@testable import TeachUI

@Suite struct LessonScreenTests {
    @Test func aStepShowsTheNetworkNarrationMetricsStatusAndKeys() {
        #expect(Screens.lessonStep() == #"""
             1. One request · Ask once
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 1/2 ────────────────────┐
            │                  ┌────────┐                  ││ The client c1 sends a        │
            │                  │▦ server│                  ││ request; the server answers. │
            │                  └────────┘                  ││                              │
            │                   ─▸                         ││ Press → to step or Enter to  │
            │                  ╱                           ││ play.                        │
            │                ─╱                            ││                              │
            │              ─╱                              ││                              │
            │             ╱                                ││                              │
            │           ●╱                                 ││                              │
            │     ┌────┐         ┌────┐        ┌────┐      ││                              │
            │     │□ c1│         │□ c2│        │□ c3│      ││                              │
            │     └────┘         └────┘        └────┘      ││                              │
            └─ ● request ▸ to its receiver ────────────────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ messages 1 · in flight 1                     ││                              │
            │ server queue  ·························· 0/2 ││                              │
            │ server upload ··························  0% ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.01 auto │ until nothing more happens
             → step  ← back  Enter play  n p steps  Tab i inspect  e events  ? help  q back
            """#)
    }

    @Test func aSteppedRequestGlidesAlongItsLink() {
        #expect(Screens.lessonRequestGliding() == #"""
             1. One request · Ask once
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 1/2 ────────────────────┐
            │                  ┌────────┐                  ││ The client c1 sends a        │
            │                  │▦ server│                  ││ request; the server answers. │
            │                  └────────┘                  ││                              │
            │                   ─▸                         ││ Press → to step or Enter to  │
            │                  ╱                           ││ play.                        │
            │                ─╱                            ││                              │
            │              ─●                              ││                              │
            │             ╱                                ││                              │
            │           ─╱                                 ││                              │
            │     ┌────┐         ┌────┐        ┌────┐      ││                              │
            │     │□ c1│         │□ c2│        │□ c3│      ││                              │
            │     └────┘         └────┘        └────┘      ││                              │
            └─ ● request ▸ to its receiver ────────────────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ messages 1 · in flight 1                     ││                              │
            │ server queue  ·························· 0/2 ││                              │
            │ server upload ··························  0% ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 6.53 ms │ ×0.01 auto │ until nothing more happens
             → step  ← back  Enter play  n p steps  Tab i inspect  e events  ? help  q back
            """#)
    }

    @Test func stepForwardThenBackGivesTheSameScreen() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        // The status line says what the last press covered; the rest is the moment itself.
        let moment = { (state: AppState) in screen(state).split(separator: "\n").filter { !$0.contains("❚❚") } }
        send(&state, .key(.right), .tick(elapsedMicroseconds: 1_000_000))
        let before = moment(state)
        send(&state, .key(.right), .tick(elapsedMicroseconds: 1_000_000))
        #expect(moment(state) != before)
        send(&state, .key(.left))
        #expect(moment(state) == before)
    }

    @Test func aQuizAnswerShowsWhyAndIsSaved() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        let effects = update(&state, .key(.character("2")))
        #expect(screen(state).contains("Right."))
        #expect(Screens.quizAnswered() == #"""
             1. One request · Check
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 2/2 ────────────────────┐
            │                  ┌────────┐                  ││ Who answers the request?     │
            │                  │▦ server│                  ││ ✗ 1. Another client          │
            │                  └────────┘                  ││   2. The server              │
            │                                              ││ 1: Clients hold nothing to   │
            │                                              ││ answer with.                 │
            │                                              ││                              │
            │                                              ││ Not quite. Answer with 1-2.  │
            │                                              ││                              │
            │                                              ││                              │
            │     ┌────┐         ┌────┐        ┌────┐      ││                              │
            │     │□ c1│         │□ c2│        │□ c3│      ││                              │
            │     └────┘         └────┘        └────┘      ││                              │
            └──────────────────────────────────────────────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ messages 2 · in flight 0                     ││                              │
            │ server queue  ·························· 0/2 ││                              │
            │ server upload ··························  0% ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 44.8 ms │ ×0.1 auto │ event 5 │ your turn
             1-2 answer the quiz  ← back  n p steps  Tab i inspect  e events  ? help  q back
            """#)
        var expected = Progress()
        expected.recordStep(1, in: "test-request")
        expected.recordAnswer(lesson: "test-request", step: 1, quiz: 0, correct: true)
        #expect(effects == [.saveProgress(expected)])
    }

    @Test func aMultipleAnswerQuizWaitsForEnter() {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 1))
        send(&state, .key(.character("1")), .key(.character("2")), .key(.character("2")), .key(.character("3")))
        #expect(!screen(state).contains("Right."))
        send(&state, .key(.enter))
        #expect(screen(state).contains("Right."))
        #expect(state.progress.lessons["test-failure"]?.quizzes["1.0"] == Progress.QuizResult(firstTryCorrect: true, attempts: 1))
    }

    @Test func theInspectorOpensOverTheStageAndLeavesTheNarrationReadable() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        let before = screen(state, width: 100, height: 30)
        send(&state, .key(.tab), .key(.character("i")))
        let inspecting = screen(state, width: 100, height: 30)
        #expect(inspecting.contains("╔ server"))
        // The narration panel, the right-hand 40 columns, is untouched.
        func narration(_ text: String) -> [String] { text.split(separator: "\n").map { String($0.dropFirst(60)) } }
        #expect(narration(inspecting) == narration(before))
    }

    @Test func aWrongFirstAnswerGetsASecondTryBeforeTheAnswerIsShown() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("1")))
        #expect(screen(state).contains("Not quite. Answer with 1-2."))
        #expect(!screen(state).contains("is the answer"))
        send(&state, .key(.character(" ")))
        #expect(screen(state).contains("Who answers the request?"), "Space does not skip a quiz still being tried")
        send(&state, .key(.character("2")))
        #expect(screen(state).contains("Right."))
        #expect(screen(state).contains("→ Enter go on"))
        #expect(state.progress.lessons["test-request"]?.quizzes["1.0"] == Progress.QuizResult(firstTryCorrect: false, attempts: 2))
    }

    @Test func picksAfterAMissAreNotJudgedUntilSubmitted() {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 1))
        send(&state, .key(.character("1")), .key(.character("2")), .key(.enter))
        send(&state, .key(.character("2")), .key(.character("3")))
        let text = screen(state, width: 120, height: 30)
        #expect(text.contains("Not quite. Pick every right answer"))
        #expect(text.contains("2: Clients do not answer each other here."), "the missed try is still explained")
        #expect(!text.contains("You took it down."), "a new pick gets no verdict before Enter")
        send(&state, .key(.enter))
        #expect(screen(state, width: 120, height: 30).contains("3: You took it down."))
    }

    @Test func aSecondMissShowsTheAnswer() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("1")), .key(.character("1")))
        #expect(screen(state).contains("Not quite: 2 is the answer."))
    }

    @Test func goingOnAfterTheLastQuizFinishesTheLesson() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("2")))
        let effects = update(&state, .key(.character(" ")))
        #expect(screen(state).contains("Lesson complete."))
        #expect(state.progress.lessons["test-request"]?.finished == true)
        #expect(effects.count == 1)
    }

    @Test func theStepsOwnKeyDoesWhatItSays() throws {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 0))
        send(&state, .key(.character("k")))
        #expect(state.lesson?.stage.scene.nodes.first { $0.name == "server" }?.marks.contains(.down) == false,
                "the step first waits for the learner to go on")
        send(&state, .key(.character(" ")))
        #expect(screen(state).contains("Press k to take the server"))
        send(&state, .key(.character("k")))
        // The down mark goes on a label under the server's box, and the legend names it.
        let lines = screen(state).split(separator: "\n").map(String.init)
        let box = try #require(lines.firstIndex { $0.contains("│▦ server│") })
        #expect(lines[box + 2].contains("✕") && screen(state).contains("✕ down"), "\(lines.joined(separator: "\n"))")
    }

    @Test func hOpensTheStepsHint() {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 0))
        send(&state, .key(.character("h")))
        #expect(screen(state).contains("Hint: A client can only ask"))
    }

    @Test func nextAndPreviousStepMoveAndSaveTheStep() {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .key(.enter))
        #expect(update(&state, .key(.character("n"))) == [.saveProgress(progress(step: 1))])
        #expect(screen(state).contains("step 2/2"))
        #expect(update(&state, .key(.pageUp)) == [.saveProgress(progress(step: 0))])
        #expect(screen(state).contains("step 1/2"))
    }

    @Test func goToStepJumpsThere() {
        var state = Screens.jumpingToStep()
        #expect(screen(state) == #"""
             1. When the server fails · Predict
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 1/2 ────────────────────┐
            │                ┌────────────┐                ││ Think before you act.        │
            │                │            │                ││                              │
            │                │  ▦ server  │                ││ Which clients will still get │
            │                │            │                ││ answers?                     │
            │                └────────────┘                ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                      ╔ go to step ════════════════════╗                      │
            │       ┌────────┐     ║ Step (1-2): 2_                 ║                      │
            │       │        │     ║ Enter go  Esc cancel           ║                      │
            │       │  □ c1  │     ╚════════════════════════════════╝                      │
            │       │        │            │        │       ││                              │
            │       └────────┘            └────────┘       ││                              │
            └──────────────────────────────────────────────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ messages 0 · in flight 0                     ││                              │
            │ server queue  ·························· 0/4 ││                              │
            │ server upload ··························  0% ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 auto │ your turn
            """#)
        send(&state, .key(.enter))
        #expect(screen(state).contains("Which statements are true?"))
    }

    @Test func restartingTheStepUndoesItsEvents() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        let start = screen(state)
        send(&state, .key(.right), .key(.right), .key(.right), .tick(elapsedMicroseconds: 1_000_000), .key(.character("r")))
        #expect(screen(state) == start)
    }

    @Test func playingTicksUntilTheStepsWaitIsOver() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        #expect(!state.wantsTicks)
        #expect(update(&state, .key(.enter)) == [.animate(true)])
        var ticks = 0
        while state.wantsTicks, ticks < 1_000 {
            send(&state, .tick(elapsedMicroseconds: 33_000))
            ticks += 1
        }
        #expect(!state.wantsTicks)
        #expect(screen(state).contains("Press → for the next step."))
    }

    @Test func theContinueRowReopensWhereTheLearnerStopped() {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .key(.enter), .key(.character("n")), .key(.character("q")))
        #expect(screen(state).contains("Continue where you stopped: 1. One request, step 2 of 2"))
        send(&state, .key(.enter))
        #expect(screen(state).contains("step 2/2"))
    }

    @Test func longNarrationScrollsAboveAQuizThatStaysInView() {
        let paragraphs = (1...8).map { "Paragraph \($0) says something about servers and clients at some length." }
        let source = TestLessons.requestSource.replacingOccurrences(
            of: "## Check\n", with: "## Check\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        var state = AppState(lessons: [TestLessons.load(source, path: "01-request.md")], start: .lesson(id: "test-request", step: 1))
        #expect(screen(state).contains("Paragraph 1 says"))
        #expect(screen(state).contains("↓"))
        #expect(screen(state).contains("Who answers the request?"))
        for _ in 0..<60 { send(&state, .key(.down)) }
        #expect(!screen(state).contains("Paragraph 1 says"))
        #expect(screen(state).contains("Paragraph 8 says"))
        #expect(screen(state).contains("↑ back to the top"))
        #expect(screen(state).contains("Who answers the request?"))
        send(&state, .key(.up))
        #expect(screen(state).contains("more line"), "one line up shows there is more below again")
        send(&state, .key(.character("p")), .key(.character("n")))
        #expect(screen(state).contains("Paragraph 1 says"), "a new step starts at the top")
    }

    @Test func clickingANodeInspectsIt() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        send(&state, .resize(width: 80, height: 24), .key(.click(x: 7, y: 12)))
        #expect(screen(state).contains("╔ c1 ═"))
        #expect(screen(state).contains("A client asks a server and waits"))
    }
}

private func progress(step: Int) -> Progress {
    var progress = Progress()
    progress.recordStep(step, in: "test-request")
    return progress
}
