import Canvas
import CursesTerminal
import Foundation
import LessonKit
import TeachUI

/// The composition root's event loop: keys, resizes, signals and file saves become
/// `AppMessage`s, `update` turns them into a new state and effects, and every change is
/// rendered and written to the terminal as a diff.
///
/// While something moves it ticks about 30 times a second; otherwise it sleeps in the key
/// read, so a paused lesson costs no CPU. Every update runs through `BusyWait`, so one
/// that takes long (measuring curves) leaves the keys and signals answered.
struct RunLoop {
    /// Time between animation frames: about 30 a second.
    static let frameInterval: Duration = .milliseconds(33)
    /// The most wall time one tick reports: after a stall (the process stopped with
    /// Ctrl-Z, a slow frame) the animation resumes where it was instead of leaping ahead.
    static let longestTick: Duration = .milliseconds(250)

    /// The app; nil only while an update has it on the worker thread. Moved there and
    /// back rather than shared, so the update owns it alone and changes it in place (a
    /// second reference would make every change copy the step-back history).
    private var held: AppState?
    private var state: AppState {
        guard let held else { preconditionFailure("the state is read only between updates") }
        return held
    }
    let screen: CursesScreen
    let signals: SignalWatch
    /// Where progress is saved; nil when there is no home to save it in.
    let progress: ProgressStore?
    /// Where speaker notes go; set only when presenting.
    let notes: NotesFile?
    /// The author's lesson file on screen, reloaded whenever it is saved.
    let lessonFile: LessonFileReload?
    /// The class hosted or followed over the network, served between keys.
    let classLink: ClassLink?
    /// Messages for the shell, printed once the terminal is restored.
    var notices: [String] = []
    private let busy: BusyWait
    /// The frame last drawn, kept under the busy line while an update takes long.
    private var frame: Canvas?
    /// The frame drawn before `frame`, whose storage the next frame is drawn into.
    private var spareFrame: Canvas?

    private let clock = ContinuousClock()
    /// Wall time one slice of work ahead should take.
    static let idleSlice: Duration = .milliseconds(10)
    /// Engine events in the next slice of work ahead, adjusted as slices are timed.
    private var idleBudget = 200
    private var lastTick: ContinuousClock.Instant

    init(state: AppState, screen: CursesScreen, signals: SignalWatch, busy: BusyWait, progress: ProgressStore?, notes: NotesFile?,
         lessonFile: LessonFileReload?, classLink: ClassLink? = nil) {
        held = state
        self.classLink = classLink
        self.screen = screen
        self.signals = signals
        self.busy = busy
        self.progress = progress
        self.notes = notes
        self.lessonFile = lessonFile
        lastTick = clock.now
    }

    /// Runs until the user quits, a signal asks to stop, or the terminal goes away.
    mutating func run() -> SessionEnd {
        let size = screen.size
        if let end = send(.resize(width: size.width, height: size.height)) { return end }
        if notes != nil, let speakerNotes = state.speakerNotes { publish(speakerNotes) }
        if let end = serveClass() { return end }
        draw()
        let watched = [signals.descriptor] + (lessonFile.map { [$0.watch.descriptor] } ?? [])
        while true {
            let ticking = state.wantsTicks
            // Work ahead of the learner (see `AppMessage.idle`) only keeps the key read
            // from sleeping while nothing moves.
            let working = !ticking && state.hasWorkAhead
            let timeout = [ticking ? millisecondsToNextTick() : nil, working ? 0 : nil, classLink?.wakeAfterMilliseconds].compactMap { $0 }.min()
            let input = screen.readKey(timeoutMilliseconds: timeout, alsoWatching: watched + (classLink?.descriptors ?? []))
            if working, input == nil {
                if let end = workAhead() { return end }
                continue
            }
            if let end = handle(input) { return end }
            while screen.hasPendingInput {
                if let end = handle(screen.readKey(timeoutMilliseconds: 0)) { return end }
            }
            if let end = serveClass() { return end }
            if state.wantsTicks {
                let now = clock.now
                if !ticking {
                    lastTick = now
                } else if now - lastTick >= Self.frameInterval {
                    let elapsed = min(now - lastTick, Self.longestTick)
                    lastTick = now
                    let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
                    if let end = send(.tick(elapsedMicroseconds: microseconds)) { return end }
                }
            }
            draw()
        }
    }

    /// One slice of work ahead of the learner, sized to take about `idleSlice` of wall
    /// time from how fast the last one went, so a key pressed meanwhile is answered at
    /// once. The screen does not change, unless a slice ran so long that the busy line
    /// came up: drawn again then, so the line does not stay over the key bar.
    private mutating func workAhead() -> SessionEnd? {
        let start = clock.now
        if let end = send(.idle(budget: idleBudget)) { return end }
        if clock.now - start >= BusyWait.quietFor { draw() }
        let took = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        let wanted = Double(Self.idleSlice.components.attoseconds) / 1e18
        idleBudget = max(10, min(100_000, Int(Double(idleBudget) * min(4, max(0.25, wanted / max(took, 1e-6))))))
        return nil
    }

    private func millisecondsToNextTick() -> Int {
        let remaining = Self.frameInterval - (clock.now - lastTick)
        return max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
    }

    /// One input: a message for the app, or the end of the session.
    private mutating func handle(_ input: TerminalInput?) -> SessionEnd? {
        switch input {
        case .key(.control("l")):
            screen.invalidate()
        case .key(.control("c")):
            // The terminal is in raw mode, so Ctrl-C is a key, not SIGINT; it ends the
            // session as the signal would, and the shell sees an interrupted program.
            return .signal(SIGINT)
        case let .key(key):
            return send(.key(key))
        case let .resize(width, height):
            return send(.resize(width: width, height: height))
        case let .ready(descriptor) where descriptor == signals.descriptor:
            for signal in signals.received() {
                guard signal == SIGWINCH else { return .signal(signal) }
                if case let .resize(width, height)? = screen.adoptWindowSize(),
                   let end = send(.resize(width: width, height: height)) {
                    return end
                }
            }
        case let .ready(descriptor) where classLink?.descriptors.contains(descriptor) == true:
            // Served by `serveClass` after every input. The terminal is read too: a poll
            // that finds a socket ready reports it before the keys, and students who never
            // stop sending must not starve the presenter's clicker.
            return handle(screen.readKey(timeoutMilliseconds: 0))
        case .ready:
            if let lessonFile, lessonFile.watch.changed(), let outcome = lessonFile.load() { return send(.reload(outcome)) }
        case .hangUp:
            return .hangUp
        case nil:
            break
        }
        return nil
    }

    /// Updates the state and carries out its effects; `.quit` ends the session.
    private mutating func send(_ message: AppMessage) -> SessionEnd? {
        guard let current = held else { preconditionFailure("one update at a time") }
        held = nil
        let handoff = StateHandoff(consume current)
        switch busy.run({ () -> AppState in
            var changed = handoff.takeState()
            handoff.effects = update(&changed, message)
            return changed
        }, over: frame) {
        case let .finished(changed):
            held = consume changed
        case let .ended(end):
            return end
        }
        return carryOut(handoff.effects)
    }

    private mutating func carryOut(_ effects: [AppEffect]) -> SessionEnd? {
        var end: SessionEnd?
        for effect in effects {
            switch effect {
            case .quit:
                end = .quit
            case let .saveProgress(saved):
                save(saved)
            case let .publishNote(speakerNotes):
                publish(speakerNotes)
            case .animate:
                break // `wantsTicks` is read before every wait.
            case let .sendToClass(message):
                classLink?.send(message)
            }
        }
        return end
    }

    /// Takes what the class sent and sends it where the app is now; never waits on it.
    private mutating func serveClass() -> SessionEnd? {
        guard let classLink else { return nil }
        var events = classLink.service()
        repeat {
            for event in events {
                if let end = send(.classroom(event)) { return end }
            }
            do {
                events = try classLink.observe(state)
            } catch {
                events = []
                let notice = "netstep: the class's tally could not be written: \(error.localizedDescription)"
                if !notices.contains(notice) { notices.append(notice) }
            }
        } while !events.isEmpty
        return nil
    }

    private mutating func draw() {
        let size = screen.size
        // Drawn over the frame before last, which nothing holds any more (the screen
        // keeps the last one to diff against): no canvas is allocated per frame.
        var canvas = spareFrame.take() ?? Canvas(width: 0, height: 0)
        render(state, into: &canvas, width: size.width, height: size.height, capabilities: screen.capabilities)
        screen.draw(canvas)
        spareFrame = frame
        frame = canvas
    }

    private mutating func save(_ saved: LessonKit.Progress) {
        guard let progress else { return }
        do {
            try progress.save(saved)
        } catch {
            let notice = "netstep: progress could not be saved: \(error)"
            if !notices.contains(notice) { notices.append(notice) }
        }
    }

    private mutating func publish(_ speakerNotes: SpeakerNotes) {
        guard let notes else { return }
        do {
            try notes.publish(speakerNotes)
        } catch {
            let notice = "netstep: speaker notes could not be written to \(notes.file.path): \(error.localizedDescription)"
            if !notices.contains(notice) { notices.append(notice) }
        }
    }
}

/// The state and the effects of one update, handed to the worker and back (see
/// `BusyWait`: only one thread touches it at a time).
private final class StateHandoff: @unchecked Sendable {
    private var state: AppState?
    var effects: [AppEffect] = []

    init(_ state: consuming AppState) {
        self.state = state
    }

    /// The state, no longer held here.
    func takeState() -> AppState {
        guard let state else { preconditionFailure("the state is taken once") }
        self.state = nil
        return state
    }
}

/// An author's lesson file and how to load it again when it is saved.
struct LessonFileReload {
    let watch: FileWatch
    /// The file loaded again; nil when it cannot be read at the moment.
    let load: () -> LoadOutcome?
}
