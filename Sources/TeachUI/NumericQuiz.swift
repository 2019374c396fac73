import Canvas
import LessonKit

/// A quiz answered with a number (`answer: 50 ± 5`): the learner types it (digits, a
/// decimal point or comma, a minus sign), Backspace takes a character back, Enter
/// submits. As with choices, a first wrong answer gets a second try.
extension LessonSession {
    /// The longest number the input takes.
    static let numberInputLength = 16

    mutating func handleNumericQuiz(_ key: Key, quiz: Quiz, place: QuizPlace) -> LessonKeyOutcome? {
        var answer = answers[place] ?? QuizAnswer()
        switch key {
        case let .character(c) where c.isNumber || c == "." || c == "," || c == "-":
            guard answer.typed.count < Self.numberInputLength, c.isASCII else { return .done }
            answer.typed.append(c)
            answers[place] = answer
            return .done
        case .backspace:
            if !answer.typed.isEmpty { answer.typed.removeLast() }
            answers[place] = answer
            return .done
        case .enter:
            guard let correct = quiz.isCorrect(typed: answer.typed) else { return .done }
            if correct || answer.missed {
                answer.answered = true
            } else {
                answer.missed = true
                answer.triedNumber = answer.typed
                answer.typed = ""
            }
            answers[place] = answer
            return .answered(step: runner.stepIndex, quiz: quizNumber(at: place.position), correct: correct)
        default:
            return nil
        }
    }
}

/// How a numeric quiz is shown: the question, the number being typed, the verdict.
enum NumericQuizView {
    /// What the learner sees of a numeric quiz: its question, and once answered (or on a
    /// second try) the verdict and why.
    static func quiz(_ quiz: Quiz, answer: LessonSession.QuizAnswer) -> QuizView {
        var view = QuizView(question: quiz.question, choices: [], explanations: [], answers: [], multiple: false, picked: [],
                            answered: answer.answered, missed: answer.missed, explanation: quiz.explanation)
        view.notes = notes(quiz, answer: answer)
        return view
    }

    private static func notes(_ quiz: Quiz, answer: LessonSession.QuizAnswer) -> [String] {
        guard let numeric = quiz.numeric else { return [] }
        if answer.answered {
            let verdict: String
            if answer.typed.isEmpty {
                verdict = "The answer: **\(numeric.shown)**."
            } else if quiz.isCorrect(typed: answer.typed) == true {
                verdict = "Right: **\(numeric.shown)**."
            } else {
                verdict = "Not quite: you said \(answer.typed); the answer is **\(numeric.shown)**."
            }
            return [verdict] + (quiz.explanation.map { [$0] } ?? [])
        }
        if answer.missed, let tried = answer.triedNumber, let number = NumericAnswer.number(typed: tried) {
            let low = number < numeric.value
            let why = (low ? numeric.tooLow : numeric.tooHigh).map { " " + $0 } ?? ""
            return ["Not quite: \(tried) is too \(low ? "low" : "high").\(why) Have another go."]
        }
        return []
    }

    /// The input line under a numeric quiz not yet answered: what has been typed so far,
    /// and the unit.
    static func prompt(_ quiz: Quiz, answer: LessonSession.QuizAnswer, presenting: Bool) -> StyledText? {
        if presenting { return nil }
        let unit = quiz.numeric?.unit.map { " " + $0 } ?? ""
        return StyledText([
            StyledSpan("Type a number and press "), StyledSpan("Enter", .strong), StyledSpan(": "),
            StyledSpan(answer.typed + "_", .strong), StyledSpan(unit),
        ])
    }

    /// An answered numeric quiz, as one line of the narration: the answer and a mark.
    static func answered(_ quiz: Quiz, answer: LessonSession.QuizAnswer, tick: String, cross: String) -> StyledText {
        let verdict = answer.typed.isEmpty ? "The answer: "
            : quiz.isCorrect(typed: answer.typed) == true ? "\(tick) \(LessonOverPanel.rightOn(secondTry: answer.missed)): "
            : "\(cross) You said \(answer.typed); the answer is "
        return StyledText([StyledSpan(quiz.question + " "), StyledSpan(verdict, .emphasis), StyledSpan(quiz.numeric?.shown ?? "", .strong)])
    }
}
