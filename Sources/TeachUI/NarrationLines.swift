import Canvas

/// One row of the narration panel: styled text, indented under a bullet or a choice's label.
struct NarrationLine {
    var spans: [StyledSpan] = []
    var indent = 0
}

/// The narration panel's content cut into rows of `width`, in its three parts: the
/// step's text, the quiz's question and choices, and the quiz's notes (the verdict and why).
extension NarrationRenderer {
    func narrationLines(width: Int) -> [NarrationLine] {
        Self.stacked(narration.blocks.map { lines(for: $0, width: width) })
    }

    /// Where each block of the narration starts among `narrationLines(width:)`, one
    /// entry per block (an empty one where the next begins).
    func blockStarts(width: Int) -> [Int] {
        var starts: [Int] = [], count = 0, drawn = false
        for lines in narration.blocks.map({ lines(for: $0, width: width) }) {
            // A blank line between drawn blocks.
            if drawn, !lines.isEmpty { count += 1 }
            starts.append(count)
            count += lines.count
            drawn = drawn || !lines.isEmpty
        }
        return starts
    }

    /// Rows the quiz's question takes, at the top of `quizLines(width:)`.
    func questionLineCount(width: Int) -> Int {
        guard let quiz = narration.quiz else { return 0 }
        return StyledText([StyledSpan(quiz.question, .strong)]).wrapped(width: width).count
    }

    func quizLines(width: Int) -> [NarrationLine] {
        guard let quiz = narration.quiz else { return [] }
        var result = StyledText([StyledSpan(quiz.question, .strong)]).wrapped(width: width).map { NarrationLine(spans: $0) }
        // Once answered, the choices the notes speak of: those picked and those right.
        let shown = quiz.answered && !quiz.picked.isEmpty ? quiz.picked.union(quiz.answers) : Set(quiz.choices.indices)
        // A mark and its number stand apart ("✓ 2."), every choice alike so they line up;
        // while none is marked, the choices keep that column for their words.
        let marked = shown.contains { choiceMark(quiz, $0) != " " }
        for (index, choice) in quiz.choices.enumerated() where shown.contains(index) {
            let label = (marked ? "\(choiceMark(quiz, index)) " : " ") + "\(index + 1). "
            // Once answered, a tick says right and a cross wrong; which were the learner's
            // own picks needs words of its own.
            let yours = quiz.answered && quiz.picked.contains(index) ? " (your pick)" : ""
            let wrapped = StyledText([StyledSpan(choice + yours)]).wrapped(width: max(1, width - label.count))
            let role: TextRole = quiz.picked.contains(index) ? .strong : .plain
            for (row, spans) in wrapped.enumerated() {
                let styled = spans.map { StyledSpan($0.text, role) }
                result.append(row == 0 ? NarrationLine(spans: [StyledSpan(label, role)] + styled)
                                       : NarrationLine(spans: styled, indent: label.count))
            }
            // Revealed to a class, each choice is followed by why it is right or wrong,
            // so the reasons read with the choice they speak of even where the panel
            // shows only part of the quiz.
            if quiz.revealed, let why = quiz.explanations[index] {
                result += StyledText(markup: why).wrapped(width: max(1, width - label.count)).map {
                    NarrationLine(spans: $0.map { StyledSpan($0.text, .emphasis) }, indent: label.count)
                }
            }
        }
        return result
    }

    /// After a missed first try, why its picks were wrong; once answered, the verdict and
    /// why each choice picked or right is so.
    func feedbackLines(width: Int) -> [NarrationLine] {
        guard let quiz = narration.quiz else { return [] }
        var notes: [String] = quiz.notes ?? []
        if quiz.notes != nil { return notes.flatMap { StyledText(markup: $0).wrapped(width: width).map { NarrationLine(spans: $0) } } }
        if quiz.missed, !quiz.answered {
            // "Not quite" leads the prompt under these notes.
            for index in quiz.tried.sorted() {
                if let why = quiz.explanations[index] { notes.append("\(index + 1): \(why)") }
            }
        }
        if quiz.answered {
            let numbers = quiz.answers.sorted().map { String($0 + 1) }.joined(separator: ", ")
            let verdict = quiz.picked.isEmpty ? (quiz.answers.count == 1 ? "The answer: \(numbers)." : "The answers: \(numbers).")
                : quiz.isRight ? "Right."
                : "Not quite: " + numbers + (quiz.answers.count == 1 ? " is the answer." : " are the answers.")
            notes = [verdict]
            // Revealed to a class, the reasons are under the choices already.
            let explained = quiz.revealed ? [] : quiz.picked.union(quiz.answers)
            for index in explained.sorted() {
                if let why = quiz.explanations[index] { notes.append("\(index + 1): \(why)") }
            }
            if let explanation = quiz.explanation { notes.append(explanation) }
        }
        return notes.flatMap { StyledText(markup: $0).wrapped(width: width).map { NarrationLine(spans: $0) } }
    }

    private func lines(for block: NarrationBlock, width: Int) -> [NarrationLine] {
        switch block.kind {
        case .text:
            return block.text.wrapped(width: width).map { NarrationLine(spans: $0) }
        case .heading:
            let strong = StyledText(block.text.spans.map { StyledSpan($0.text, .strong) })
            return strong.wrapped(width: width).map { NarrationLine(spans: $0) }
        case .bullet:
            let bullet = theme.unicode ? "•" : "-"
            return block.text.wrapped(width: max(1, width - 2)).enumerated().map { index, spans in
                index == 0 ? NarrationLine(spans: [StyledSpan(bullet + " ")] + spans) : NarrationLine(spans: spans, indent: 2)
            }
        case .code:
            return block.text.plainText.split(separator: "\n", omittingEmptySubsequences: false).map {
                NarrationLine(spans: [StyledSpan(String($0), .code)], indent: 2)
            }
        }
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
