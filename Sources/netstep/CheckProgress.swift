import Foundation

/// A progress line on standard error for a check that takes a while: shown only once a
/// second has passed, only when standard error is a terminal, rewritten in place, and
/// cleared before anything else is printed.
struct CheckProgress {
    private let start = ContinuousClock.now
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    mutating func show(_ line: String) {
        guard enabled, start.duration(to: .now) > .seconds(1) else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
