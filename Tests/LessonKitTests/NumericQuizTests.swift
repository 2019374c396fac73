import Testing
@testable import LessonKit

/// A quiz with no choices is answered with a number, right within its tolerance.
@Suite struct NumericQuizTests {
    static func lesson(_ quiz: String) -> String {
        """
        ---
        id: numbers
        title: Numbers
        summary: Goal, answer with a number.
        essay: [2]
        network:
          nodes:
            server: { role: server }
            c1: { role: client }
        ---

        ## One
        Predict.

        ```quiz
        \(quiz)
        ```

        ```sim
        - request: { from: c1, to: server }
        - run: idle
        ```
        """
    }

    private func quiz(_ text: String) throws -> Quiz {
        let outcome = LessonLoader.load(source: Self.lesson(text), path: "numbers.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        return try #require(lesson.steps[0].quizzes.first)
    }

    @Test func anAbsoluteToleranceCountsItsEdges() throws {
        let quiz = try quiz("ask: How many?\nanswer: 50 ± 5\nunit: requests/s\nexplain: Ten clients, five each.")
        #expect(quiz.numeric?.shown == "50 ± 5 requests/s")
        #expect(quiz.isCorrect(typed: "45") == true)
        #expect(quiz.isCorrect(typed: "55") == true)
        #expect(quiz.isCorrect(typed: "55.1") == false)
        #expect(quiz.isCorrect(typed: "44,9") == false, "a decimal comma reads as a point")
        #expect(quiz.isCorrect(typed: "fifty") == nil, "not a number: not judged")
    }

    @Test func aRelativeToleranceAndThePlusMinusSpelling() throws {
        let percent = try quiz("ask: How long?\nanswer: 180 ± 10%\nexplain: Twice 90 ms.")
        #expect(percent.isCorrect(typed: "162") == true)
        #expect(percent.isCorrect(typed: "199") == false)
        let spelled = try quiz("ask: How long?\nanswer: 12.5 +- 0.5\nexplain: Half of 25.")
        #expect(spelled.isCorrect(typed: "13") == true)
        let exact = try quiz("ask: How many?\nanswer: 3\nexplain: One, two, three.")
        #expect(exact.isCorrect(typed: "3.0") == true)
        #expect(exact.isCorrect(typed: "3.1") == false)
    }

    @Test func mistakesAreReportedWhereTheyAreWritten() {
        let messages = LessonLoader.load(source: Self.lesson("ask: How many?\nanswer: about fifty\nexplain: Fifty."), path: "numbers.md")
            .diagnostics.map(\.description)
        #expect(messages == [
            "numbers.md:17:9: error: with no 'choices', the answer is the number the learner types, with how far off may still count: like 'answer: 50 ± 5' or 'answer: 12.5 ± 10%' (or '+-' for '±'), not 'about fifty'",
        ])
        let unexplained = LessonLoader.load(source: Self.lesson("ask: How many?\nanswer: 50 ± 5"), path: "numbers.md").diagnostics.map(\.description)
        #expect(unexplained == ["numbers.md:16:1: warning: this quiz has no explanation: add 'explain: ...' to say how the number comes about"])
    }
}

/// The reasons for a wrong number belong to a quiz answered with one.
@Suite struct NumericReasonTests {
    @Test func aNumericQuizKeepsItsReasonsAndAChoiceQuizRefusesThem() throws {
        func lesson(_ quiz: String) -> LoadOutcome {
            LessonLoader.load(contents: Array("""
                ---
                id: reasons
                title: Reasons
                summary: Why a number is wrong.
                essay: [4]
                network:
                  nodes:
                    server: { role: server }
                ---

                ## Guess

                ```quiz
                \(quiz)
                ```
                """.utf8), path: "reasons.md")
        }
        let numeric = lesson("ask: How many?\nanswer: 40 ± 2\ntoo-high: Fewer fit.\ntoo-low: More fit.\nexplain: Forty.")
        let quiz = try #require(numeric.lesson?.steps.first?.script.compactMap { if case let .quiz(quiz) = $0.kind { quiz } else { nil } }.first)
        #expect(quiz.numeric?.tooHigh == "Fewer fit.")
        #expect(quiz.numeric?.tooLow == "More fit.")
        let choices = lesson("ask: Which?\nchoices:\n  - text: A\n    explain: a\n  - text: B\n    explain: b\nanswer: 1\ntoo-high: No.")
        #expect(choices.diagnostics.map(\.description).contains("reasons.md:21:11: error: 'too-high' is for a quiz answered with a number (one with no 'choices')"))
    }
}
