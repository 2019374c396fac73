import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// Where q and Esc lead, and where a lesson opened straight from the command line starts.
@Suite struct LeavingTests {
    @Test func qAndEscLeaveALessonOpenedDirectlyForTheMenuThatListsIt() {
        for key in [Key.character("q"), .escape] {
            var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-swarm", step: 0))
            #expect(update(&state, .key(key)).isEmpty, "\(key) does not quit")
            let shown = screen(state)
            #expect(shown.contains("2. Sharing a file"))
            #expect(shown.contains("q quit"), "the menu is up")
        }
    }

    @Test func theLastStepsPromptAndTheHelpSayWhereQLeads() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("2")), .key(.character(" ")))
        send(&state, .resize(width: 120, height: 30))
        let prompt = LongQuizTests.panel(state).joined(separator: " ")
        #expect(prompt.contains("Lesson complete. Press → for what comes next, or q for the menu."), "\(prompt)")
        send(&state, .key(.character("?")))
        #expect(screen(state).contains("q Esc    back to the menu"))
        send(&state, .key(.character("?")), .key(.character("q")))
        #expect(screen(state).contains(" 1. One request"), "q on the last step leads to the menu")
    }

    @Test func aLessonOpenedDirectlyStartsWhereTheLearnerStopped() {
        var progress = Progress()
        progress.recordStep(1, in: "test-request")
        let resumed = AppState(lessons: TestLessons.course, progress: progress, start: .lesson(id: "test-request", step: nil))
        #expect(resumed.lesson?.runner.stepIndex == 1)
        #expect(resumed.progress == progress, "opening it keeps the saved step")

        let chosen = AppState(lessons: TestLessons.course, progress: progress, start: .lesson(id: "test-request", step: 0))
        #expect(chosen.lesson?.runner.stepIndex == 0, "a step asked for wins")

        progress.markFinished("test-request")
        let again = AppState(lessons: TestLessons.course, progress: progress, start: .lesson(id: "test-request", step: nil))
        #expect(again.lesson?.runner.stepIndex == 0, "a finished lesson starts over")
    }

    @Test func whereThereIsNoMenuBehindTheScreenQQuitsAndTheScreenSaysSo() {
        var sandbox = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        #expect(screen(sandbox).contains("q quit"))
        send(&sandbox, .key(.character("?")))
        #expect(screen(sandbox).contains("q Esc    quit"))
        send(&sandbox, .key(.character("?")))
        #expect(update(&sandbox, .key(.character("q"))) == [.quit])

        var presenting = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0), presenting: true)
        send(&presenting, .key(.character("?")))
        let help = screen(presenting)
        #expect(help.contains("q        quit"))
        #expect(!help.contains("q Esc"), "a clicker's Esc does not leave")
    }
}
