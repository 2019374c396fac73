/// Collects the problems of one lesson file so that a single run reports all of them.
struct DiagnosticLog: Sendable {
    /// Past this many, more problems are counted but not kept: a file that broken needs
    /// its first problems fixed, and a flood of messages helps nobody.
    static let maximumKept = LessonLimits.diagnostics

    let path: String
    private(set) var all: [Diagnostic] = []
    private(set) var dropped = 0

    init(path: String) {
        self.path = path
    }

    /// Messages are built only when kept: suggestions cost time, and a flood must stay cheap.
    mutating func error(_ message: @autoclosure () -> String, at location: SourceLocation) {
        keep(.error, message, at: location)
    }

    mutating func warning(_ message: @autoclosure () -> String, at location: SourceLocation) {
        keep(.warning, message, at: location)
    }

    private mutating func keep(_ severity: Diagnostic.Severity, _ message: () -> String, at location: SourceLocation) {
        if all.count < Self.maximumKept {
            all.append(Diagnostic(path: path, location: location, severity: severity, message: message()))
        } else {
            if severity == .error && !hasErrors {
                all[all.count - 1] = Diagnostic(path: path, location: location, severity: severity, message: message())
            }
            dropped += 1
        }
    }

    var hasErrors: Bool { all.hasErrors }

    /// The diagnostics in file order, errors before warnings at the same place, duplicates
    /// removed; a last line says how many more there were.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        var result = all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.severity == .error ? 0 : 1) < ($1.location, $1.severity == .error ? 0 : 1)
        }
        if dropped > 0, let last = result.last {
            result.append(Diagnostic(path: path, location: last.location, severity: all.hasErrors ? .error : .warning,
                                     message: "\(dropped) more problems not shown; fix these first"))
        }
        return result
    }
}
