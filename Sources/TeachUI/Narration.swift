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
    /// A first answer was wrong and the learner may try again.
    var missed = false
    /// The choices of the missed first try, explained while the learner picks again
    /// (new picks are not judged until they are submitted).
    var tried: Set<Int> = []
    var explanation: String?
}

/// The narration panel's content: the step's text, then whatever the step waits for.
struct NarrationView: Hashable, Sendable {
    var blocks: [NarrationBlock]
    var quiz: QuizView? = nil
    /// What the learner should do now: "Press **k** to take the server down."
    var prompt: StyledText? = nil
    /// Lines of narration scrolled past (the renderer keeps it in range).
    var scroll = 0
}

/// Draws narration into a panel. The quiz and the prompt are anchored at the bottom so
/// they stay visible; narration that does not fit above them scrolls, with a line that
/// says so.
struct NarrationRenderer {
    let narration: NarrationView
    let theme: Theme

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard rect.width > 2, !rect.isEmpty else { return }
        let (top, bottom) = layout(in: rect)
        for (offset, line) in (top + bottom).enumerated() {
            canvas.put(line.spans, x: rect.x + line.indent, y: rect.y + offset, limit: rect.width - line.indent, style: theme.text)
        }
    }

    /// How far the narration can scroll in `rect`: 0 when it all fits.
    func scrollLimit(in rect: Rect) -> Int {
        guard rect.width > 2, !rect.isEmpty else { return 0 }
        let (narration, anchored) = lines(width: rect.width, height: rect.height)
        let room = rect.height - anchored.count
        return narration.count > room ? narration.count - (room - 1) : 0
    }

    /// The narration and the anchored part (quiz, prompt), both cut to fit `rect`.
    private func lines(width: Int, height: Int) -> (narration: [Line], anchored: [Line]) {
        var bottom = lines(forQuizAndPrompt: width)
        let top = narration.blocks.enumerated().flatMap { index, block in
            (index > 0 ? [Line(spans: [], indent: 0)] : []) + lines(for: block, width: width)
        }
        if !bottom.isEmpty, !top.isEmpty { bottom.insert(Line(spans: [], indent: 0), at: 0) }
        if bottom.count > height { bottom = Array(bottom.prefix(height)) }
        return (top, bottom)
    }

    /// The lines shown: the scrolled window of narration, ending with a line that says
    /// what more there is when it does not all fit, then the anchored part.
    private func layout(in rect: Rect) -> (top: [Line], bottom: [Line]) {
        let (top, bottom) = lines(width: rect.width, height: rect.height)
        let room = rect.height - bottom.count
        guard top.count > room else { return (top, bottom) }
        guard room > 1 else { return (Array(top.prefix(max(0, room))), bottom) }
        let scroll = min(max(0, narration.scroll), top.count - (room - 1))
        let below = top.count - scroll - (room - 1)
        let (up, down) = theme.unicode ? ("↑", "↓") : ("Up", "Down")
        let note = below > 0
            ? "\(theme.glyphs.ellipsis) \(down) \(below) more line\(below == 1 ? "" : "s")"
            : "\(theme.glyphs.ellipsis) \(up) back to the top"
        return (Array(top[scroll..<(scroll + room - 1)]) + [Line(spans: [StyledSpan(note, .emphasis)], indent: 0)], bottom)
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
            if quiz.missed, !quiz.answered {
                var notes = ["Not quite. Have another go."]
                for index in quiz.tried.sorted() {
                    if let why = quiz.explanations[index] { notes.append("\(index + 1): \(why)") }
                }
                for note in notes {
                    result += StyledText(markup: note).wrapped(width: width).map { Line(spans: $0, indent: 0) }
                }
            }
            if quiz.answered {
                let numbers = quiz.answers.sorted().map { String($0 + 1) }.joined(separator: ", ")
                let verdict = quiz.picked.isEmpty ? (quiz.answers.count == 1 ? "The answer: \(numbers)." : "The answers: \(numbers).")
                    : quiz.isRight ? "Right."
                    : "Not quite: " + numbers + (quiz.answers.count == 1 ? " is the answer." : " are the answers.")
                var notes: [String] = [verdict]
                // Revealed to a class that answered aloud: why each choice is right or wrong.
                let explained = quiz.picked.isEmpty ? Set(quiz.choices.indices) : quiz.picked.union(quiz.answers)
                for index in explained.sorted() {
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
        if quiz.missed, !quiz.multiple, quiz.tried.contains(index) { return cross }
        return quiz.multiple && quiz.picked.contains(index) ? dot : " "
    }
}

extension QuizView {
    var isRight: Bool { picked == answers }
}
