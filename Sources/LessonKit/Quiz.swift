/// A question with a reason for every choice.
public struct Quiz: Sendable, Hashable {
    public struct Choice: Sendable, Hashable {
        public var text: String
        /// Why this choice is right or wrong; shown after answering.
        public var explanation: String?
    }

    public var question: String
    public var choices: [Choice]
    /// Indices into `choices` (0-based) of the right answers.
    public var answers: Set<Int>
    /// More than one choice is right; the learner picks all of them.
    public var multiple: Bool
    /// Said after any answer.
    public var explanation: String?
    /// For a quiz answered with a number instead of a choice (it then has no choices).
    public var numeric: NumericAnswer?

    /// Whether `picked` (0-based indices) is exactly the set of right answers.
    public func isCorrect(_ picked: Set<Int>) -> Bool {
        picked == answers
    }

    /// Whether a number the learner typed is right, for a numeric quiz; nil when the
    /// text is not a number (or the quiz takes choices).
    public func isCorrect(typed text: String) -> Bool? {
        guard let numeric, let number = NumericAnswer.number(typed: text) else { return nil }
        return numeric.accepts(number)
    }
}
