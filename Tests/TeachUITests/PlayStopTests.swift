import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// Playing a lesson stops exactly where its script does: at the end of every wait, and
/// at the step's end, with the state the plain transcript shows there.
@Suite struct PlayStopTests {
    /// Enter, then ticks until nothing moves any more.
    private func play(_ state: inout AppState) {
        send(&state, .key(.enter))
        var ticks = 0
        while state.wantsTicks, ticks < 10_000 {
            send(&state, .tick(elapsedMicroseconds: 100_000))
            ticks += 1
        }
    }

    private func runner(_ state: AppState) -> LessonRunner? { state.lesson?.stage.driver.runner }

    /// The runner on its own, moved on until the script position changes.
    private func afterWait(_ runner: LessonRunner) -> LessonRunner {
        var runner = runner
        let position = runner.scriptPosition
        while runner.scriptPosition == position, runner.stepEvent() != nil {}
        return runner
    }

    @Test func playStopsWhenEachWaitIsOverAndAtTheStepsEnd() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 0))
        var reference = try #require(runner(state))
        reference = afterWait(reference)
        play(&state)
        let paused = try #require(runner(state))
        #expect(paused.scriptPosition == reference.scriptPosition)
        #expect(paused.simulation.eventCount == reference.simulation.eventCount)
        #expect(state.lesson?.stage.clock == reference.simulation.now)
        #expect(screen(state, width: 120).contains("The queue holds 2 requests now."))
        #expect(screen(state).contains("paused"))

        play(&state)
        #expect(screen(state, width: 120).contains("The queue holds 2 requests now."), "the paragraph speaks of the moment the queue filled")
        var plain = LessonRunner(lesson: TestLessons.queue)
        plain.finishStep()
        let done = try #require(runner(state))
        #expect(done.pending == .done)
        #expect(done.simulation.eventCount == plain.simulation.eventCount)
        #expect(done.simulation.now == plain.simulation.now)
    }

    @Test func nothingRunsAfterTheStepIsDoneAndTheNextStepGoesOnFromThere() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 1))
        play(&state)
        let done = try #require(runner(state))
        #expect(done.pending == .done)
        let end = (done.simulation.eventCount, done.simulation.now)
        #expect(!done.simulation.isIdle, "the step ends while requests are still under way")

        #expect(screen(state).contains("step done"))
        #expect(screen(state).contains("→ Enter next step"), "the key bar says where → goes now")

        send(&state, .key(.right))
        let next = try #require(runner(state))
        #expect(next.stepIndex == 2)
        #expect((next.simulation.eventCount, next.simulation.now) == end)
    }
}

/// n moves on, but never silently past a quiz.
@Suite struct NextStepTests {
    @Test func nDuringTheLastStepsRunStopsAtItsQuizAndTheLessonIsNotFinished() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 2))
        send(&state, .key(.enter), .tick(elapsedMicroseconds: 33_000), .key(.character("n")))
        let runner = try #require(state.lesson?.stage.driver.runner)
        #expect(runner.stepIndex == 2)
        #expect(runner.simulation.isIdle, "the run was played to its end")
        guard case .quiz = runner.pending else {
            Issue.record("n went past the quiz: \(runner.pending)")
            return
        }
        #expect(screen(state, width: 120).contains("How many requests can the queue hold?"))
        #expect(!screen(state, width: 120).contains("Lesson complete"))
        #expect(state.progress.lessons["test-queue"]?.finished != true)
    }

    /// n on a quiz on screen asks for the answer first, as → does (play-test: n skipped
    /// the quiz unanswered); once answered, n goes on and finishes the lesson.
    @Test func nOnAQuizOnScreenAsksForTheAnswerFirst() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 2))
        send(&state, .key(.character("n")))
        let quiz = try #require(state.lesson?.pendingQuiz)
        send(&state, .key(.character("n")))
        #expect(state.lesson?.pendingQuiz?.1 == quiz.1, "the quiz stays on screen")
        #expect(state.lesson?.runner.isFinished != true)
        #expect(screen(state, width: 120).contains("Answer first"))
        #expect(state.progress.lessons["test-queue"]?.finished != true)
        TestLessons.answerQuiz(&state)
        send(&state, .key(.character("n")))
        #expect(state.lesson?.stage.driver.runner.isFinished == true)
        #expect(state.progress.lessons["test-queue"]?.finished == true)
    }

    /// A presenter's n goes on past a quiz: the class answers aloud.
    @Test func aPresentersNPassesAQuizOnScreen() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 2), presenting: true)
        send(&state, .key(.character("n")))
        try #require(state.lesson?.pendingQuiz != nil)
        send(&state, .key(.character("n")))
        #expect(state.lesson?.stage.driver.runner.isFinished == true)
    }

    @Test func nOnAStepWithoutQuizGoesToTheNextStep() throws {
        var state = AppState(lessons: [TestLessons.queue], start: .lesson(id: "test-queue", step: 0))
        send(&state, .key(.character("n")))
        #expect(state.lesson?.stage.driver.runner.stepIndex == 1)
    }
}

/// The screen speaks of the moment it shows: while the last message of a wait is still
/// on its way, the text after the wait, the step being done and the quiz that follows
/// all wait for it to arrive.
@Suite struct CatchingUpTests {
    @Test func narrationAfterAWaitAppearsWhenItsEventIsOnScreen() throws {
        var state = AppState(lessons: [TestLessons.request], start: .lesson(id: "test-request", step: 0))
        // Step to the last event: the answer arriving back at c1 ends the wait.
        var steps = 0
        while state.lesson?.shownPending != .done, steps < 40 {
            send(&state, .key(.right), .tick(elapsedMicroseconds: 1_000_000))
            steps += 1
        }
        send(&state, .key(.left), .tick(elapsedMicroseconds: 1_000_000), .key(.right))
        let gliding = screen(state, width: 120)
        #expect(state.lesson?.stage.heldState != nil, "the answer is still gliding to c1")
        #expect(gliding.contains("until nothing more happens"))
        #expect(!gliding.contains("step done"))
        #expect(gliding.contains("Press → to step or Enter to play."))

        send(&state, .tick(elapsedMicroseconds: 1_000_000))
        let arrived = screen(state, width: 120)
        #expect(arrived.contains("step done"))
        #expect(arrived.contains("Press → for the next step."))
    }
}

/// Small keys of the lesson screen that say what they do.
@Suite struct PlayingKeysTests {
    @Test func enterAtAPauseGoesOnAndPlaysWhatFollows() {
        let source = TestLessons.requestSource.replacingOccurrences(of: "- run: idle", with: "- pause: What comes back?\n- run: idle")
        var state = AppState(lessons: [TestLessons.load(source, path: "01-request.md")], start: .lesson(id: "test-request", step: 0))
        #expect(state.lesson?.stage.driver.runner.pending == .pause("What comes back?"))
        #expect(update(&state, .key(.enter)) == [.animate(true)], "Enter plays, as its hint says")
        #expect(screen(state).contains("▶ playing"))
    }

    @Test func theStatusSaysPlayingUntilThePlayHasReachedItsStop() throws {
        var state = AppState(lessons: [TestLessons.request], start: .lesson(id: "test-request", step: 0))
        send(&state, .key(.enter))
        var ticks = 0
        while state.lesson?.stage.playback.stopAhead == false, state.wantsTicks, ticks < 10_000 {
            send(&state, .tick(elapsedMicroseconds: 100_000))
            ticks += 1
        }
        #expect(state.lesson?.stage.playback.stopAhead == true, "the play has run the event where it stops")
        #expect(state.lesson?.stage.heldState != nil, "and the last message is still on its way there")
        #expect(screen(state).contains("▶ playing"))
        while state.wantsTicks, ticks < 10_000 {
            send(&state, .tick(elapsedMicroseconds: 100_000))
            ticks += 1
        }
        #expect(screen(state).contains("❚❚ paused"))
    }
}
