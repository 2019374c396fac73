import Canvas
import CursesTerminal
import Foundation
import TeachUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the app's work on a worker thread while the main thread stays with the terminal,
/// so a long computation (a lesson measuring hundreds of curves, a big run) never takes
/// the keyboard and the signals away: q, Ctrl-C, SIGTERM and SIGHUP end the session at any
/// moment, and after a moment a line at the bottom says the program is busy and for how
/// long. Quick work (almost every key) finishes before anything is drawn. Keys typed
/// meanwhile are not lost: they are put back to be read once the work is done. Once the
/// busy line shows, presses of one key in a row count as one (a learner who pressed →
/// thirty times while a swarm was prepared wants the next change, not thirty steps
/// skipped unseen), and the line says which keys wait: play-testers pressed → about thirty
/// times at a busy line that kept them and said nothing, and read the key as broken.
///
/// Work that is abandoned (the user quit meanwhile) keeps running on its thread until the
/// process exits, which it does as soon as the terminal is restored.
struct BusyWait {
    /// How long work runs before the busy line appears: longer than any frame of a heavy
    /// animation, so the line never flickers over one.
    static let quietFor: Duration = .seconds(1)
    /// How often the busy line's clock is redrawn.
    static let redrawEvery = 250

    /// What waiting ended with.
    enum Outcome<Value> {
        case finished(Value)
        /// The user or a signal ended the session before the work finished.
        case ended(SessionEnd)
    }

    let screen: CursesScreen
    let signals: SignalWatch
    /// Becomes readable when the worker finishes: one byte per piece of work.
    private let finished: (read: Int32, write: Int32)
    private let worker: Worker
    private let clock = ContinuousClock()

    init(screen: CursesScreen, signals: SignalWatch) {
        self.screen = screen
        self.signals = signals
        let ends = WakePipe()
        finished = (ends.read, ends.write)
        worker = Worker(signalling: ends.write)
    }

    /// Runs `work` off the main thread and waits for it, answering the terminal meanwhile.
    /// - Parameters:
    ///   - frame: what is on screen now, kept under the busy line.
    /// Repeats typed while the busy line shows are folded into one whoever started the
    /// work: a presenter whose three clicks at a frozen screen all went off afterwards
    /// skipped a quiz the class never saw.
    func run<Value>(_ work: @escaping () -> Value, over frame: Canvas?) -> Outcome<Value> {
        let handoff = Handoff(work)
        let started = clock.now
        worker.perform { handoff.result = handoff.work() }
        var typedAhead: [TerminalInput] = []
        defer { screen.putBack(typedAhead) }
        while true {
            let shownBusy = clock.now - started >= Self.quietFor
            let wait = shownBusy ? Self.redrawEvery : Self.milliseconds(Self.quietFor - (clock.now - started))
            let input = screen.readKey(timeoutMilliseconds: wait, alsoWatching: [signals.descriptor, finished.read])
            switch input {
            case let .ready(descriptor) where descriptor == finished.read:
                var byte: UInt8 = 0
                while read(finished.read, &byte, 1) == 1 {}
                return .finished(handoff.takeResult())
            case let .ready(descriptor) where descriptor == signals.descriptor:
                for number in signals.received() {
                    guard number == SIGWINCH else { return .ended(.signal(number)) }
                    if let resize = screen.adoptWindowSize() { typedAhead.append(resize) }
                }
            case .key(.control("c")):
                return .ended(.signal(SIGINT))
            case .key(.character("q")) where shownBusy, .key(.character("Q")) where shownBusy:
                return .ended(.quit)
            case .hangUp:
                return .ended(.hangUp)
            case let .resize(width, height)?:
                typedAhead.append(.resize(width: width, height: height))
            case let input?:
                typedAhead.append(input)
                // Once the wait is long enough to say so, presses of one key in a row are one.
                if shownBusy { typedAhead = Self.foldingRepeats(typedAhead) }
            case nil:
                break
            }
            if clock.now - started >= Self.quietFor { showBusy(since: started, over: frame, waiting: typedAhead) }
        }
    }

    /// The inputs with each run of one input in a row kept once.
    static func foldingRepeats(_ inputs: [TerminalInput]) -> [TerminalInput] {
        inputs.reduce(into: []) { kept, input in
            if kept.last != input { kept.append(input) }
        }
    }

    /// What shows under the busy line while a lesson opens, before it has a screen of its
    /// own: its title bar, and which step is being prepared, so the wait is never an empty
    /// screen.
    static func openingCard(title: String, detail: String, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        canvas.fill(Rect(x: 0, y: 0, width: width, height: min(1, height)), with: Cell(" ", style: Style(attributes: .reverse)))
        canvas.put(" " + title, x: 0, y: 0, style: Style(attributes: .reverse), limit: width)
        canvas.put(detail, x: max(0, (width - detail.count) / 2), y: height / 2, style: Style(attributes: .dim), limit: width)
        return canvas
    }

    /// The frame on screen with one line at the bottom: busy for how long, the keys that
    /// wait to be acted on once it is done, and how to quit.
    private func showBusy(since started: ContinuousClock.Instant, over frame: Canvas?, waiting: [TerminalInput]) {
        let size = screen.size
        var canvas = frame.flatMap { $0.width == size.width && $0.height == size.height ? $0 : nil }
            ?? Canvas(width: size.width, height: size.height)
        let seconds = (clock.now - started).components.seconds
        let unicode = screen.capabilities.unicode
        let keys = waiting.compactMap { input -> String? in
            if case let .key(key) = input { return key.name(unicode: unicode) } else { return nil }
        }
        let waits = keys.isEmpty ? "" : "  then " + keys.suffix(4).joined(separator: " ") + (keys.count > 4 ? " …" : "")
        let line = " Working\(unicode ? "…" : "...") \(seconds) s\(waits)   (q or Ctrl-C quits) "
        let row = canvas.height - 1
        canvas.fill(Rect(x: 0, y: row, width: canvas.width, height: 1))
        canvas.put(line, x: 0, y: row, style: Style(attributes: .reverse))
        screen.draw(canvas)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        max(0, Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000))
    }
}

/// One thread, started once and reused for every piece of work (a thread per update cost
/// a sixth more CPU while animating): it sleeps until given a job, runs it, and writes a
/// byte to the pipe the main thread waits on. Created on the main thread after
/// `SignalWatch.start()`, so it inherits the blocked signals.
private final class Worker: @unchecked Sendable {
    /// Set by the main thread before it signals `wake`, read by the worker after.
    private var job: (() -> Void)?
    private let wake = DispatchSemaphore(value: 0)

    init(signalling done: Int32) {
        let thread = Thread { [self] in
            while true {
                wake.wait()
                guard let job else { continue }
                self.job = nil
                job()
                var byte: UInt8 = 1
                _ = write(done, &byte, 1)
            }
        }
        thread.name = "netstep work"
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Hands `job` to the worker; the caller waits on the pipe before handing another.
    func perform(_ job: @escaping () -> Void) {
        self.job = job
        wake.signal()
    }
}

/// The work and its result, handed to the worker thread and back. Never touched by two
/// threads at once: the main thread reads `result` only after the worker has written it
/// and signalled through the pipe (whose write and read order the two accesses).
private final class Handoff<Value>: @unchecked Sendable {
    let work: () -> Value
    var result: Value?

    init(_ work: @escaping () -> Value) {
        self.work = work
    }

    /// The result, no longer held here: the caller owns it alone (an app state changed in
    /// place by the next update, not copied).
    func takeResult() -> Value {
        guard let result else { preconditionFailure("the worker signals only once it has a result") }
        self.result = nil
        return result
    }
}
