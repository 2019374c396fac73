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
/// to it: `Lessons/02-bottleneck.md:14:7: error: unknown node 'c13'`. Its path and message
/// are sanitised when it is made (they quote the lesson's text), so it is safe to print
/// anywhere.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The lesson cannot be used as written.
        case error
        /// The lesson works, but this is probably not what the author meant.
        case warning
    }

    public private(set) var path: String
    public var location: SourceLocation
    public var severity: Severity
    public private(set) var message: String
    /// A problem of the whole file (its size, for one), printed without a line:
    /// `lessons/huge.md: error: the file is …`. Its location is then the file's start.
    public private(set) var isWholeFile = false

    /// A problem of the whole file rather than of a place in it.
    public static func wholeFile(path: String, severity: Severity = .error, message: String) -> Diagnostic {
        var diagnostic = Diagnostic(path: path, location: SourceLocation(line: 1, column: 1), severity: severity, message: message)
        diagnostic.isWholeFile = true
        return diagnostic
    }

    public init(path: String, location: SourceLocation, severity: Severity, message: String) {
        self.path = TextSanitizer.clean(path)
        self.location = location
        self.severity = severity
        self.message = TextSanitizer.clean(message)
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        if isWholeFile { return "\(path): \(severity.rawValue): \(message)" }
        return "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic stops the lesson from being used.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
