import NetSim

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

/// How long a `run` lets the simulation go on.
public struct Wait: Sendable, Hashable {
    public enum Condition: Sendable, Hashable {
        /// Nothing left to happen.
        case idle
        /// Every request sent so far has been answered, refused or dropped.
        case delivered
        /// The simulation clock reaches this time.
        case time(SimTime)
        /// This much simulated time passes from the start of the wait.
        case duration(SimTime)
        /// This many events happen.
        case events(Int)
        /// An event of this kind happens, such as a request being dropped.
        case event(EventKind)
        /// A server's queue is at its limit (`nil`: any server).
        case queueFull(String?)
        /// Every node that is downloading a file has all of it.
        case allDone
        /// A comparison on a live value: `server.queue >= 6`.
        case compare(LiveValue, Comparison, Double)
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

        public func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .less: left < right
            case .lessOrEqual: left <= right
            case .greater: left > right
            case .greaterOrEqual: left >= right
            case .equal: left == right
            case .notEqual: left != right
            }
        }
    }

    /// The default and the largest number of events a wait may take before it is reported as never coming true.
    public static let defaultBudget = 200_000
    public static let maximumBudget = 2_000_000

    public var condition: Condition
    /// Events the wait may take; past that it gave up (and `check` says so).
    public var budget: Int
    /// As written, for messages: "until: queue-full".
    public var source: String
}

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
