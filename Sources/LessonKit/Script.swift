/// One entry of a step's script, in file order: the runner works through them, stopping
/// at waits until the simulation makes them true and at interactions until the learner acts.
public struct ScriptItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Done at once.
        case act(LessonAction)
        /// Let the simulation run until the wait is over.
        case run(Wait)
        /// Stop until the learner presses `key`; then do the action.
        case ask(Ask)
        /// Stop until the learner goes on; the text says what to think about.
        case pause(String)
        /// Stop for a question; prediction quizzes come before the run they ask about.
        case quiz(Quiz)
    }

    public var kind: Kind
    public var location: SourceLocation

    /// Whether the runner stops here for the learner.
    public var isInteraction: Bool {
        switch kind {
        case .ask, .pause, .quiz: true
        case .act, .run: false
        }
    }
}

/// "Press k to take the server down": the learner makes the next thing happen.
public struct Ask: Sendable, Hashable {
    /// The key that does it, a single printable character.
    public var key: Character
    public var prompt: String
    public var action: LessonAction
}
