import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a headless command that may run for minutes owes its user: a progress bar on
/// stderr (what is being simulated, how far, about how long is left) once it has run a
/// second, and a clean stop on Ctrl-C with what was finished so far.
///
/// The bar is drawn only when stderr is a terminal, and not when machine-readable output
/// (`--format json|csv`) goes to a pipe: a script reading it wants no noise. SIGINT,
/// SIGTERM and SIGHUP are taken by a thread and reported to the command between slices of
/// work; a second one ends the process at once, for work that does not come back soon.
final class CommandProgress {
    /// How long a command runs before the bar appears.
    static let quietFor: Duration = .seconds(1)
    private static let redrawEvery: Duration = .milliseconds(100)
    /// How often a report looks for a signal.
    private static let lookEvery: Duration = .milliseconds(20)
    private static let barWidth = 24

    private let shown: Bool
    private let stops: Int32
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private var lastLooked: ContinuousClock.Instant?
    private var drawn = false
    /// The signal that asked the command to stop, once one has.
    private(set) var stoppedBy: Int32?

    /// - Parameter machineReadable: the output is JSON or CSV.
    init(machineReadable: Bool) {
        shown = isatty(STDERR_FILENO) == 1 && (!machineReadable || isatty(STDOUT_FILENO) == 1)
        stops = Self.watchSignals()
        started = clock.now
    }

    /// Says how far the command has come (`fraction` of all its work) and what it is
    /// simulating now; false once a signal asked it to stop.
    func report(_ fraction: Double, doing: String) -> Bool {
        // Called between small slices of work: most calls only read the clock.
        let now = clock.now
        if let lastLooked, now - lastLooked < Self.lookEvery { return true }
        lastLooked = now
        var number: Int32 = 0
        if read(stops, &number, MemoryLayout<Int32>.size) == MemoryLayout<Int32>.size {
            stoppedBy = number
            finish()
            return false
        }
        guard shown else { return true }
        guard now - started >= Self.quietFor else { return true }
        if let lastDrawn, now - lastDrawn < Self.redrawEvery { return true }
        lastDrawn = now
        draw(fraction: min(1, max(0, fraction)), doing: doing, elapsed: now - started)
        return true
    }

    /// Clears the bar, before the results are printed.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// Ends a stopped command: the rows it finished are printed by then; says how far it
    /// got and exits with 128 + the signal, as a shell expects of an interrupted program.
    /// - Parameters:
    ///   - done: how far it got, "2 of 4 sizes".
    ///   - printed: whether figures were printed above.
    func stop(after done: String, printed: Bool) -> Never {
        let signal = stoppedBy ?? SIGINT
        let how = signal == SIGINT ? "interrupted" : "stopped by a signal"
        printError("netstep: \(how) after \(done)\(printed ? "; the figures above are for that much" : "")")
        exit(128 + signal)
    }

    private func draw(fraction: Double, doing: String, elapsed: Duration) {
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let left = fraction >= 0.001 && seconds >= 2 ? "about \(Self.spoken(seconds * (1 - fraction) / fraction)) left" : "estimating time left"
        var line = "[\(bar)] \(String(format: "%3.0f%%", fraction * 100))  \(doing)  \(left)"
        let columns = Self.columns()
        if line.count > columns - 1 { line = String(line.prefix(max(0, columns - 1))) }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// "45 s", "3 min 20 s", "2 h 5 min".
    static func spoken(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Blocks SIGINT, SIGTERM and SIGHUP and takes them on a thread: the first is passed on
    /// through the returned descriptor (read without blocking), a second ends the process.
    private static func watchSignals() -> Int32 {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let ends = WakePipe()
        let writeEnd = ends.write
        let blocked = set
        let thread = Thread {
            var signals = blocked
            var count = 0
            while true {
                var received: Int32 = 0
                guard sigwait(&signals, &received) == 0 else { continue }
                count += 1
                if count > 1 {
                    if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    SignalWatch.terminate(by: received)
                }
                _ = write(writeEnd, &received, MemoryLayout<Int32>.size)
            }
        }
        thread.name = "netstep signals"
        thread.start()
        return ends.read
    }
}
