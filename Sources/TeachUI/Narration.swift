import Canvas

/// One block of a step's narration, with live values already filled in.
struct NarrationBlock: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case text, bullet, heading, code
    }

    var kind: Kind
    var text: StyledText
}

/// A quiz as the learner sees it: before answering, the choices; after, which were right,
/// what they picked, and why.
struct QuizView: Hashable, Sendable {
    var question: String
    var choices: [String]
    var explanations: [String?]
    var answers: Set<Int>
    var multiple: Bool
    /// Choices picked so far (0-based).
    var picked: Set<Int>
    /// The learner has committed: explanations are shown.
    var answered: Bool
    var explanation: String?
}

/// The narration panel's content: the step's text, then whatever the step waits for.
struct NarrationView: Hashable, Sendable {
    var blocks: [NarrationBlock]
    var quiz: QuizView? = nil
    /// What the learner should do now: "Press **k** to take the server down."
    var prompt: StyledText? = nil
}

/// Draws narration into a panel. The quiz and the prompt are anchored at the bottom so
/// they stay visible; narration that does not fit above them is cut with an ellipsis.
struct NarrationRenderer {
    let narration: NarrationView
    let theme: Theme

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard rect.width > 2, !rect.isEmpty else { return }
        var bottom = lines(forQuizAndPrompt: rect.width)
        var top = narration.blocks.enumerated().flatMap { index, block in
            (index > 0 ? [Line(spans: [], indent: 0)] : []) + lines(for: block, width: rect.width)
        }
        if !bottom.isEmpty, !top.isEmpty { bottom.insert(Line(spans: [], indent: 0), at: 0) }
        if bottom.count > rect.height { bottom = Array(bottom.prefix(rect.height)) }
        let topRoom = rect.height - bottom.count
        if top.count > topRoom {
            top = Array(top.prefix(max(0, topRoom)))
            if let last = top.indices.last {
                top[last] = Line(spans: [StyledSpan(theme.glyphs.ellipsis)], indent: top[last].indent)
            }
        }
        for (offset, line) in (top + bottom).enumerated() {
            canvas.put(line.spans, x: rect.x + line.indent, y: rect.y + offset, limit: rect.width - line.indent, style: theme.text)
        }
    }

    private struct Line {
        var spans: [StyledSpan]
        var indent: Int
    }

    private func lines(for block: NarrationBlock, width: Int) -> [Line] {
        switch block.kind {
        case .text:
            return block.text.wrapped(width: width).map { Line(spans: $0, indent: 0) }
        case .heading:
            let strong = StyledText(block.text.spans.map { StyledSpan($0.text, .strong) })
            return strong.wrapped(width: width).map { Line(spans: $0, indent: 0) }
        case .bullet:
            let bullet = theme.unicode ? "•" : "-"
            return block.text.wrapped(width: max(1, width - 2)).enumerated().map { index, spans in
                index == 0 ? Line(spans: [StyledSpan(bullet + " ")] + spans, indent: 0) : Line(spans: spans, indent: 2)
            }
        case .code:
            return block.text.plainText.split(separator: "\n", omittingEmptySubsequences: false).map {
                Line(spans: [StyledSpan(String($0), .code)], indent: 2)
            }
        }
    }

    private func lines(forQuizAndPrompt width: Int) -> [Line] {
        var result: [Line] = []
        if let quiz = narration.quiz {
            result += StyledText([StyledSpan(quiz.question, .strong)]).wrapped(width: width).map { Line(spans: $0, indent: 0) }
            for (index, choice) in quiz.choices.enumerated() {
                let mark = choiceMark(quiz, index)
                let label = "\(mark)\(index + 1). "
                let wrapped = StyledText([StyledSpan(choice)]).wrapped(width: max(1, width - label.count))
                let role: TextRole = quiz.picked.contains(index) ? .strong : .plain
                for (row, spans) in wrapped.enumerated() {
                    let styled = spans.map { StyledSpan($0.text, role) }
                    result.append(row == 0 ? Line(spans: [StyledSpan(label, role)] + styled, indent: 0)
                                           : Line(spans: styled, indent: label.count))
                }
            }
            if quiz.answered {
                let right = quiz.isRight
                let verdict = right ? "Right." : "Not quite: " + quiz.answers.sorted().map { String($0 + 1) }.joined(separator: ", ")
                    + (quiz.answers.count == 1 ? " is the answer." : " are the answers.")
                var notes: [String] = [verdict]
                for index in quiz.picked.union(quiz.answers).sorted() {
                    if let why = quiz.explanations[index] { notes.append("\(index + 1): \(why)") }
                }
                if let explanation = quiz.explanation { notes.append(explanation) }
                for note in notes {
                    result += StyledText(markup: note).wrapped(width: width).map { Line(spans: $0, indent: 0) }
                }
            }
        }
        if let prompt = narration.prompt {
            if !result.isEmpty { result.append(Line(spans: [], indent: 0)) }
            result += prompt.wrapped(width: width).map { Line(spans: $0, indent: 0) }
        }
        return result
    }

    /// Before answering, picked choices get a dot (multiple answer); afterwards every
    /// right choice gets a tick and every wrongly picked one a cross.
    private func choiceMark(_ quiz: QuizView, _ index: Int) -> String {
        let (tick, cross, dot) = theme.unicode ? ("✓", "✗", "•") : ("+", "x", "*")
        if quiz.answered {
            if quiz.answers.contains(index) { return tick }
            return quiz.picked.contains(index) ? cross : " "
        }
        return quiz.multiple && quiz.picked.contains(index) ? dot : " "
    }
}

extension QuizView {
    var isRight: Bool { picked == answers }
}
