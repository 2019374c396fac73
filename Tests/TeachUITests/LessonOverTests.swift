import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The end of a lesson: → (or a presenter's PgDn) at "lesson done" shows what the lesson
/// covered, what comes next in the course, and how to go on or leave.
@Suite struct LessonOverTests {
    /// The request lesson on its last step, the quiz answered and passed: "lesson done".
    static func lessonDone(presenting: Bool) -> AppState {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1), presenting: presenting)
        send(&state, .key(presenting ? .pageDown : .character("2")), .key(presenting ? .pageDown : .right))
        return state
    }

    @Test func aPresentersLastClickShowsTheEndAndTheNextGoesOnToTheNextLesson() throws {
        var state = Self.lessonDone(presenting: true)
        #expect(state.lesson?.runner.isFinished == true)
        #expect(state.speakerNotes?.next == "the end of the lesson: what it covered and what comes next")
        send(&state, .key(.pageDown))
        let shown = screen(state, width: 100, height: 30)
        #expect(shown.contains("lesson complete"))
        #expect(shown.contains("✓ Ask once") && shown.contains("✓ Check"), "what the lesson covered")
        #expect(shown.contains("2. Sharing a file") && shown.contains("Peers swap chunks of a file."), "what comes next")
        #expect(shown.contains("→ PgDn next lesson") && shown.contains("q quit"), "how to go on, or stop")
        #expect(state.speakerNotes == SpeakerNotes(heading: "test-request · the lesson is over", text: "Covered: Ask once; Check.",
                                                   next: "lesson 2 · Sharing a file"))
        send(&state, .key(.pageDown))
        #expect(state.lesson?.lesson.id == "test-swarm", "the next click opens the next lesson")
        #expect(!screen(state).contains("lesson complete"))
    }

    @Test func aStudentSeesTheirQuizzesAndGoesBackOrToTheMenu() {
        var state = Self.lessonDone(presenting: false)
        #expect(screen(state, width: 100, height: 30).contains("→ Enter finish the lesson"), "the key bar says where → goes")
        send(&state, .key(.right))
        let shown = screen(state, width: 100, height: 30)
        #expect(shown.contains("Quizzes: 1 of 1 right on the first try"))
        #expect(shown.contains("← back to the lesson") && shown.contains("q menu"))
        send(&state, .key(.left))
        #expect(!screen(state).contains("lesson complete"), "← goes back to the lesson's last step")
        #expect(state.lesson?.runner.isFinished == true)
        send(&state, .key(.right), .key(.character("q")))
        #expect(state.lesson == nil, "q from the end goes to the menu")
    }

    /// Under the end-of-lesson box the key bar lists the box's keys, not the lesson's
    /// (play-test: "→ Enter finish the lesson" under a box that says "→ PgDn next lesson").
    @Test func theKeyBarUnderTheBoxListsTheBoxsKeys() throws {
        var state = Self.lessonDone(presenting: false)
        send(&state, .key(.right))
        let shown = screen(state, width: 80, height: 24)
        let bar = try #require(shown.split(separator: "\n").last.map(String.init))
        #expect(bar.contains("next lesson") && bar.contains("back to the lesson") && bar.contains("start again"), "\(bar)")
        #expect(!bar.contains("finish the lesson") && !bar.contains("inspect") && !bar.contains("steps"), "\(bar)")
    }

    @Test func theCoursesLastLessonSaysNothingComesNext() {
        var state = AppState(lessons: [TestLessons.request], start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("2")), .key(.right), .key(.right))
        let shown = screen(state, width: 100, height: 30)
        #expect(shown.contains("Nothing: this is the course's last lesson."))
        #expect(!shown.contains("next lesson"), "no key for a lesson that is not there")
        send(&state, .key(.right))
        #expect(state.lessonIsOver, "→ has nowhere to go: the end stays")
    }
}

/// A presenter who only clicks PgDn sees every line of the narration: a click scrolls
/// what the panel has not shown yet into view before it moves the lesson on.
@Suite struct UnreadNarrationTests {
    static let lesson = TestLessons.load(TestLessons.requestSource.replacingOccurrences(of: "- run: idle\n```\n", with: """
        - run: idle
        ```

        \((1...12).map { "Line \($0) of what the run showed, long enough to wrap in a narrow panel." }.joined(separator: "\n\n"))

        Last words.

        """), path: "01-request.md")

    @Test func aClickScrollsTheUnreadNarrationBeforeTheNextStep() throws {
        var state = AppState(lessons: [Self.lesson], start: .lesson(id: "test-request", step: 0), presenting: true)
        send(&state, .key(.pageDown))
        TestLessons.playOut(&state)
        #expect(state.lesson?.runner.pending == .done)
        #expect(screen(state).contains("more lines"), "the run's text is longer than the panel")
        #expect(state.speakerNotes?.next.hasPrefix("shows ") == true && state.speakerNotes?.next.contains("of the narration") == true,
                "the notes say the click scrolls: \(state.speakerNotes?.next ?? "")")
        var clicks = 0
        var seenLastWords = false
        while state.lesson?.runner.stepIndex == 0, clicks < 10 {
            seenLastWords = seenLastWords || screen(state).contains("Last words.")
            send(&state, .key(.pageDown))
            clicks += 1
        }
        #expect(clicks > 1, "the first clicks scroll")
        #expect(seenLastWords, "every line was on screen before the step changed")
    }
}
