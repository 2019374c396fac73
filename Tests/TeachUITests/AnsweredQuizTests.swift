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
        let text = screen(state, width: 140, height: 30)
        let question = try #require(text.range(of: "Will the server answer c1? ✓ You were right: 1. Yes,"))
        let result = try #require(text.range(of: "The server answered 1 request."))
        #expect(question.lowerBound < result.lowerBound)
        #expect(!text.contains("2. No"), "the choices are folded away")
    }
}
