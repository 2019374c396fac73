import Yams

/// Reads a fenced `quiz` block:
///
/// ```yaml
/// ask: Why did the last clients wait so long?
/// choices:
///   - text: The network was slow
///     explain: The links were idle most of the time.
///   - text: One server did all the work
///     explain: Right: every request queued at the same server.
/// answer: 2
/// ```
struct QuizParser {
    static let fields = ["ask", "choices", "answer", "unit", "explain", "too-high", "too-low"]
    static let choiceFields = ["text", "explain"]
    static let maximumChoices = 9

    let reader: YAMLReader

    func parse(log: inout DiagnosticLog) -> Quiz? {
        guard let root = reader.yaml.root else {
            if !log.hasErrors { log.error("this quiz is empty: it needs ask, choices and answer", at: reader.yaml.block.opening) }
            return nil
        }
        guard let fields = reader.fields(root, of: "a quiz", allowed: Self.fields, log: &log) else { return nil }
        let question = reader.require("ask", in: fields, of: "a quiz", log: &log).flatMap { reader.text($0, "ask", log: &log) }
        let explanation = fields["explain"].flatMap { reader.text($0, "explain", log: &log) }
        if fields["choices"] == nil, let answerNode = fields["answer"] {
            guard let question else { return nil }
            return numeric(answerNode, fields: fields, question: question, explanation: explanation, log: &log)
        }
        for field in ["unit", "too-high", "too-low"] {
            if let node = fields[field] {
                log.error("'\(field)' is for a quiz answered with a number (one with no 'choices')", at: reader.location(node))
            }
        }
        guard let choicesNode = reader.require("choices", in: fields, of: "a quiz", log: &log) else { return nil }
        guard case let .sequence(sequence) = choicesNode, sequence.count >= 2 else {
            log.error("choices must be a list of at least two choices", at: reader.location(choicesNode))
            return nil
        }
        guard sequence.count <= Self.maximumChoices else {
            log.error("a quiz may have at most \(Self.maximumChoices) choices", at: reader.location(choicesNode))
            return nil
        }
        var choices: [Quiz.Choice] = []
        for item in sequence {
            if case .scalar = item {
                guard let text = reader.text(item, "a choice", log: &log) else { return nil }
                log.warning("choice \(choices.count + 1) has no explanation: write it as '- text: ...' with 'explain: ...'", at: reader.location(item))
                choices.append(Quiz.Choice(text: text, explanation: nil))
                continue
            }
            guard let choiceFields = reader.fields(item, of: "a choice", allowed: Self.choiceFields, log: &log),
                  let text = reader.require("text", in: choiceFields, of: "a choice", log: &log).flatMap({ reader.text($0, "text", log: &log) })
            else { return nil }
            let explain = choiceFields["explain"].flatMap { reader.text($0, "explain", log: &log) }
            if explain == nil {
                log.warning("choice \(choices.count + 1) has no explanation: add 'explain: ...'", at: reader.location(item))
            }
            choices.append(Quiz.Choice(text: text, explanation: explain))
        }
        guard let answerNode = reader.require("answer", in: fields, of: "a quiz", log: &log) else { return nil }
        var answers = Set<Int>()
        for item in reader.list(answerNode) {
            guard let number = reader.integer(item, "answer", in: 1...choices.count, log: &log) else { return nil }
            answers.insert(number - 1)
        }
        guard !answers.isEmpty else {
            log.error("answer must name at least one choice by number (1 is the first)", at: reader.location(answerNode))
            return nil
        }
        guard let question else { return nil }
        let multiple: Bool
        if case .sequence = answerNode { multiple = true } else { multiple = false }
        return Quiz(question: question, choices: choices, answers: answers, multiple: multiple, explanation: explanation)
    }

    /// A quiz with no choices: the learner types a number, right within the tolerance.
    private func numeric(_ answerNode: Node, fields: YAMLFields, question: String, explanation: String?, log: inout DiagnosticLog) -> Quiz? {
        guard let text = reader.text(answerNode, "answer", log: &log) else { return nil }
        guard var answer = NumericAnswer.parse(text) else {
            log.error("with no 'choices', the answer is the number the learner types, with how far off may still count: like 'answer: 50 ± 5' or 'answer: 12.5 ± 10%' (or '+-' for '±'), not '\(text)'",
                      at: reader.location(answerNode))
            return nil
        }
        answer.unit = fields["unit"].flatMap { reader.text($0, "unit", log: &log) }
        answer.tooHigh = fields["too-high"].flatMap { reader.text($0, "too-high", log: &log) }
        answer.tooLow = fields["too-low"].flatMap { reader.text($0, "too-low", log: &log) }
        if explanation == nil {
            log.warning("this quiz has no explanation: add 'explain: ...' to say how the number comes about", at: reader.location(fields.node))
        }
        return Quiz(question: question, choices: [], answers: [], multiple: false, explanation: explanation, numeric: answer)
    }
}
