#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few BSD socket calls class mode needs, every socket non-blocking: the run loop
/// polls them beside the terminal and never waits on one (see docs/CLASS-PROTOCOL.md for
/// why plain sockets rather than SwiftNIO).
enum ClassSocket {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a read found.
    enum Received {
        case bytes([UInt8])
        /// Nothing now; try again when poll says so.
        case wouldBlock
        /// The other end closed, or the connection broke.
        case closed
    }

    static let chunkBytes = 64 * 1024

    /// Listening sockets on `port` (0: one the system picks) at `address`, or at every
    /// IPv6 and IPv4 address when none is given. Returns them with the port bound.
    static func listening(at address: String?, port: UInt16) throws(Failure) -> (descriptors: [Int32], port: UInt16) {
        let hosts: [String] = address.map { [$0] } ?? ["::", "0.0.0.0"]
        // A port the system picks may be taken in the second family, or handed to another
        // listener too (see `listenOne`): pick again rather than fail or listen on one family.
        let attempts = port == 0 ? 8 : 1
        var problems: [String] = []
        for attempt in 1...attempts {
            var descriptors: [Int32] = []
            var bound = port
            problems = []
            for host in hosts {
                do {
                    let (descriptor, actual) = try listenOne(host: host, port: bound)
                    descriptors.append(descriptor)
                    bound = actual
                } catch {
                    problems.append(error.description)
                }
            }
            let complete = descriptors.count == hosts.count
            if complete || (attempt == attempts && !descriptors.isEmpty) { return (descriptors, bound) }
            descriptors.forEach { close($0) }
        }
        throw Failure(description: problems.joined(separator: "; "))
    }

    private static func listenOne(host: String, port: UInt16) throws(Failure) -> (Int32, UInt16) {
        guard let info = resolve(host: host, port: port, passive: true) else {
            throw Failure(description: "cannot listen at '\(host)': not an address of this machine")
        }
        defer { freeaddrinfo(info) }
        let descriptor = socket(info.pointee.ai_family, Int32(info.pointee.ai_socktype), 0)
        guard descriptor >= 0 else { throw Failure(description: "cannot make a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        // SO_REUSEADDR lets a host restarted on its port bind at once. On Linux it also lets
        // bind() hand a picked port to two sockets, and the second listen() then fails with
        // "Address already in use": `listening` picks again then.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        // The IPv6 socket takes IPv6 alone, so an IPv4 one can share the port beside it.
        if info.pointee.ai_family == AF_INET6 { setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size)) }
        guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(descriptor, 512) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(description: "cannot listen at \(host) port \(port): \(reason)")
        }
        makeNonBlocking(descriptor)
        return (descriptor, localPort(descriptor) ?? port)
    }

    /// A connection to `host`:`port` under way (finished once the socket is writable), or
    /// nil when the name does not resolve or no socket can be made.
    static func startConnecting(to host: String, port: UInt16) -> Int32? {
        guard let info = resolve(host: host, port: port, passive: false) else { return nil }
        defer { freeaddrinfo(info) }
        let descriptor = socket(info.pointee.ai_family, Int32(info.pointee.ai_socktype), 0)
        guard descriptor >= 0 else { return nil }
        makeNonBlocking(descriptor)
        let started = connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen)
        guard started == 0 || errno == EINPROGRESS else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// Whether a connection under way finished: true connected, false failed, nil not yet.
    static func connected(_ descriptor: Int32) -> Bool? {
        var watch = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&watch, 1, 0) > 0 else { return nil }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0
    }

    /// A new connection on a listening socket, non-blocking; nil when none is waiting.
    static func acceptConnection(on listener: Int32) -> Int32? {
        let descriptor = accept(listener, nil, nil)
        guard descriptor >= 0 else { return nil }
        makeNonBlocking(descriptor)
        return descriptor
    }

    static func receive(_ descriptor: Int32) -> Received {
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count > 0 { return .bytes(Array(buffer.prefix(count))) }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        return .closed
    }

    /// Sends what the socket takes now; the number of bytes taken, or nil when the
    /// connection is broken. Never raises SIGPIPE.
    static func sendSome(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Int? {
        let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if sent >= 0 { return sent }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : nil
    }

    static func makeNonBlocking(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    static func localPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard found == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    private static func resolve(host: String, port: UInt16, passive: Bool) -> UnsafeMutablePointer<addrinfo>? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = passive ? AI_PASSIVE | AI_NUMERICHOST : 0
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0 else { return nil }
        return result
    }

    /// This machine's addresses a student could reach: IPv4 first, then IPv6, loopback and
    /// link-local ones left out (they are added only when there is nothing else).
    static func localAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var v4: [String] = [], v6: [String] = []
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(address, length, &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if family == AF_INET {
                if !text.hasPrefix("127.") { v4.append(text) }
            } else if text != "::1", !text.lowercased().hasPrefix("fe80") {
                v6.append(text)
            }
        }
        return v4 + v6
    }

    /// `HOST:PORT` as a student types it; an IPv6 address in brackets.
    static func hostAndPort(_ host: String, _ port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Splits `HOST:PORT` (`[v6]:PORT` for IPv6); nil when it is not one.
    static func split(_ text: String) -> (host: String, port: UInt16)? {
        let host: Substring, portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = UInt16(portText), port > 0 else { return nil }
        return (String(host), port)
    }
}
