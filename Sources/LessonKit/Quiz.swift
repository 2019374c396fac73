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

    /// Whether `picked` (0-based indices) is exactly the set of right answers.
    public func isCorrect(_ picked: Set<Int>) -> Bool {
        picked == answers
    }
}
