import Foundation

/// How class messages travel: one JSON object per line (UTF-8, `\n`-terminated; JSON
/// escapes any newline inside a string, so a line is always one message). Every object
/// carries the protocol version `v` and its `kind`. Lines have a size limit, lower for
/// what students send than for what the host sends (a lesson's source is up to
/// `LessonLimits.fileBytes`). Decoding never traps: whatever arrives is a message or a
/// `ClassWireError`.
public enum ClassWire {
    public static let version = 1
    /// The longest line a student may send: a hello, an answer or a presence is far shorter.
    public static let studentLineBytes = 4 * 1024
    /// The longest line the host may send: a welcome with a lesson of the largest size,
    /// every character escaped.
    public static let hostLineBytes = LessonLimits.fileBytes * 6 + 4 * 1024
    /// The longest class code and student token accepted.
    static let tokenCharacters = 64
    /// The most choices in an answer or a tally.
    static let choicesLimit = 64

    /// The message as one line, newline included.
    public static func encode(_ message: ClassMessage) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number, bool or array of them: encoding cannot fail.
        guard let data = try? encoder.encode(Envelope(message)) else { preconditionFailure("a class message always encodes") }
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }

    /// The message in one line (without its newline).
    public static func decode(_ line: some Collection<UInt8>) -> Result<ClassMessage, ClassWireError> {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(line))
        } catch {
            return .failure(.malformed("not a class message"))
        }
        guard envelope.v == version else { return .failure(.version(envelope.v)) }
        return envelope.message()
    }

    /// The JSON object of one message: every kind's fields, each optional, checked by
    /// `message()` for the kind named.
    struct Envelope: Codable {
        var v: Int
        var kind: String
        var code: String?
        var student: String?
        var lesson: String?
        var source: String?
        var moment: ClassMoment?
        var question: ClassQuestion?
        var choices: [Int]?
        var following: Bool?
        var tally: ClassTally?
        var reason: String?

        init(_ message: ClassMessage) {
            v = ClassWire.version
            switch message {
            case let .hello(code, student):
                kind = "hello"
                self.code = code
                self.student = student
            case let .welcome(lessonID, source, moment):
                kind = "welcome"
                lesson = lessonID
                self.source = source
                self.moment = moment
            case let .moment(moment):
                kind = "moment"
                self.moment = moment
            case let .answer(question, choices):
                kind = "answer"
                self.question = question
                self.choices = choices
            case let .presence(following):
                kind = "presence"
                self.following = following
            case let .tally(tally):
                kind = "tally"
                self.tally = tally
            case let .refused(reason):
                kind = "refused"
                self.reason = reason
            }
        }

        func message() -> Result<ClassMessage, ClassWireError> {
            switch kind {
            case "hello":
                guard let code, let student, code.count <= tokenCharacters, !student.isEmpty, student.count <= tokenCharacters else {
                    return .failure(.malformed("a hello needs a code and a student token"))
                }
                return .success(.hello(code: code, student: student))
            case "welcome":
                guard let lesson, let source, let moment, moment.isPlausible else { return .failure(.malformed("a welcome needs a lesson and a moment")) }
                return .success(.welcome(lessonID: lesson, source: source, moment: moment))
            case "moment":
                guard let moment, moment.isPlausible else { return .failure(.malformed("a moment out of range")) }
                return .success(.moment(moment))
            case "answer":
                guard let question, let choices, question.isPlausible, !choices.isEmpty, choices.count <= choicesLimit,
                      choices.allSatisfy({ (0..<choicesLimit).contains($0) }) else {
                    return .failure(.malformed("an answer out of range"))
                }
                return .success(.answer(question, choices: choices))
            case "presence":
                guard let following else { return .failure(.malformed("a presence needs `following`")) }
                return .success(.presence(following: following))
            case "tally":
                guard let tally, tally.question.isPlausible, tally.counts.count <= choicesLimit,
                      (tally.counts + [tally.answered, tally.present]).allSatisfy({ $0 >= 0 }) else {
                    return .failure(.malformed("a tally out of range"))
                }
                return .success(.tally(tally))
            case "refused":
                return .success(.refused(reason: reason ?? ""))
            default:
                return .failure(.malformed("an unknown kind of message"))
            }
        }
    }
}

/// Why bytes from the other end are not a message; the connection is closed for any.
public enum ClassWireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A line longer than the limit: the rest is not read.
    case tooLong(limit: Int)
    case malformed(String)
    /// Another version of the protocol (another netstep release).
    case version(Int)

    public var description: String {
        switch self {
        case let .tooLong(limit): "a message longer than \(limit) bytes"
        case let .malformed(what): what
        case let .version(other): "protocol version \(other), this netstep speaks \(ClassWire.version)"
        }
    }
}

/// Cuts the bytes arriving on a connection into lines, holding at most `limit` bytes of
/// an unfinished line: a peer that never sends a newline costs that much and no more.
public struct ClassLineReader: Sendable {
    public let limit: Int
    private var pending: [UInt8] = []

    public init(limit: Int) {
        self.limit = limit
    }

    /// The messages completed by `bytes`, in order; the first error ends the list (the
    /// connection is to be closed, so nothing after it matters).
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Result<ClassMessage, ClassWireError>] {
        var results: [Result<ClassMessage, ClassWireError>] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                let line = pending
                pending.removeAll(keepingCapacity: true)
                if line.isEmpty { continue }
                let result = ClassWire.decode(line)
                results.append(result)
                if case .failure = result { return results }
            } else {
                guard pending.count < limit else {
                    results.append(.failure(.tooLong(limit: limit)))
                    return results
                }
                pending.append(byte)
            }
        }
        return results
    }
}

extension ClassMoment {
    /// Within what any lesson can have (`LessonLimits`).
    var isPlausible: Bool {
        (0..<LessonLimits.steps).contains(step) && (0..<1_000_000).contains(scriptPosition)
            && (0...LessonLimits.lessonEvents * 4).contains(eventsInStep)
    }
}

extension ClassQuestion {
    var isPlausible: Bool { (0..<LessonLimits.steps).contains(step) && (0..<1_000_000).contains(position) }
}
