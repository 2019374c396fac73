/// A class followed as plain text (`netstep join … --plain`, for screen readers): each
/// step's heading and narration as the presenter reaches them, each quiz as it opens
/// (without its answer), the answer once the presenter shows it, and how the class
/// answered. Only what is new is printed, so the text reads top to bottom.
public struct ClassTranscript: Sendable {
    private var runner: LessonRunner
    private var shownStep: Int?
    private var shownParagraphs = 0
    private var shownQuiz: ClassQuestion?
    private var revealedQuiz: ClassQuestion?
    private var saidWaiting = false

    public init(lesson: Lesson) {
        runner = LessonRunner(lesson: lesson)
    }

    /// The lines the class's new `moment` adds.
    public mutating func follow(_ moment: ClassMoment) -> [String] {
        guard moment.started else {
            guard !saidWaiting else { return [] }
            saidWaiting = true
            return ["Joined \(runner.lesson.title). Waiting for the presenter to start."]
        }
        runner.follow(to: moment)
        var lines: [String] = []
        let step = runner.step
        if shownStep != runner.stepIndex {
            shownStep = runner.stepIndex
            shownParagraphs = 0
            let heading = "Step \(runner.stepIndex + 1) of \(runner.lesson.steps.count): \(step.title)"
            lines += ["", heading, String(repeating: "=", count: heading.count)]
        }
        while shownParagraphs < step.narration.count, step.narration[shownParagraphs].revealAt <= runner.scriptPosition {
            lines += [runner.text(of: step.narration[shownParagraphs]), ""]
            shownParagraphs += 1
        }
        if let (question, quiz) = quizOnScreen {
            if shownQuiz != question {
                shownQuiz = question
                lines.append("Quiz: \(quiz.question)\(quiz.multiple ? " (pick all that apply)" : "")")
                lines += quiz.choices.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }
                lines.append("Type the number of your answer and Enter.")
            }
            if moment.revealed, revealedQuiz != question {
                revealedQuiz = question
                lines.append("Answer: " + quiz.answers.sorted().map { "\($0 + 1). \(quiz.choices[$0].text)" }.joined(separator: "; "))
                if let explanation = quiz.explanation { lines.append(explanation) }
            }
        }
        return lines
    }

    /// The quiz the class is at, open for answers.
    public func openQuestion(_ moment: ClassMoment) -> (ClassQuestion, Quiz)? {
        guard moment.started, !moment.revealed else { return nil }
        return quizOnScreen
    }

    private var quizOnScreen: (ClassQuestion, Quiz)? {
        guard case let .quiz(quiz) = runner.pending else { return nil }
        return (ClassQuestion(step: runner.stepIndex, position: runner.scriptPosition), quiz)
    }

    /// How the class answered, one line per choice.
    public func tallyLines(_ tally: ClassTally) -> [String] {
        guard runner.lesson.steps.indices.contains(tally.question.step),
              runner.lesson.steps[tally.question.step].script.indices.contains(tally.question.position),
              case let .quiz(quiz) = runner.lesson.steps[tally.question.step].script[tally.question.position].kind else { return [] }
        return ["The class: \(tally.answered) of \(tally.present) answered."] + quiz.choices.indices.map { index in
            let count = tally.counts.indices.contains(index) ? tally.counts[index] : 0
            return "  \(index + 1). \(count)\(quiz.answers.contains(index) ? " (right)" : "")"
        }
    }
}
