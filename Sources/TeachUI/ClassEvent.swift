import LessonKit

/// What the network brings to a class: to the host, students coming, going and
/// answering; to a student, where the class is and how it answered.
public enum ClassEvent: Sendable, Hashable {
    /// A student joined (or came back) with their anonymous token.
    case joined(student: String)
    case left(student: String)
    case answered(student: String, ClassQuestion, choices: [Int])
    case presence(student: String, following: Bool)
    /// The class's moment, as the host last sent it.
    case moment(ClassMoment)
    case tally(ClassTally)
    /// The connection to the host was lost (false) or is back (true).
    case connected(Bool)
    /// The host closed the class (the presenter quit) or no longer lets this student in:
    /// there is nothing to reconnect to.
    case ended(reason: String)
}
