import LessonKit
import Testing
@testable import TeachUI

/// A quiz the learner has answered and gone on from shrinks to one line, in its place:
/// what the run then shows reads after the question it answers.
@Suite struct AnsweredQuizTests {
    static let lesson = TestLessons.load("""
        ---
        id: test-predict
        title: Predict
        summary: Predict, then watch.
        essay: [2]
        claims: [C1]
        seed: 2
        network:
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 2 }
          groups:
            clients: { count: 2, prefix: c, upload: 1Mbps, download: 10Mbps }
        ---

        ## Predict and watch

        ```quiz
        ask: Will the server answer c1?
        choices:
          - text: Yes, it is up
            explain: Nothing stops it.
          - text: No
            explain: It is up and idle.
        answer: 1
        ```

        ```sim
        - request: { from: c1, to: server, what: "GET /page" }
        - run: idle
        ```

        The server answered {responses} request.
        """, path: "predict.md")

    @Test func theAnsweredQuizIsOneLineAboveWhatTheRunShowed() throws {
        var state = TestLessons.atQuiz(Self.lesson)
        send(&state, .key(.character(" ")), .key(.enter))
        TestLessons.playOut(&state)
        let text = screen(state, width: 180, height: 30)
        let question = try #require(text.range(of: "Will the server answer c1? ✓ Right on the first try: 1. Yes,"))
        let result = try #require(text.range(of: "The server answered 1 request."))
        #expect(question.lowerBound < result.lowerBound)
        #expect(!text.contains("2. No"), "the choices are folded away")
    }

    /// Right only on the second try: the quiz's line says so, in the words of the end of
    /// the lesson's card, which counts first tries (play-test: "You were right" after a
    /// miss, then a card that did not count the quiz).
    @Test func aRightRetrySaysSecondTryAndTheCardCountsFirstTries() throws {
        var state = TestLessons.atQuiz(Self.lesson, answer: false)
        send(&state, .key(.character("2")), .key(.character("1")), .key(.character(" ")), .key(.enter))
        TestLessons.playOut(&state)
        let line = screen(state, width: 180, height: 30).split(separator: "\n").first { $0.contains("Will the server") }.map(String.init)
        #expect(line?.contains("Will the server answer c1? ✓ Right on the second try:") == true, "\(line ?? "no line")")
        var presses = 0
        while !state.lessonIsOver, presses < 100 {
            send(&state, .key(.right))
            TestLessons.playOut(&state)
            presses += 1
        }
        #expect(state.lessonIsOver, "the end of the lesson")
        let card = screen(state, width: 100, height: 30).split(separator: "\n").first { $0.contains("Quizzes") }.map(String.init)
        #expect(card?.contains("Quizzes: 0 of 1 right on the first try") == true, "\(card ?? "no card line")")
    }
}
