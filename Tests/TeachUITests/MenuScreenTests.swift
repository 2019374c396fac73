import Canvas
import LessonKit
import Testing
@testable import TeachUI

@Suite struct MenuScreenTests {
    @Test func listsTheCourseInOrderWithLengthAndTheSelectedSummary() {
        #expect(Screens.menu() == #"""
             netstep: client-server and peer-to-peer, step by step

                1. One request                                                     2 steps
                2. Sharing a file                                                   1 step


















              A client asks a server and gets an answer.
             ↑↓ choose  Enter open  s sandbox  ? help  q quit
            """#)
    }

    @Test func ticksFinishedLessonsAndOffersToContinue() {
        #expect(Screens.menuWithProgress() == #"""
             netstep: client-server and peer-to-peer, step by step

                ▶ Continue where you stopped: 2. Sharing a file, step 1 of 1

              ✓ 1. One request                                                     2 steps
                2. Sharing a file                                                   1 step
















              A client asks a server and gets an answer.
             ↑↓ choose  Enter open  s sandbox  ? help  q quit
            """#)
    }

    @Test func aLongCourseScrollsToKeepTheSelectionAndTheSummaryInView() {
        let lessons = (1...20).map { number in
            var lesson = TestLessons.request
            lesson.id = "lesson-\(number)"
            lesson.title = "Lesson number \(number)"
            return lesson
        }
        var state = AppState(lessons: lessons)
        for _ in 0..<19 { send(&state, .key(.down)) }
        let shown = screen(state)
        #expect(shown.contains("20. Lesson number 20"))
        #expect(!shown.contains(" 1. Lesson number 1 "))
        #expect(shown.contains("A client asks a server and gets an answer."))
    }

    @Test func qOnTheMenuQuits() {
        var state = AppState(lessons: TestLessons.course)
        #expect(update(&state, .key(.character("q"))) == [.quit])
    }

    @Test func selectionStaysWithinTheList() {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .key(.up), .key(.down), .key(.down), .key(.down))
        #expect(state.menuSelection == 1)
    }

    @Test func sOpensTheSandboxAndQComesBack() {
        var state = AppState(lessons: TestLessons.course)
        let menu = screen(state)
        send(&state, .key(.character("s")))
        #expect(screen(state).hasPrefix(" Sandbox"))
        #expect(update(&state, .key(.character("q"))).isEmpty)
        #expect(screen(state) == menu)
    }
}
