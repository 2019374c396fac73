#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LessonKit

/// One class connection's socket and its two bounded buffers: the unfinished line read
/// (at most the protocol's line limit) and the bytes not yet taken by the socket (at most
/// `outputLimit`). Whatever the other end does, it costs at most that much memory, and
/// reading or writing it never waits.
struct ClassConnection {
    let descriptor: Int32
    private var reader: ClassLineReader
    private var output: [UInt8] = []
    /// How much of `output` the socket has taken.
    private var sent = 0
    let outputLimit: Int

    /// Reads per service: a peer that sends without pause cannot hold the loop longer.
    static let chunksPerService = 4

    init(descriptor: Int32, lineLimit: Int, outputLimit: Int) {
        self.descriptor = descriptor
        reader = ClassLineReader(limit: lineLimit)
        self.outputLimit = outputLimit
    }

    var hasOutput: Bool { sent < output.count }

    /// Adds a message to send; false when that would pass the output limit (the other end
    /// is not reading: the caller closes the connection).
    mutating func queue(_ line: [UInt8]) -> Bool {
        guard output.count - sent + line.count <= outputLimit else { return false }
        if sent > 0, sent * 2 >= output.count {
            output.removeFirst(sent)
            sent = 0
        }
        output += line
        return true
    }

    /// Gives the socket what it takes now; false when the connection is broken.
    mutating func flush() -> Bool {
        while hasOutput {
            guard let taken = ClassSocket.sendSome(descriptor, output[sent...]) else { return false }
            if taken == 0 { return true }
            sent += taken
        }
        output.removeAll(keepingCapacity: true)
        sent = 0
        return true
    }

    /// The messages that arrived (an error ends the list) and whether the other end closed.
    mutating func read() -> (messages: [Result<ClassMessage, ClassWireError>], closed: Bool) {
        var messages: [Result<ClassMessage, ClassWireError>] = []
        for _ in 0..<Self.chunksPerService {
            switch ClassSocket.receive(descriptor) {
            case let .bytes(bytes):
                messages += reader.feed(bytes)
                if case .failure? = messages.last { return (messages, false) }
            case .wouldBlock:
                return (messages, false)
            case .closed:
                return (messages, true)
            }
        }
        return (messages, false)
    }

    func close() {
        _ = closeDescriptor(descriptor)
    }
}

/// close(2), out of the way of `ClassConnection.close()`.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
