import LessonKit
import TeachUI

/// The class on the network, as the run loop serves it between keys: the presenter's
/// host or a student's connection.
enum ClassLink {
    case host(ClassHost, tally: ClassTallyFile?)
    case student(ClassClient)

    var descriptors: [Int32] {
        switch self {
        case let .host(host, _): host.descriptors
        case let .student(client): client.descriptors
        }
    }

    /// How soon the loop should come back without input, if it must.
    var wakeAfterMilliseconds: Int? {
        switch self {
        case let .host(host, _): host.wakeAfterMilliseconds
        case let .student(client): client.wakeAfterMilliseconds
        }
    }

    func service() -> [ClassEvent] {
        switch self {
        case let .host(host, _): host.service()
        case let .student(client): client.service()
        }
    }

    /// After every update: the host sends the class where the presenter is now, and the
    /// tally file follows the answers. Returns what sending found (students dropped).
    func observe(_ state: AppState) throws -> [ClassEvent] {
        guard case let .host(host, tally) = self else { return [] }
        try tally?.write(state.classTallies, lesson: state.classLessonID)
        return host.publish(moment: state.classMoment, tally: state.revealedClassTally)
    }

    func send(_ message: ClassMessage) {
        if case let .student(client) = self { client.send(message) }
    }
}
