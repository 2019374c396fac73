/// Where a presented lesson is, as a student's netstep needs it to show the same moment:
/// the simulation is deterministic, so the step, how far its script has got and how many
/// of its events have run say everything, and every student recomputes the picture at the
/// size of their own terminal.
public struct ClassMoment: Codable, Sendable, Hashable {
    /// The presenter has left the join card and the lesson is under way.
    public var started: Bool
    /// The step, 0-based.
    public var step: Int
    /// How far the step's script has got (`LessonRunner.scriptPosition`).
    public var scriptPosition: Int
    /// Events run in the step so far (`LessonRunner.eventsInStep`).
    public var eventsInStep: Int
    /// The quiz on screen has its answer shown.
    public var revealed: Bool

    public init(started: Bool, step: Int, scriptPosition: Int, eventsInStep: Int, revealed: Bool) {
        self.started = started
        self.step = step
        self.scriptPosition = scriptPosition
        self.eventsInStep = eventsInStep
        self.revealed = revealed
    }
}

/// A quiz in the lesson: its step and its place in that step's script.
public struct ClassQuestion: Codable, Sendable, Hashable, Comparable {
    public var step: Int
    public var position: Int

    public init(step: Int, position: Int) {
        self.step = step
        self.position = position
    }

    public static func < (a: ClassQuestion, b: ClassQuestion) -> Bool {
        (a.step, a.position) < (b.step, b.position)
    }
}

/// How a class answered one quiz: how many picked each choice (a student of a
/// several-answer quiz counts once for every choice picked), how many answered, and how
/// many were in the class.
public struct ClassTally: Codable, Sendable, Hashable {
    public var question: ClassQuestion
    public var counts: [Int]
    public var answered: Int
    public var present: Int

    public init(question: ClassQuestion, counts: [Int], answered: Int, present: Int) {
        self.question = question
        self.counts = counts
        self.answered = answered
        self.present = present
    }
}

/// Everything that travels between a presenting netstep and the students' (see
/// docs/CLASS-PROTOCOL.md). A student sends only `hello`, `answer` and `presence`; the
/// host sends only `welcome`, `moment`, `tally` and `refused`.
public enum ClassMessage: Sendable, Hashable {
    /// A student asks to join with the class's code; `student` is a random token the
    /// student's netstep makes once per run, so a reconnect is the same student and an
    /// answer is counted once, while nobody learns who it is.
    case hello(code: String, student: String)
    /// The host lets a student in: the lesson's source text and where the class is.
    case welcome(lessonID: String, source: String, moment: ClassMoment)
    case moment(ClassMoment)
    /// A student's choices (0-based) for a quiz.
    case answer(ClassQuestion, choices: [Int])
    /// A student follows the class (true) or explores on their own (false).
    case presence(following: Bool)
    /// The class's answers to a quiz, sent when the presenter shows its answer.
    case tally(ClassTally)
    /// The host turns a student away (a wrong code, another version) and closes.
    case refused(reason: String)

    /// Messages a student may send; the host drops a connection that sends anything else.
    public var isFromStudent: Bool {
        switch self {
        case .hello, .answer, .presence: true
        case .welcome, .moment, .tally, .refused: false
        }
    }
}
