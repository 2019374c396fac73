import Foundation
import LessonKit
import Testing
import TeachUI
@testable import netstep

#if canImport(Glibc)
import Glibc
#endif

/// Class mode over real loopback sockets: who gets in, what reaches the students, and
/// what a broken or hostile connection costs (only itself).
@Suite("Class network", .serialized)
struct ClassNetworkTests {
    static let source = "---\nid: tiny\n---\n## One\nText.\n"
    static let start = ClassMoment(started: false, step: 0, scriptPosition: 0, eventsInStep: 0, revealed: false)

    static func host(port: UInt16 = 0, address: String = "127.0.0.1", outputLimit: Int = ClassHost.outputLimit) throws -> ClassHost {
        try ClassHost(code: "ABC234", address: address, port: port, lessonID: "tiny", source: source, moment: start, outputLimit: outputLimit)
    }

    /// Serves the host (and the client, if any) until `done` holds or a few seconds pass;
    /// returns every event each reported.
    @discardableResult
    static func serve(_ host: ClassHost?, _ client: ClassClient? = nil, seconds: Double = 2,
                      until done: (_ host: [ClassEvent], _ client: [ClassEvent]) -> Bool = { _, _ in false }) -> (host: [ClassEvent], client: [ClassEvent]) {
        var hostEvents: [ClassEvent] = [], clientEvents: [ClassEvent] = []
        let deadline = Date().addingTimeInterval(seconds)
        while !done(hostEvents, clientEvents), Date() < deadline {
            hostEvents += host?.service() ?? []
            clientEvents += client?.service() ?? []
            usleep(2000)
        }
        return (hostEvents, clientEvents)
    }

    /// Serves the host until `student` has a message; that message.
    static func firstMessage(_ host: ClassHost, to student: RawStudent) -> ClassMessage? {
        var message: ClassMessage?
        serve(host) { _, _ in
            message = message ?? student.receive()
            return message != nil
        }
        return message
    }

    @Test("the right code gets the lesson and the class's moment; a wrong one is refused and closed")
    func joinWithCode() throws {
        let host = try Self.host()
        let student = try RawStudent(port: host.port)
        student.send(.hello(code: "abc234", student: "s1"))
        var joined: [ClassEvent] = []
        var welcome: ClassMessage?
        Self.serve(host) { events, _ in
            joined = events
            welcome = welcome ?? student.receive()
            return welcome != nil
        }
        #expect(welcome == .welcome(lessonID: "tiny", source: Self.source, moment: Self.start))
        #expect(joined == [.joined(student: "s1")])

        let stranger = try RawStudent(port: host.port)
        stranger.send(.hello(code: "WRONG1", student: "s2"))
        #expect(Self.firstMessage(host, to: stranger) == .refused(reason: "wrong code"))
        #expect(stranger.waitClosed())
        #expect(host.studentCount == 1)
    }

    @Test("a student follows every moment the presenter publishes, and can send only answers and presence")
    func follow() throws {
        let host = try Self.host()
        let client = ClassClient(host: "127.0.0.1", port: host.port, code: "ABC234")
        let joined = Self.serve(host, client) { _, events in events.contains(.connected(true)) }.client
        #expect(joined.contains(.connected(true)))
        let moved = ClassMoment(started: true, step: 1, scriptPosition: 2, eventsInStep: 30, revealed: false)
        _ = host.publish(moment: moved, tally: nil)
        let followed = Self.serve(host, client) { _, events in events.contains(.moment(moved)) }.client
        #expect(followed.contains(.moment(moved)))

        let question = ClassQuestion(step: 1, position: 2)
        client.send(.answer(question, choices: [1]))
        client.send(.moment(ClassMoment(started: true, step: 3, scriptPosition: 0, eventsInStep: 0, revealed: false)))
        client.send(.presence(following: false))
        let hostEvents = Self.serve(host, client, seconds: 0.5).host
        #expect(hostEvents == [.answered(student: client.token, question, choices: [1]), .presence(student: client.token, following: false)])
    }

    @Test("a student whose host went away reconnects, as the same student, and lands where the class is")
    func reconnect() throws {
        var host: ClassHost? = try Self.host()
        let port = host!.port
        let client = ClassClient(host: "127.0.0.1", port: port, code: "ABC234")
        Self.serve(host, client) { _, events in events.contains(.connected(true)) }
        host = nil
        let lost = Self.serve(nil, client) { _, events in events.contains(.connected(false)) }.client
        #expect(lost.contains(.connected(false)))
        let later = ClassMoment(started: true, step: 2, scriptPosition: 1, eventsInStep: 7, revealed: true)
        let back = try ClassHost(code: "ABC234", address: "127.0.0.1", port: port, lessonID: "tiny", source: Self.source, moment: later)
        let (hostEvents, clientEvents) = Self.serve(back, client, seconds: 4) { _, events in events.contains(.moment(later)) }
        #expect(clientEvents.contains(.moment(later)))
        #expect(hostEvents.contains(.joined(student: client.token)))
    }

    @Test("when the presenter ends the class, a student is told so and stops reconnecting")
    func presenterEndsTheClass() throws {
        var host: ClassHost? = try Self.host()
        let port = host!.port
        let client = ClassClient(host: "127.0.0.1", port: port, code: "ABC234")
        Self.serve(host, client) { _, events in events.contains(.connected(true)) }
        host?.end()
        host = nil
        let events = Self.serve(nil, client) { _, events in events.contains { if case .ended = $0 { true } else { false } } }.client
        #expect(events.contains(.ended(reason: "the presenter ended the class")))
        let back = try ClassHost(code: "ABC234", address: "127.0.0.1", port: port, lessonID: "tiny", source: Self.source, moment: Self.start)
        let (hostEvents, _) = Self.serve(back, client, seconds: 2.5)
        #expect(!hostEvents.contains(.joined(student: client.token)), "an ended class is not rejoined")
    }

    @Test("garbage, an oversized line and a message only the host may send each close that connection alone")
    func hostileConnections() throws {
        let host = try Self.host()
        let good = try RawStudent(port: host.port)
        good.send(.hello(code: "ABC234", student: "good"))
        Self.serve(host) { _, _ in host.studentCount == 1 }
        let attacks: [[UInt8]] = [
            Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
            [UInt8](repeating: UInt8(ascii: "x"), count: ClassWire.studentLineBytes * 4),
            ClassWire.encode(.hello(code: "ABC234", student: "evil")) + ClassWire.encode(.moment(Self.start)),
            ClassWire.encode(.answer(ClassQuestion(step: 0, position: 0), choices: [0])),
            Array(#"{"v":99,"kind":"hello","code":"ABC234","student":"x"}"#.utf8) + [10],
            [0, 255, 10, 13, 0, 10],
        ]
        let attackers = try attacks.map { bytes in
            let attacker = try RawStudent(port: host.port)
            attacker.write(bytes)
            return attacker
        }
        Self.serve(host) { _, _ in attackers.allSatisfy { $0.isClosed } }
        for (index, attacker) in attackers.enumerated() { #expect(attacker.waitClosed(), "attack \(index)") }
        #expect(host.studentCount == 1)
        let moved = ClassMoment(started: true, step: 0, scriptPosition: 1, eventsInStep: 3, revealed: false)
        _ = host.publish(moment: moved, tally: nil)
        var seen: [ClassMessage] = []
        Self.serve(host) { _, _ in
            if let message = good.receive() { seen.append(message) }
            return seen.contains(.moment(moved))
        }
        #expect(seen.contains(.moment(moved)), "the good student still follows")
    }

    @Test("a student sending valid messages without pause is dropped before the presenter handles them all")
    func flooding() throws {
        let host = try Self.host()
        let flooder = try RawStudent(port: host.port)
        flooder.send(.hello(code: "ABC234", student: "flood"))
        Self.serve(host) { _, _ in host.studentCount == 1 }
        flooder.write((0..<2000).flatMap { ClassWire.encode(.presence(following: $0 % 2 == 0)) })
        let events = Self.serve(host) { _, _ in host.studentCount == 0 }.host
        #expect(host.studentCount == 0)
        #expect(events.filter { if case .presence = $0 { true } else { false } }.count <= ClassHost.messagesPerService)
    }

    @Test("300 idle connections cost the presenter nothing, and a student still joins at once")
    func idleConnections() throws {
        let host = try Self.host()
        let idle = try (0..<300).map { _ in try RawStudent(port: host.port) }
        Self.serve(host) { _, _ in host.connectionCount == 300 }
        #expect(host.connectionCount == 300)
        let clock = ContinuousClock()
        let served = clock.measure { _ = host.service() }
        let student = try RawStudent(port: host.port)
        student.send(.hello(code: "ABC234", student: "late"))
        #expect(Self.firstMessage(host, to: student) != nil)
        #expect(served < .milliseconds(200), "one service over 300 idle connections took \(served)")
        withExtendedLifetime(idle) {}
    }

    @Test("a connection that never sends the code is closed after the hello deadline; a student who did stays")
    func silentConnectionsExpire() throws {
        let host = try ClassHost(code: "ABC234", address: "127.0.0.1", port: 0, lessonID: "tiny", source: Self.source,
                                 moment: Self.start, helloDeadline: .milliseconds(300))
        let silent = try RawStudent(port: host.port)
        let student = try RawStudent(port: host.port)
        student.send(.hello(code: "ABC234", student: "awake"))
        Self.serve(host) { _, _ in host.studentCount == 1 && host.connectionCount == 2 }
        #expect(host.wakeAfterMilliseconds != nil, "the loop comes back to close the silent one")
        Self.serve(host, seconds: 2) { _, _ in host.connectionCount == 1 }
        #expect(silent.waitClosed())
        #expect(host.studentCount == 1)
        #expect(!student.isClosed)
    }

    @Test("a student who never reads is dropped when their buffer is full; publishing never waits for them")
    func neverReads() throws {
        let host = try Self.host(outputLimit: 64 * 1024)
        let sleeper = try RawStudent(port: host.port, receiveBuffer: 4096)
        sleeper.send(.hello(code: "ABC234", student: "sleeper"))
        let reader = try RawStudent(port: host.port)
        reader.send(.hello(code: "ABC234", student: "reader"))
        Self.serve(host) { _, _ in host.studentCount == 2 }
        let clock = ContinuousClock()
        var slowest: Duration = .zero
        var events: [ClassEvent] = []
        // Tallies are the longest messages after a welcome: fewer of them fill the buffers.
        let question = ClassQuestion(step: 0, position: 0)
        for n in 1...20_000 where host.studentCount == 2 {
            let tally = ClassTally(question: question, counts: [Int](repeating: 1_000_000_000 + n, count: 64), answered: n, present: n)
            let took = clock.measure { events += host.publish(moment: nil, tally: tally) }
            slowest = max(slowest, took)
            if n % 50 == 0 { while reader.receive() != nil {} }
        }
        #expect(events.contains(.left(student: "sleeper")))
        #expect(!events.contains(.left(student: "reader")))
        #expect(host.studentCount == 1)
        #expect(slowest < .milliseconds(100), "one publish took \(slowest)")
    }

    @Test("the host listens on IPv6 and IPv4 at once")
    func bothFamilies() throws {
        let host: ClassHost
        do {
            host = try ClassHost(code: "ABC234", address: nil, port: 0, lessonID: "tiny", source: Self.source, moment: Self.start)
        } catch {
            Issue.record("cannot listen on every address: \(error)")
            return
        }
        for address in ["127.0.0.1", "::1"] {
            guard let student = try? RawStudent(port: host.port, address: address) else {
                if address == "::1" { continue } // a machine without IPv6 loopback
                Issue.record("cannot connect to \(address)")
                continue
            }
            student.send(.hello(code: "ABC234", student: address))
            #expect(Self.firstMessage(host, to: student) != nil, "\(address)")
        }
    }
}

/// A student's socket driven by hand: blocking connect, non-blocking reads.
final class RawStudent {
    let descriptor: Int32
    private var reader = ClassLineReader(limit: ClassWire.hostLineBytes)
    private var queue: [ClassMessage] = []
    private(set) var isClosedSeen = false

    struct Failure: Error {}

    init(port: UInt16, address: String = "127.0.0.1", receiveBuffer: Int32? = nil) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(address, String(port), &hints, &info) == 0, let info else { throw Failure() }
        defer { freeaddrinfo(info) }
        descriptor = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer { setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        guard descriptor >= 0, connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw Failure()
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(descriptor) }

    func send(_ message: ClassMessage) { write(ClassWire.encode(message)) }

    func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The next message that arrived, if any.
    func receive() -> ClassMessage? {
        pump()
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// The host closed this connection (reading gives end of file or a reset).
    var isClosed: Bool {
        pump()
        return isClosedSeen
    }

    func waitClosed() -> Bool {
        let deadline = Date().addingTimeInterval(2)
        while !isClosed, Date() < deadline { usleep(2000) }
        return isClosedSeen
    }

    private func pump() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                queue += reader.feed(buffer.prefix(count)).compactMap { try? $0.get() }
                continue
            }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) { isClosedSeen = true }
            return
        }
    }
}
