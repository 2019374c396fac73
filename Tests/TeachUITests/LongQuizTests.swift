import LessonKit
import Testing
@testable import TeachUI

/// A quiz whose choices and notes take most of the narration panel: nothing is lost,
/// whatever does not fit scrolls with a line saying so, and the prompt stays in view.
@Suite struct LongQuizTests {
    static let lesson = TestLessons.load(lessonSource(explanation: nil), path: "long-quiz.md")

    /// The narration panel's rows at 80x24, trimmed.
    static func panel(_ state: AppState) -> [String] {
        screen(state).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).prefix(19).map {
            String(String($0).dropFirst(50).prefix(28)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The same quiz with a closing explanation too long for the panel beside the rest.
    static let longerLesson = TestLessons.load(
        lessonSource(explanation: (1...4).map { "Reason \($0) why the server alone holds the page." }.joined(separator: " ")), path: "long-quiz.md")

    static func lessonSource(explanation: String?) -> String {
        """
        ---
        id: test-long-quiz
        title: Long quiz
        summary: A quiz with long explanations.
        essay: [2]
        claims: [C2]
        seed: 2
        network:
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 2 }
          groups:
            clients: { count: 2, prefix: c, upload: 1Mbps, download: 10Mbps }
        ---

        ## Before

        Nothing to see.

        ## The long one

        What if the server is switched off? Predict first, then try it.

        ```quiz
        ask: The server goes down and every client asks for the page. What happens?
        choices:
          - text: The clients get the page from each other instead
            explain: Clients hold no page; only the server has the data, so there is nobody else to ask.
          - text: Every client waits, tries again, and finally gives up
            explain: The requests have nowhere to go, so each client times out, retries once and then gives up. Nobody else holds the page.
          - text: The requests are answered later from a copy kept in the network
            explain: Nothing in this network keeps copies; the answer exists only on the server at the end.
        answer: 2
        \(explanation.map { "explain: " + $0 + "\n" } ?? "")```
        """
    }

    @Test func theAnswerAndWhyAreInViewAtOnce() {
        var state = AppState(lessons: [Self.lesson], start: .lesson(id: "test-long-quiz", step: 1))
        #expect(Self.panel(state).first == "What if the server is")
        send(&state, .key(.character("2")))
        let panel = Self.panel(state)
        #expect(panel.contains("Right."))
        #expect(panel.contains("2: The requests have nowhere"))
        #expect(panel.contains("the page."), "the whole note is in view")
        #expect(panel.contains("Press → to go on."))
        #expect(!panel.contains { $0.contains("1. The clients get") }, "once answered, the choices the notes do not speak of make room")
        #expect(panel.first == "What if the server is", "the narration is still there above")
    }

    @Test func afterAMissTheQuestionEveryChoiceAndWhyStayInView() {
        var state = AppState(lessons: [Self.lesson], start: .lesson(id: "test-long-quiz", step: 1))
        send(&state, .key(.character("1")))
        let panel = Self.panel(state)
        #expect(panel.contains { $0.hasPrefix("✗1.") })
        #expect(panel.contains { $0.hasPrefix("3.") })
        #expect(panel.contains("1: Clients hold no page;"))
        #expect(panel.contains("Not quite. Answer with 1-3."))
    }

    @Test func notesTooLongForThePanelScrollWithTheNarrationAndComeIntoView() {
        var state = AppState(lessons: [Self.longerLesson], start: .lesson(id: "test-long-quiz", step: 1))
        send(&state, .key(.character("2")))
        var panel = Self.panel(state)
        #expect(panel.contains("Right."), "the notes are scrolled into view")
        #expect(panel.contains { $0.hasSuffix("holds the page.") }, "all of them")
        #expect(panel.contains("Press → to go on."))
        send(&state, .key(.character("p")), .key(.character("n")))
        panel = Self.panel(state)
        #expect(panel.first == "What if the server is", "coming back, the panel starts with the narration")
        #expect(panel.contains { $0.contains("↓") && $0.contains("more line") })
        #expect(panel.contains("Press → to go on."))
        for _ in 0..<40 { send(&state, .key(.down)) }
        panel = Self.panel(state)
        #expect(!panel.contains("What if the server is"))
        #expect(panel.contains { $0.hasPrefix("✓2.") }, "the choices stay in view, the right one ticked")
        #expect(panel.contains { $0.hasSuffix("holds the page.") }, "the last explanation is reachable")
        #expect(panel.contains { $0.contains("↑ back to the top") })
        send(&state, .key(.up))
        #expect(Self.panel(state).contains { $0.contains("↓ 1 more line") }, "Up scrolls back at once")
    }
}
