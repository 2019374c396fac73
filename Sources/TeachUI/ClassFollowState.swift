import LessonKit

/// A student's side of a class: following the presenter or exploring alone, the class's
/// last moment, the student's own answers and the class's tallies.
struct ClassFollowState: Sendable, Hashable {
    var following = true
    var connected = true
    /// Why the class is over for this student, once the host has said so.
    var ended: String?
    /// Where the class is, as the host last said.
    var moment: ClassMoment
    /// What this student sent for each quiz.
    var picks: [ClassQuestion: [Int]] = [:]
    var tallies: [ClassQuestion: ClassTally] = [:]
}
