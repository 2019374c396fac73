/// A place in a lesson file: 1-based line and column (columns count Unicode scalars, as Yams does).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        assert(line >= 1 && column >= 1, "source locations are 1-based")
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One problem found in a lesson, printed the way compilers print them so editors can jump
/// to it: `Lessons/02-bottleneck.md:14:7: error: unknown node 'c13'`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The lesson cannot be used as written.
        case error
        /// The lesson works, but this is probably not what the author meant.
        case warning
    }

    public var path: String
    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(path: String, location: SourceLocation, severity: Severity, message: String) {
        self.path = path
        self.location = location
        self.severity = severity
        self.message = message
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        "\(TextSanitizer.clean(path)):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic stops the lesson from being used.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
