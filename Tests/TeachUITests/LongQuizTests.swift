import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// A quiz whose choices and notes take most of the narration panel: nothing is lost,
/// whatever does not fit scrolls with a line saying so, and the prompt stays in view.
@Suite struct LongQuizTests {
    static let lesson = TestLessons.load(lessonSource(explanation: nil), path: "long-quiz.md")

    /// The lesson at step 2 in a window of 100x20: its panel is 38 columns by 15 rows,
    /// short enough that the quiz and its notes only just fit.
    static func open(_ lesson: Lesson) -> AppState {
        TestLessons.atQuiz(lesson, step: 1, size: (100, 20), answer: false)
    }

    /// The narration panel's rows, trimmed: of `drawn` when given (the state's screen as
    /// already drawn), else of the state drawn now.
    static func panel(_ state: AppState, drawn: Canvas? = nil) -> [String] {
        let inner = LessonScreenView.inner(state.screenLayout.narration)
        let text = drawn?.text ?? screen(state, width: state.width, height: state.height)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(inner.y).prefix(inner.height).map {
            String(String($0).dropFirst(inner.x).prefix(inner.width)).trimmingCharacters(in: .whitespaces)
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
        var state = Self.open(Self.lesson)
        #expect(Self.panel(state).first?.hasPrefix("What if the server is") == true)
        send(&state, .key(.character("2")))
        let panel = Self.panel(state)
        #expect(panel.contains("Right."))
        #expect(panel.contains { $0.hasPrefix("2: The requests have nowhere") })
        #expect(panel.contains { $0.hasSuffix("holds the page.") }, "the whole note is in view")
        #expect(panel.contains("Press → to go on."))
        #expect(!panel.contains { $0.contains("1. The clients get") }, "once answered, the choices the notes do not speak of make room")
        #expect(panel.first?.hasPrefix("What if the server is") == true, "the narration is still there above")
    }

    @Test func afterAMissTheQuestionEveryChoiceAndWhyStayInView() {
        var state = Self.open(Self.lesson)
        send(&state, .key(.character("1")))
        let panel = Self.panel(state)
        #expect(panel.contains { $0.hasPrefix("✗ 1.") })
        #expect(panel.contains { $0.hasPrefix("3.") })
        #expect(panel.contains { $0.hasPrefix("1: Clients hold no page;") })
        #expect(panel.contains("Not quite. Answer with 1-3."))
    }

    @Test func notesTooLongForThePanelScrollWithTheNarrationAndComeIntoView() {
        var state = Self.open(Self.longerLesson)
        send(&state, .key(.character("2")))
        var panel = Self.panel(state)
        #expect(panel.contains("Right."), "the notes are scrolled into view")
        #expect(panel.contains { $0.hasSuffix("holds the page.") }, "all of them")
        #expect(panel.contains("Press → to go on."))
        send(&state, .key(.character("p")), .key(.character("n")))
        panel = Self.panel(state)
        #expect(panel.first?.hasPrefix("What if the server is") == true, "coming back, the panel starts with the narration")
        #expect(panel.contains { $0.contains("↓") && $0.contains("more line") })
        #expect(panel.contains("Press → to go on."))
        for _ in 0..<40 { send(&state, .key(.down)) }
        panel = Self.panel(state)
        #expect(!panel.contains { $0.hasPrefix("What if the server is") })
        #expect(panel.contains { $0.hasSuffix("holds the page.") }, "the last explanation is reachable")
        #expect(panel.contains { $0.contains("↑ back to the top") })
        send(&state, .key(.up))
        #expect(Self.panel(state).contains { $0.contains("↓ 1 more line") }, "Up scrolls back at once")
    }
}

/// Every quiz of the bundled course as a student meets it. At 80x24, before answering and
/// after a wrong pick, the question and every choice (the narration panel keeps its width
/// for the stage's sake, so the text above a long quiz and the notes on a miss may
/// scroll, with a line that says how). At 100x24, whose panel is as wide as 80x24 once
/// gave a quiz: also the narration that leads to it (three lines of it at least); after
/// a wrong pick, why the pick was wrong; answered wrong twice, the picked and the right
/// choice with why each is so, the verdict and the quiz's closing note; answered right,
/// the right choice's note and the closing one.
@Suite struct EveryQuizOnScreenTests {
    /// The narration panel's rows, each trimmed.
    private static func rows(_ state: AppState) -> [String] {
        let canvas = render(state, width: state.width, height: state.height, capabilities: .full)
        let inner = LessonScreenView.inner(state.screenLayout.narration)
        return (inner.y..<inner.maxY).map { y in
            (inner.x..<inner.maxX).map { canvas[$0, y].text }.joined().trimmingCharacters(in: .whitespaces)
        }
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What of `choices`, of the notes on `explained` choices, of the closing note and of
    /// the narration above the quiz is not on screen.
    private static func problems(_ state: AppState, quiz: Quiz, moment: String, choices: [Int], explained: [Int] = [],
                                 verdict: String? = nil, overall: Bool = false, narration: Bool = false) -> [String] {
        let rows = rows(state)
        let shown = collapsed(rows.joined(separator: " "))
        var missing: [String] = []
        if !choices.isEmpty, !shown.contains(collapsed(quiz.question)) { missing.append("\(moment): question") }
        for index in choices where !shown.contains("\(index + 1). " + collapsed(quiz.choices[index].text)) {
            missing.append("\(moment): choice \(index + 1)")
        }
        for index in explained {
            guard let why = quiz.choices[index].explanation else { continue }
            if !shown.contains("\(index + 1): " + collapsed(StyledText(markup: why).plainText)) { missing.append("\(moment): why \(index + 1)") }
        }
        if let verdict, !shown.contains(verdict) { missing.append("\(moment): \(verdict)") }
        if overall, let why = quiz.explanation, !shown.contains(collapsed(StyledText(markup: why).plainText)) {
            missing.append("\(moment): explanation")
        }
        if narration, let session = state.lesson {
            let theme = Theme(.full), width = LessonScreenView.inner(state.screenLayout.narration).width
            let text = NarrationRenderer(narration: state.narration(session, theme: theme), theme: theme).narrationLines(width: width)
                .map { $0.spans.map(\.text).joined().trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let seen = text.filter { rows.contains($0) }.count
            if seen < min(3, text.count) { missing.append("\(moment): \(seen) of \(text.count) lines of narration") }
        }
        return missing
    }

    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func theQuestionChoicesNarrationAndNotesAreOnScreen(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        try walk(lesson, width: 100, height: 24, all: true)
        try walk(lesson, width: 80, height: 24, all: false)
    }

    /// Answers every quiz of `lesson` in a window of this size, checking what is on
    /// screen at each moment: everything, or (`all` false) the question and every choice.
    private func walk(_ lesson: Lesson, width: Int, height: Int, all checksAll: Bool) throws {
        let id = lesson.id
        var missing: [String] = []
        func problems(_ state: AppState, quiz: Quiz, moment: String, choices: [Int], explained: [Int] = [],
                      verdict: String? = nil, overall: Bool = false, narration: Bool = false) -> [String] {
            guard checksAll || !choices.isEmpty else { return [] }
            return checksAll ? Self.problems(state, quiz: quiz, moment: moment, choices: choices, explained: explained,
                                             verdict: verdict, overall: overall, narration: narration)
                : Self.problems(state, quiz: quiz, moment: moment, choices: choices)
        }
        for step in lesson.steps.indices {
            var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            send(&state, .resize(width: width, height: height))
            var moves = 0
            while let session = state.lesson, session.runner.stepIndex == step, !session.runner.isFinished, moves < 50 {
                moves += 1
                guard let (quiz, quizPlace) = session.pendingQuiz, !state.wantsTicks else {
                    // Until the stage has caught up, the screen shows the moment before the quiz.
                    if !state.wantsTicks { send(&state, .key(.character("n"))) }
                    TestLessons.playOut(&state)
                    continue
                }
                if session.answers[quizPlace]?.answered == true {
                    // Checked already; Space first pages through notes longer than the panel.
                    send(&state, .key(.character(" ")))
                    continue
                }
                let place = "step \(step + 1)"
                if let numeric = quiz.numeric {
                    for digit in String(numeric.value) { send(&state, .key(.character(digit))) }
                    send(&state, .key(.enter))
                    missing += problems(state, quiz: quiz, moment: place + " answered", choices: [], overall: true)
                    send(&state, .key(.character(" ")))
                    continue
                }
                let all = Array(quiz.choices.indices), right = quiz.answers.sorted()
                missing += problems(state, quiz: quiz, moment: place + " before answering", choices: all, narration: true)
                let wrong = quiz.choices.indices.filter { !quiz.answers.contains($0) }
                if !quiz.multiple, let first = wrong.first {
                    send(&state, .key(.character(Character(String(first + 1)))))
                    missing += problems(state, quiz: quiz, moment: place + " after a miss", choices: all, explained: [first])
                    if let second = wrong.dropFirst().first {
                        var twice = state
                        send(&twice, .key(.character(Character(String(second + 1)))))
                        missing += problems(twice, quiz: quiz, moment: place + " missed twice", choices: [],
                                                 explained: ([second] + right).sorted(), verdict: "Not quite:", overall: true)
                    }
                }
                for answer in right { send(&state, .key(.character(Character(String(answer + 1))))) }
                if quiz.multiple { send(&state, .key(.enter)) }
                missing += problems(state, quiz: quiz, moment: place + " answered", choices: [], explained: right, overall: true)
                send(&state, .key(.character(" ")))
            }
        }
        #expect(missing.isEmpty, "\(id) at \(width)x\(height): \(missing)")
    }
}
