#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonKit
import TeachUI

/// A student's side of a class: one connection to the host, made again whenever it
/// drops, turning what the host sends into `ClassEvent`s and sending the student's
/// answers and presence. Each run has one random token, so a reconnect is the same
/// (anonymous) student.
final class ClassClient {
    let host: String
    let port: UInt16
    let code: String
    let token: String
    private var connection: ClassConnection?
    /// The connection is made and the host has welcomed it.
    private var welcomed = false
    private var connecting = false
    private var lastAttempt: ContinuousClock.Instant?
    private var following = true
    private let clock = ContinuousClock()

    /// The wait between two tries to reach a host that is gone.
    static let retryInterval: Duration = .seconds(1)
    /// Bytes waiting to go to the host: answers are tiny.
    static let outputLimit = 64 * 1024

    init(host: String, port: UInt16, code: String) {
        self.host = host
        self.port = port
        self.code = code
        var generator = SystemRandomNumberGenerator()
        token = (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 16) }.joined()
    }

    deinit { connection?.close() }

    struct Welcome {
        var lessonID: String
        var source: String
        var moment: ClassMoment
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects and waits (at most `timeout`) for the host's welcome: the lesson and
    /// where the class is. Before the full screen opens, so a wrong code or a host that
    /// is not there is a plain message on the shell.
    func join(timeout: Duration = .seconds(5)) throws(Refusal) -> Welcome {
        let deadline = clock.now + timeout
        let place = ClassSocket.hostAndPort(host, port)
        while clock.now < deadline {
            _ = service()
            if let welcome = pendingWelcome {
                pendingWelcome = nil
                return welcome
            }
            if let refusal { throw Refusal(description: "the class at \(place) refused to let you in: \(refusal)") }
            var watch = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN | (connecting ? POLLOUT : 0)), revents: 0) }
            _ = poll(&watch, nfds_t(watch.count), 100)
        }
        throw Refusal(description: "no class answered at \(place) (is `netstep present … --class` running there, and the address right?)")
    }

    private var pendingWelcome: Welcome?
    private var refusal: String?
    /// Welcomed at least once: a refusal after that ends the class for this student.
    private var hasBeenWelcomed = false
    /// Why the class is over, once the host said so; nothing is tried after that.
    private(set) var ended: String?

    var descriptors: [Int32] { connection.map { [$0.descriptor] } ?? [] }

    /// How soon the loop should come back without input: while connecting, retrying or
    /// with output the socket has not taken yet.
    var wakeAfterMilliseconds: Int? {
        if connection == nil || connecting { return 200 }
        return connection?.hasOutput == true ? 50 : nil
    }

    /// Connects when it has to, then reads and writes whatever is ready, without waiting.
    func service() -> [ClassEvent] {
        var events: [ClassEvent] = []
        guard ended == nil else { return [] }
        if connection == nil {
            guard lastAttempt.map({ clock.now - $0 >= Self.retryInterval }) ?? true else { return [] }
            lastAttempt = clock.now
            guard let descriptor = ClassSocket.startConnecting(to: host, port: port) else { return [] }
            connection = ClassConnection(descriptor: descriptor, lineLimit: ClassWire.hostLineBytes, outputLimit: Self.outputLimit)
            connecting = true
        }
        if connecting, let descriptor = connection?.descriptor {
            switch ClassSocket.connected(descriptor) {
            case nil: return events
            case false?: return lose(into: &events)
            case true?:
                connecting = false
                _ = connection?.queue(ClassWire.encode(.hello(code: code, student: token)))
            }
        }
        guard connection?.flush() == true, var open = connection else { return lose(into: &events) }
        let (messages, closed) = open.read()
        connection = open
        for result in messages {
            guard case let .success(message) = result else { return lose(into: &events) }
            switch message {
            case let .welcome(lessonID, source, moment):
                pendingWelcome = Welcome(lessonID: lessonID, source: source, moment: moment)
                welcomed = true
                hasBeenWelcomed = true
                events += [.connected(true), .moment(moment)]
                if !following { send(.presence(following: false)) }
            case let .moment(moment) where welcomed:
                events.append(.moment(moment))
            case let .tally(tally) where welcomed:
                events.append(.tally(tally))
            case let .refused(reason):
                refusal = reason
                if hasBeenWelcomed {
                    // In the class before: the host ended it, or a new one with another
                    // code is on that port. Either way, trying again cannot help.
                    ended = reason
                    _ = lose(into: &events)
                    events.append(.ended(reason: reason))
                    return events
                }
                return lose(into: &events)
            default:
                return lose(into: &events)
            }
        }
        if closed { return lose(into: &events) }
        return events
    }

    /// Sends a student's message; one the host would not take is not sent.
    func send(_ message: ClassMessage) {
        guard message.isFromStudent else { return }
        if case let .presence(following) = message { self.following = following }
        guard welcomed, var open = connection else { return }
        if !open.queue(ClassWire.encode(message)) || !open.flush() {
            var ignored: [ClassEvent] = []
            _ = lose(into: &ignored)
            return
        }
        connection = open
    }

    private func lose(into events: inout [ClassEvent]) -> [ClassEvent] {
        connection?.close()
        connection = nil
        connecting = false
        if welcomed { events.append(.connected(false)) }
        welcomed = false
        return events
    }
}
