#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonKit
import TeachUI

/// The presenter's side of a class: listens, lets in whoever sends the code, sends every
/// student the lesson and then each moment, and turns what students send into
/// `ClassEvent`s for the app. A student can only answer and say whether they follow;
/// anything else, any malformed or oversized line, or a student who stops reading until
/// their output buffer is full, closes that one connection and nothing more.
final class ClassHost {
    let code: String
    let port: UInt16
    private let listeners: [Int32]
    private let lessonID: String
    private let source: String
    private var connections: [Int32: Student] = [:]
    private var moment: ClassMoment
    private var lastTally: ClassTally?
    private let outputLimit: Int
    private let helloDeadline: Duration
    private let clock = ContinuousClock()

    /// Bytes waiting for one student: a welcome (a lesson's source) fits many times over.
    static let outputLimit = 4 * 1024 * 1024
    /// Connections kept at once; more are closed as they come (file descriptors are finite).
    static let connectionLimit = 900
    /// New connections taken per service, so a flood cannot hold the loop.
    static let acceptsPerService = 64
    /// Messages one student may send between two services: a person pressing keys sends
    /// one or two; more is a program flooding the presenter, and is dropped.
    static let messagesPerService = 32
    /// How long a new connection has to send the code: a program that opens connections
    /// and says nothing must not fill the class's places.
    static let helloDeadline: Duration = .seconds(10)

    private struct Student {
        var connection: ClassConnection
        /// The token from the student's hello; nil until the right code arrived.
        var token: String?
        /// When the connection was taken, for the hello deadline.
        let arrived: ContinuousClock.Instant
    }

    init(code: String, address: String?, port: UInt16, lessonID: String, source: String, moment: ClassMoment,
         outputLimit: Int = ClassHost.outputLimit, helloDeadline: Duration = ClassHost.helloDeadline) throws(ClassSocket.Failure) {
        let (listeners, bound) = try ClassSocket.listening(at: address, port: port)
        self.code = code
        self.listeners = listeners
        self.port = bound
        self.lessonID = lessonID
        self.source = source
        self.moment = moment
        self.outputLimit = outputLimit
        self.helloDeadline = helloDeadline
    }

    /// The presenter quit: every student is told, so they stop trying to reconnect (best
    /// effort, without waiting). A host that only goes away, as when the network drops,
    /// says nothing, and its students keep trying.
    func end() {
        let goodbye = ClassWire.encode(.refused(reason: "the presenter ended the class"))
        for student in connections.values {
            var connection = student.connection
            if connection.queue(goodbye) { _ = connection.flush() }
        }
    }

    deinit {
        for student in connections.values { student.connection.close() }
        for listener in listeners { close(listener) }
    }

    /// A short random code: letters and digits that cannot be mistaken for one another.
    static func randomCode() -> String {
        let alphabet = Array("ACDEFHJKMNPRTUVWXY3479")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet.randomElement(using: &generator)! })
    }

    var descriptors: [Int32] { listeners + connections.keys.sorted() }

    /// Students connected with the right code.
    var studentCount: Int { connections.values.filter { $0.token != nil }.count }
    var connectionCount: Int { connections.count }
    var hasOutput: Bool { connections.values.contains { $0.connection.hasOutput } }

    /// How soon the run loop should serve the host without input: soon while output
    /// waits, within a second while a connection has yet to send the code.
    var wakeAfterMilliseconds: Int? {
        if hasOutput { return 50 }
        return connections.values.contains { $0.token == nil } ? 1000 : nil
    }

    /// Accepts, reads and writes whatever is ready now, without waiting.
    func service() -> [ClassEvent] {
        var events: [ClassEvent] = []
        dropSilent(into: &events)
        var watched = listeners.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        for (descriptor, student) in connections.sorted(by: { $0.key < $1.key }) {
            watched.append(pollfd(fd: descriptor, events: Int16(POLLIN) | (student.connection.hasOutput ? Int16(POLLOUT) : 0), revents: 0))
        }
        guard poll(&watched, nfds_t(watched.count), 0) > 0 else { return [] }
        for entry in watched where entry.revents != 0 {
            if listeners.contains(entry.fd) {
                acceptWaiting(on: entry.fd)
                continue
            }
            if entry.revents & Int16(POLLOUT) != 0, connections[entry.fd]?.connection.flush() == false {
                drop(entry.fd, into: &events)
                continue
            }
            if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { read(entry.fd, into: &events) }
        }
        return events
    }

    /// Sends `moment` to every student when it changed, and a tally when it is new.
    func publish(moment: ClassMoment?, tally: ClassTally?) -> [ClassEvent] {
        var events: [ClassEvent] = []
        if let moment, moment != self.moment {
            self.moment = moment
            broadcast(.moment(moment), into: &events)
        }
        if let tally, tally != lastTally {
            lastTally = tally
            broadcast(.tally(tally), into: &events)
        }
        return events
    }

    private func broadcast(_ message: ClassMessage, into events: inout [ClassEvent]) {
        let line = ClassWire.encode(message)
        for (descriptor, student) in connections.sorted(by: { $0.key < $1.key }) where student.token != nil {
            guard connections[descriptor]?.connection.queue(line) == true, connections[descriptor]?.connection.flush() == true else {
                drop(descriptor, into: &events)
                continue
            }
        }
    }

    private func acceptWaiting(on listener: Int32) {
        for _ in 0..<Self.acceptsPerService {
            guard let descriptor = ClassSocket.acceptConnection(on: listener) else { return }
            guard connections.count < Self.connectionLimit else {
                close(descriptor)
                continue
            }
            connections[descriptor] = Student(
                connection: ClassConnection(descriptor: descriptor, lineLimit: ClassWire.studentLineBytes, outputLimit: outputLimit),
                arrived: clock.now)
        }
    }

    private func read(_ descriptor: Int32, into events: inout [ClassEvent]) {
        guard var student = connections[descriptor] else { return }
        let (messages, closed) = student.connection.read()
        connections[descriptor] = student
        guard messages.count <= Self.messagesPerService else { return drop(descriptor, into: &events) }
        for result in messages {
            guard case let .success(message) = result, message.isFromStudent else {
                if case let .failure(.version(other)) = result { refuse(descriptor, "this class speaks protocol version \(ClassWire.version), not \(other): use the same netstep release as the presenter") }
                return drop(descriptor, into: &events)
            }
            switch (message, student.token) {
            case let (.hello(code, token), nil):
                guard code.uppercased() == self.code else {
                    refuse(descriptor, "wrong code")
                    return drop(descriptor, into: &events)
                }
                student.token = token
                connections[descriptor] = student
                guard connections[descriptor]?.connection.queue(ClassWire.encode(.welcome(lessonID: lessonID, source: source, moment: moment))) == true,
                      connections[descriptor]?.connection.flush() == true else { return drop(descriptor, into: &events) }
                events.append(.joined(student: token))
                if let lastTally, lastTally.question.step == moment.step, moment.revealed {
                    _ = connections[descriptor]?.connection.queue(ClassWire.encode(.tally(lastTally)))
                }
            case let (.answer(question, choices), token?):
                events.append(.answered(student: token, question, choices: choices))
            case let (.presence(following), token?):
                events.append(.presence(student: token, following: following))
            default:
                // A second hello, or an answer before the code: not a netstep student.
                return drop(descriptor, into: &events)
            }
        }
        if closed { drop(descriptor, into: &events) }
    }

    /// Closes the connections that have not sent the code in time.
    private func dropSilent(into events: inout [ClassEvent]) {
        let now = clock.now
        for (descriptor, student) in connections.sorted(by: { $0.key < $1.key })
        where student.token == nil && now - student.arrived > helloDeadline {
            drop(descriptor, into: &events)
        }
    }

    /// Tells a connection why it is turned away, if its socket takes it now.
    private func refuse(_ descriptor: Int32, _ reason: String) {
        guard var student = connections[descriptor] else { return }
        if student.connection.queue(ClassWire.encode(.refused(reason: reason))) { _ = student.connection.flush() }
    }

    private func drop(_ descriptor: Int32, into events: inout [ClassEvent]) {
        guard let student = connections.removeValue(forKey: descriptor) else { return }
        student.connection.close()
        // A student who reconnected before the old connection was noticed dead is still here.
        if let token = student.token, !connections.values.contains(where: { $0.token == token }) { events.append(.left(student: token)) }
    }
}
