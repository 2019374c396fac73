/// Collects the problems of one lesson file so that a single run reports all of them.
struct DiagnosticLog: Sendable {
    let path: String
    private(set) var all: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(path: path, location: location, severity: .error, message: message))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(path: path, location: location, severity: .warning, message: message))
    }

    var hasErrors: Bool { all.hasErrors }

    /// The diagnostics in file order, errors before warnings at the same place, duplicates removed.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.severity == .error ? 0 : 1) < ($1.location, $1.severity == .error ? 0 : 1)
        }
    }
}
