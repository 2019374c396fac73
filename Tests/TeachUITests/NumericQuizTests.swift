import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The learner types a number for a quiz answered with one: a first miss says which
/// way it is off, a right answer says so with the reason.
@Suite struct NumericQuizScreenTests {
    static let lesson = TestLessons.load("""
        ---
        id: test-numeric
        title: Numbers
        summary: Predict a number.
        essay: [2]
        network:
          latency: 10ms
          nodes:
            origin: { role: server, latency: 80ms }
            c1: { role: client }
        ---

        ## Predict

        ```quiz
        ask: How many milliseconds until c1 has its answer?
        answer: 180 ± 10%
        unit: ms
        explain: Each way is 10 ms of network and the origin's own 80 ms.
        ```

        ```sim
        - request: { from: c1, to: origin }
        - run: idle
        ```
        """, path: "numeric.md")

    /// → (or n) on a number not yet entered says plainly what the quiz waits for
    /// (play-test: cdn step 2 gave no hint that → was blocked).
    @Test func forwardBeforeANumberSaysToTypeOneFirst() throws {
        for key in [Key.right, .character("n")] {
            var state = AppState(lessons: [Self.lesson], start: .lesson(id: "test-numeric", step: 0))
            send(&state, .resize(width: 80, height: 24), .key(key))
            let panel = LongQuizTests.panel(state).joined(separator: " ")
            #expect(panel.contains("Answer first: type a number, then Enter."), "\(key): \(panel)")
            #expect(state.lesson?.pendingQuiz != nil)
        }
    }

    @Test func typingAMissThenTheAnswer() throws {
        var state = AppState(lessons: [Self.lesson], start: .lesson(id: "test-numeric", step: 0))
        send(&state, .key(.character("9")), .key(.character("0")))
        #expect(screen(state, width: 120, height: 30).contains("Type a number and press Enter: 90_ ms"))
        send(&state, .key(.enter))
        #expect(screen(state, width: 120, height: 30).contains("Not quite: 90 is too low. Have another go."))
        send(&state, .key(.character("1")), .key(.character("7")), .key(.character("5")), .key(.backspace), .key(.character("0")), .key(.enter))
        let text = screen(state, width: 120, height: 30)
        #expect(text.contains("Right: 180 ± 10% ms."))
        #expect(text.contains("Each way is 10 ms of network"))
    }
}
