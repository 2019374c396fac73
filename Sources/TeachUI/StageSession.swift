import Canvas
import LessonKit
import NetSim

/// A simulation on screen: the driver that runs it, the instant the screen shows, how
/// that instant moves, and what is selected. Lessons and the sandbox both show one.
///
/// The screen's clock runs a little behind the driver: the driver runs an event as soon
/// as the clock could reach it, and until the clock gets there the stage keeps showing
/// the state from before that event (`heldState`), with messages drawn where they are at
/// the clock's instant. So a message is never seen arriving before it visually gets
/// there, whether the learner steps (the message glides) or plays. A step may also stop
/// between two events (a long transfer is shown in stages), with the driver one event
/// ahead and the state before it held.
struct StageSession<Driver: SimulationDriver>: Sendable {
    var driver: Driver { didSet { shownStates = nil } }
    /// How the lesson (or the sandbox) asks for the network to be laid out.
    var plan: StagePlan
    /// The layout of the network's shape, computed once and reused every frame.
    let geometry = StageGeometryCache()
    var playback = Playback()
    /// The simulated instant on screen; never behind the state shown.
    var clock: SimTime
    /// The state before the driver's last event, shown while the clock has not reached it.
    var heldState: Simulation? { didSet { shownStates = nil } }
    /// States a step's glide passes through before `heldState`, oldest first: the events
    /// it covered that showed nothing on their own, each shown from its own instant.
    var glideFrames: [Simulation] = [] { didSet { shownStates = nil } }
    var selection: Selection?
    /// How the stage is drawn on screen now, which decides what counts as a change.
    var look = StageLook.standard
    /// The engine events the last step covered: positive forward, negative back; nil
    /// after any other move.
    var lastStepEvents: Int?
    /// The stops → has been found to make from the step's start, so ← goes back to them.
    var knownStops: KnownStops?
    /// Without a lesson's step (the sandbox): the moment the latest command set things
    /// going, from which → cuts what runs into shares (`runGrid`).
    var runStart: StepMoment?
    /// The shares of what the latest command set going, found once (see `stopGrid()`).
    var runGrid: StopGrid?
    /// Names the states the stage may show (the driver's, the held one, the glide's), from
    /// the end of a tick until any of them changes: nil when they are not named. Numbers
    /// are never given twice, also among copies of the session, which share `readings`.
    private var shownStates: Int?
    /// What the frames of the state shown read from it: while nothing happens between two
    /// frames (most frames of a play), only the instant moves, and a 200-node swarm's
    /// nodes and messages were read again every frame.
    private let readings = LastValueMemo<ShownReading, Frame.Reading>()

    /// While playing, a state is held only for the first few events of a frame: keeping
    /// one costs a copy of the simulation (and then a copy of every part of it the next
    /// event changes), and with many events a frame nobody could see one of them early.
    /// A driver that can tell when its next step lands is copied only for the step that
    /// goes past the frame's instant, the one step whose state before can be held.
    static var heldEventsPerTick: Int { 8 }

    init(driver: Driver, plan: StagePlan) {
        self.driver = driver
        self.plan = plan
        clock = driver.simulation.now
        suggestSpeed()
    }

    /// Something moves on screen: the loop should tick.
    var isAnimating: Bool { playback.playing || playback.glide != nil }

    /// The events the last step covered, for the status line once the stage shows where
    /// it went (during the glide the status counts the events shown so far).
    var lastStep: Int? { playback.glide == nil ? lastStepEvents : nil }

    /// What the status line calls playing: a play under way, up to the event where it
    /// stops (a single step's glide is not).
    var isPlaying: Bool { playback.playing }

    /// The simulation as the screen shows it now, and the instant shown: while a state
    /// is held, that state (the stage, metrics, inspector and event list all show the
    /// moment the clock is at, not the event the driver has already run).
    var shown: (simulation: Simulation, time: SimTime) {
        switch shownSource {
        case .driver: (driver.simulation, clock)
        case .held: (heldState ?? driver.simulation, clock)
        case let .glide(index): (glideFrames[index], clock)
        }
    }

    /// Which state is shown: the driver's, or while one is held, the held state, or a
    /// state the glide passes through before it.
    private var shownSource: ShownSource {
        guard let heldState else { return .driver }
        if heldState.now > clock, let index = glideFrames.lastIndex(where: { $0.now <= clock }) { return .glide(index) }
        return .held
    }

    /// The events that have happened by the instant shown.
    var shownReports: Slice<EventReports> {
        driver.reports.prefix(max(0, shown.simulation.eventCount - driver.forgottenEvents))
    }

    // MARK: moving through time

    mutating func togglePlay() {
        finishGlide()
        lastStepEvents = nil
        playback.stopAhead = false
        playback.playing = !playback.playing && (heldState != nil || driver.canPlay)
    }

    /// Runs at once to where playing would stop (the end of a lesson's wait, or of
    /// everything under way) and shows it.
    mutating func playToStop() {
        settle()
        playback.playing = false
        while driver.canPlay, driver.stepForward() == .ran {}
        settle()
        dropStaleSelection()
        suggestSpeed(afterWait: true)
    }

    /// Goes to the event at `index` in the event list (which starts after the events a
    /// long run has forgotten).
    mutating func seek(toListed index: Int) {
        seek(toEvent: driver.forgottenEvents + index + 1)
    }

    mutating func seek(toEvent n: Int) {
        settle()
        playback.playing = false
        driver.seek(toEvent: n)
        clock = driver.simulation.now
        dropStaleSelection()
    }

    /// Wall time passed: a glide moves on, and playing moves the clock by the elapsed
    /// time times the speed, running every event the clock passes.
    mutating func tick(elapsed: Int64) {
        guard elapsed > 0 else { return }
        defer { if shownStates == nil { shownStates = shownStateNumbers.next() } }
        if var glide = playback.glide {
            glide.elapsed += elapsed
            clock = glide.time
            playback.glide = glide
            if glide.isOver { finishGlide() }
            return
        }
        guard playback.playing else { return }
        if playback.stopAhead {
            clock = min(playback.advance(from: clock, wall: elapsed), driver.simulation.now)
            if clock >= driver.simulation.now {
                playback.playing = false
                playback.stopAhead = false
                heldState = nil
            }
            return
        }
        let start = clock, target = playback.advance(from: clock, wall: elapsed)
        var events = 0
        clock = target
        while driver.simulation.now <= target {
            heldState = nil
            let mayHold = events < Self.heldEventsPerTick && (driver.timeOfNextStep().map { $0 > target } ?? true)
            let before: Simulation? = mayHold ? driver.simulation : nil
            let step = driver.canPlay ? driver.stepForward() : .nothing
            guard step.ranSomething else {
                // Nothing more to play: the clock stops at the last event, not past it.
                playback.playing = false
                clock = max(start, driver.simulation.now)
                break
            }
            events += 1
            if step == .reachedStop {
                // Playing stops at the event that ends a wait; if that event lies ahead
                // of the clock, the play goes on there at the speed in force.
                clock = min(target, driver.simulation.now)
                if driver.simulation.now > target, let before {
                    heldState = before
                    playback.stopAhead = true
                } else {
                    playback.playing = false
                    clock = max(clock, driver.simulation.now)
                }
                suggestSpeed(afterWait: true)
                break
            }
            if driver.simulation.now > target {
                // Without a held state (a busy frame) the clock jumps the one event ahead.
                if let before { heldState = before } else { clock = driver.simulation.now }
            }
        }
        if heldState == nil { clock = max(clock, driver.simulation.now) }
        assertClockShowsNoFuture()
        dropStaleSelection()
    }

    /// The invariant of the display clock: the state shown never lies ahead of it.
    func assertClockShowsNoFuture() {
        assert(shown.simulation.now <= clock, "the stage would show events after the instant on screen")
    }

    /// Sets the speed so that what is under way now plays in a few seconds (unless the
    /// learner chose a speed): milliseconds of requests and minutes of a swarm alike.
    /// A lesson's pacing comes first: as a wait begins, the speed it sets (which nothing
    /// then overrides but the learner) and its slow motion. After a wait that played
    /// (`afterWait`), the speed is only ever raised for the next one.
    mutating func suggestSpeed(afterWait: Bool = false) {
        let pace = driver.pace
        let fresh = pace?.wait != playback.pacedWait
        if fresh {
            playback.pacedWait = pace?.wait
            playback.speedPaced = pace?.speed != nil
            if let speed = pace?.speed, let index = Playback.speeds.firstIndex(of: speed) { playback.speedIndex = index }
        }
        let end = driver.endOfRun
        if let end {
            playback.suggest(forDuration: end - driver.simulation.now, slowing: !afterWait)
            // A lesson's wait shows its first change soon: a class is watching.
            playback.unquickenedIndex = playback.speedIndex
            if pace != nil, !playback.speedChosen, !playback.speedPaced, let delay = firstChange() { playback.quicken(firstChangeIn: delay) }
        }
        if fresh { playback.slowdowns = pace?.slow.map { slowdowns($0, end: end) } ?? [] }
    }

    /// The stage is now drawn at another size (`look`), where a change shows at other
    /// moments: the speed chosen to show the wait's first change soon is measured again,
    /// from the speed chosen before it was raised, as if the wait began at this size.
    /// A speed the learner or the lesson chose stays, and so does a play under way.
    mutating func remeasureFirstChange() {
        guard driver.pace != nil, !isAnimating, !playback.speedChosen, !playback.speedPaced, let base = playback.unquickenedIndex else { return }
        playback.speedIndex = base
        if let delay = firstChange() { playback.quicken(firstChangeIn: delay) }
    }

    /// The stretches of the wait under way that play in slow motion: around each event
    /// of the kind asked for, found by playing the wait out on a copy.
    private func slowdowns(_ slow: SlowMotion, end: SimTime?) -> [Playback.Slowdown] {
        let start = driver.simulation.now
        let window = slow.window ?? max(1, ((end ?? start) - start) / 20)
        let speed = slow.speed ?? Playback.speeds.last { $0 <= playback.speed / 10 * 1.0001 } ?? Playback.speeds[0]
        var probe = driver
        var spans: [Range<SimTime>] = []
        for _ in 0..<probeEventLimit {
            let count = probe.reports.count
            let step = probe.stepForward()
            guard step.ranSomething else { break }
            if probe.reports.count > count, probe.reports.last?.kind == slow.around {
                let time = probe.simulation.now
                let span = max(0, time - window)..<(time + window)
                if let last = spans.last, last.upperBound >= span.lowerBound {
                    spans[spans.count - 1] = last.lowerBound..<span.upperBound
                } else {
                    spans.append(span)
                }
            }
            if step == .reachedStop { break }
        }
        return spans.map { Playback.Slowdown(span: $0, speed: speed) }
    }

    /// Ends a glide where it was going: a state stays held only while the clock is
    /// still short of the driver's last event (a step that stopped between events).
    mutating func finishGlide() {
        if let glide = playback.glide { clock = max(clock, glide.to) }
        playback.glide = nil
        glideFrames = []
        if clock >= driver.simulation.now { heldState = nil }
        assertClockShowsNoFuture()
    }

    /// Ends any glide or held state: the stage shows the driver's state at its time.
    mutating func settle() {
        playback.glide = nil
        glideFrames = []
        heldState = nil
        lastStepEvents = nil
        clock = max(clock, driver.simulation.now)
        assertClockShowsNoFuture()
    }

    // MARK: selection

    /// Everything selectable in order: nodes, then the messages in flight.
    private var selectables: [Selection] {
        let simulation = shown.simulation
        let nodes = simulation.nodeIDs.filter { !simulation.node($0).hasLeft }.map { Selection.node($0.rawValue) }
        return nodes + simulation.inFlight.map { .packet($0.id) }
    }

    /// Tab: the next node or message, wrapping around.
    mutating func selectNext() {
        let all = selectables
        guard !all.isEmpty else { selection = nil; return }
        if let selection, let index = all.firstIndex(of: selection) {
            self.selection = all[(index + 1) % all.count]
        } else {
            selection = all[0]
        }
    }

    /// A message that has arrived, or a node that has left, cannot stay selected.
    mutating func dropStaleSelection() {
        if let selection, !selectables.contains(selection) { self.selection = nil }
    }

    /// What the status line says of a selection just made: its name, and how to look
    /// closer (a selected node or message is not always easy to spot on a busy stage).
    var selectionSaid: String? {
        let simulation = shown.simulation
        switch selection {
        case let .node(raw):
            guard raw < simulation.nodeIDs.count else { return nil }
            return "selected \(simulation.node(NodeID(raw)).config.name), i inspects"
        case let .packet(id):
            guard let message = simulation.inFlight.first(where: { $0.id == id }) else { return nil }
            let from = simulation.node(message.from).config.name, to = simulation.node(message.to).config.name
            return "selected \(message.kind.title.lowercased()) \(from) to \(to), i inspects"
        case nil:
            return "nothing to select"
        }
    }

    /// The selected node's id, if a node is selected.
    var selectedNode: NodeID? {
        if case let .node(raw) = selection { NodeID(raw) } else { nil }
    }

    // MARK: views

    /// What the screen reads from the simulation this frame.
    var frame: Frame {
        let source = shownSource, simulation = shown.simulation
        guard let shownStates else { return Frame(simulation: simulation, time: clock) }
        let reading = readings.value(for: ShownReading(states: shownStates, source: source)) { _ in Frame.Reading(simulation) }
        return Frame(simulation: simulation, time: clock, reading: reading)
    }

    /// The stage at the instant shown, marked from the events up to it, as the step on
    /// screen draws it.
    func scene(_ frame: Frame) -> Scene { scene(frame, driver: driver) }

    var scene: Scene { scene(frame) }

    /// The inspector for the selection, nil when nothing (or nothing still there) is selected.
    var inspector: InspectView? {
        let simulation = shown.simulation
        switch selection {
        case let .node(raw):
            guard raw < simulation.nodeIDs.count else { return nil }
            var view = InspectView(node: simulation.node(NodeID(raw)), simulation: simulation)
            if let label = plan.label(of: view.title) { view.title += " · " + label }
            // A checked access list is already told by the "access" fact, with who is on it.
            view.explain(scene.node(raw)?.marks.filter { $0 != .accessList } ?? [])
            return view
        case let .packet(id):
            return simulation.inFlight.first { $0.id == id }.map { InspectView(message: $0, simulation: simulation) }
        case nil:
            return nil
        }
    }

    /// The message or node drawn at a cell of the stage, for mouse clicks: the stage is
    /// drawn again off screen, so a click finds exactly what the learner saw there.
    func selection(at point: Point, stage: Rect, presenting: Bool) -> Selection? {
        var scratch = Canvas(width: stage.maxX, height: stage.maxY)
        return StageRenderer(scene: scene, theme: Theme(.full), roomy: presenting)
            .draw(into: &scratch, rect: stage.inset(by: 1)).selection(at: point)
    }
}

/// Which of a stage's states is shown (see `StageSession.shown`).
private enum ShownSource: Equatable {
    case driver, held
    case glide(Int)
}

/// A state a stage showed, named: the states named and which of them.
private struct ShownReading: Equatable {
    var states: Int
    var source: ShownSource
}

/// Numbers for the states stages show, each given once in a run.
private final class StateNumbers: @unchecked Sendable {
    private let lock = Lock()
    private var last = 0

    func next() -> Int {
        lock.holding {
            last += 1
            return last
        }
    }
}

private let shownStateNumbers = StateNumbers()
