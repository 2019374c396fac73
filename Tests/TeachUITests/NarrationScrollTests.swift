import LessonKit
import Testing
@testable import TeachUI

/// Narration longer than its panel: the line that says so names the keys that scroll
/// it (play-test: ↑↓ were only named in the help, and cs-basics step 1 ended under
/// `↓ 27 more lines`), and → alone never leaves a step with its conclusion unread.
@Suite struct NarrationScrollTests {
    static func basics() throws -> Lesson {
        try #require(CoursePlayTests.lessons.first { $0.id == "cs-basics" })
    }

    @Test func theMoreLinesNoteSaysHowToScroll() throws {
        var state = TestLessons.open(try Self.basics(), size: (80, 24))
        TestLessons.playStep(&state) { _ in }
        let shown = screen(state)
        #expect(shown.contains(/↓ [0-9]+ more lines · ↑↓ scroll/), "\(shown)")
        send(&state, .key(.down))
        #expect(screen(state).contains("↑↓ scroll"), "still named while scrolling")
    }

    @Test func aPresentersClassIsNotToldTheKeys() throws {
        var state = TestLessons.open(try Self.basics(), presenting: true, size: (80, 24))
        TestLessons.playStep(&state) { _ in }
        let shown = screen(state)
        #expect(shown.contains(/↓ [0-9]+ more line/))
        #expect(!shown.contains("scroll"), "\(shown)")
    }

    /// A student pressing only → sees every line of the step before the next opens: →
    /// first pages the unread narration into view.
    @Test func forwardAloneShowsTheConclusionBeforeTheNextStep() throws {
        var state = TestLessons.open(try Self.basics(), size: (80, 24))
        var presses = 0, lastScreen = screen(state)
        while state.lesson?.runner.stepIndex == 0, presses < 300 {
            lastScreen = screen(state)
            send(&state, .key(.right))
            TestLessons.playOut(&state)
            presses += 1
        }
        #expect(state.lesson?.runner.stepIndex == 1)
        #expect(!lastScreen.contains(/↓ [0-9]+ more/), "the step was left with text unread: \(lastScreen)")
    }
}
