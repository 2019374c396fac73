import Canvas
import NetSim

/// Where → and ← stop. A step shows a change: it goes on to a moment whose stage, drawn
/// as the learner sees it, differs from the one on screen, and the messages glide there.
///
/// A lesson's step is known from its start to its end (the runner plays it ahead), and
/// a press also covers at least a share of it (`StopGrid`): a busy swarm is walked
/// through in a few dozen presses, not hundreds. A press stops at the first moment past
/// the next mark of the grid (in simulated time or in engine events) that looks
/// different; inside a long gap between events the grid's instants are such moments, so
/// a transfer taking simulated seconds is seen in stages. An event that ends a lesson's
/// wait is always a stop, where the script has something to say. ← goes back through
/// the stops → makes from the step's start (`KnownStops`), so it lands exactly where →
/// did.
///
/// In the sandbox, what the latest command set going is cut up the same way, from the
/// command to where it would end if played out (as far as a probe gets): a swarm takes
/// a few dozen presses there too.
///
/// Without a known end (the sandbox before any command), → goes to the next moment whose stage differs
/// from the moment just before it: an event that changes the picture at its instant,
/// evenly spaced moments of a long gap, and every `longestWalk`-th event. Whether a
/// moment is such a stop depends only on it and the moment before it, so ← finds the
/// stop before by walking back.
enum StepStops {
    /// A gap between events at least this long (simulated) is shown in stages.
    static let stagedGap: SimTime = 1_000_000
    /// The most stages one gap is cut into.
    static let mostStages = 8
    static let longestWalk = 256

    /// The evenly spaced moments of a gap from `start` to `end` that may be stages.
    static func moments(from start: SimTime, to end: SimTime) -> [SimTime] {
        let gap = end - start
        let stages = min(SimTime(mostStages), gap / stagedGap)
        guard stages >= 2 else { return [] }
        return (1..<stages).map { start + gap * $0 / stages }
    }
}

/// A moment of a run as the stage shows it: the engine events behind it and the instant.
struct StepMoment: Hashable, Sendable, Comparable {
    var events: Int
    var time: SimTime

    init(events: Int, time: SimTime) {
        self.events = events
        self.time = time
    }

    /// A state at its own instant.
    init(_ simulation: Simulation) {
        self.init(events: simulation.eventCount, time: simulation.now)
    }

    static func < (one: StepMoment, other: StepMoment) -> Bool {
        (one.events, one.time) < (other.events, other.time)
    }
}

/// A step cut into `parts` equal shares of its simulated time and as many of its engine
/// events: a press of → goes past at least the next mark of one of them, so a step takes
/// at most about twice `parts` presses, and a burst of events at one instant is cut up
/// as well as a long quiet transfer.
struct StopGrid: Hashable, Sendable {
    static let parts: Int64 = 20
    var start: StepMoment
    var end: StepMoment

    /// How many marks of a share lie at or before `value` (from `from` to `to`).
    private static func marks(_ value: Int64, from: Int64, to: Int64) -> Int64 {
        guard to > from else { return 0 }
        return max(0, value - from) * parts / (to - from)
    }

    private func marks(_ moment: StepMoment) -> (Int64, Int64) {
        (Self.marks(moment.time, from: start.time, to: end.time),
         Self.marks(Int64(moment.events), from: Int64(start.events), to: Int64(end.events)))
    }

    /// A mark lies after `one`, at or before `other`.
    func crosses(from one: StepMoment, to other: StepMoment) -> Bool {
        let (time, events) = marks(one), (laterTime, laterEvents) = marks(other)
        return laterTime > time || laterEvents > events
    }

    /// The instants of the time marks after `after` and before `before`.
    func instants(after: SimTime, before: SimTime) -> [SimTime] {
        let span = end.time - start.time
        guard span > 0 else { return [] }
        var instants: [SimTime] = []
        var mark = Self.marks(after, from: start.time, to: end.time) + 1
        while mark <= Self.parts {
            // The first instant whose share reaches `mark`: the ceiling of mark * span / parts.
            let instant = start.time + (mark * span + Self.parts - 1) / Self.parts
            guard instant < before else { break }
            if instant > after { instants.append(instant) }
            mark += 1
        }
        return instants
    }
}

/// The stops → makes from a step's start, in order, as far as they are known: drawn at
/// one size of the stage (another size may show a change at other moments).
struct KnownStops: Hashable, Sendable {
    var grid: StopGrid
    var look: StageLook
    var moments: [StepMoment]
}

extension StageSession {
    /// The stage's scene from `simulation` at `time`, as the learner would see it drawn;
    /// the driver must not be behind `simulation` (its events mark the picture).
    func scene(_ simulation: Simulation, at time: SimTime) -> Scene {
        scene(simulation, at: time, driver: driver)
    }

    /// The scene of `simulation` marked from the events `driver` has run.
    func scene(_ simulation: Simulation, at time: SimTime, driver: Driver) -> Scene {
        scene(Frame(simulation: simulation, time: time), driver: driver)
    }

    /// The scene of `frame` marked from the events `driver` ran up to it, as the step
    /// under way draws it: the one place a scene is built, so the screen and stepping
    /// judge the same picture.
    func scene(_ frame: Frame, driver: Driver) -> Scene {
        let reports = driver.reports.prefix(max(0, frame.simulation.eventCount - driver.forgottenEvents))
        var scene = Scene(frame, plan: plan, reports: reports, geometry: geometry)
        if let scope = driver.stepScope {
            scene.scope(to: scope, at: frame.time, reports: reports, forgottenEvents: driver.forgottenEvents)
        }
        return scene
    }

    /// Whether two scenes look different on screen: equal scenes never do; others are
    /// drawn to tell (a message moving less than a cell does not show).
    func looksDifferent(_ one: Scene, _ other: Scene) -> Bool {
        one != other && look.picture(of: one) != look.picture(of: other)
    }

    /// Moments inside the gap from `segment`'s instant to `end` (shown from `segment`)
    /// whose picture differs from the moment before.
    func stages(of segment: Simulation, until end: SimTime) -> [SimTime] {
        let moments = StepStops.moments(from: segment.now, to: end)
        guard !moments.isEmpty else { return [] }
        var previous = scene(segment, at: segment.now)
        var stages: [SimTime] = []
        for moment in moments {
            let scene = scene(segment, at: moment)
            if looksDifferent(scene, previous) { stages.append(moment) }
            previous = scene
        }
        return stages
    }

    /// Whether stepping stops at the event (or deadline) that took `before` to `after`,
    /// given the scene `after` shows at its instant (without a grid).
    func stopsAt(before: Simulation, after: Simulation, showing scene: Scene, endedWait: Bool) -> Bool {
        if endedWait { return true }
        if after.eventCount != before.eventCount, after.eventCount.isMultiple(of: StepStops.longestWalk) { return true }
        return looksDifferent(self.scene(before, at: after.now), scene)
    }

    /// The moment the stage shows now.
    var moment: StepMoment { StepMoment(events: shown.simulation.eventCount, time: clock) }

    /// A command has set something going (the sandbox's keys): → cuts it into shares from
    /// here.
    mutating func startRun() {
        runStart = StepMoment(driver.simulation)
        runGrid = nil
    }

    /// What → cuts into shares: the lesson's step, or what the sandbox's latest command
    /// set going, from the command to where it would end if played out (as far as a probe
    /// of `probeEventLimit` events gets), found on the first press after the command and
    /// kept, so → and ← cut it the same way. Nil when neither is known, or nothing runs.
    mutating func stopGrid() -> StopGrid? {
        if let grid = driver.stopGrid() { return grid }
        guard let start = runStart else { return nil }
        if let runGrid { return runGrid }
        var probe = driver
        var events = 0
        while events < probeEventLimit, probe.stepForward().ranSomething { events += 1 }
        let end = StepMoment(probe.simulation)
        guard end.events > start.events, end.time > start.time else { return nil }
        runGrid = StopGrid(start: start, end: end)
        return runGrid
    }

    /// → : on to the next stop, the messages gliding there through every event the step
    /// covers.
    mutating func stepForward() {
        playback.playing = false
        finishGlide()
        let grid = stopGrid()
        let origin = moment, originScene = scene
        let start = clock, startEvents = shown.simulation.eventCount
        var passed: [Simulation] = []
        var endedWait = false
        while true {
            if heldState == nil {
                let before = driver.simulation
                guard driver.stepForward().ranSomething else { break }
                heldState = before
            }
            guard let segment = heldState else { break }
            let next = driver.simulation
            if let stage = stage(of: segment, until: next.now, grid: grid, from: origin, showing: originScene) {
                clock = stage
                break
            }
            endedWait = driver.lastStepEndedWait
            let stops: Bool
            if let grid {
                stops = endedWait || grid.crosses(from: origin, to: StepMoment(next))
                    && looksDifferent(originScene, scene(next, at: next.now))
            } else {
                stops = stopsAt(before: segment, after: next, showing: scene(next, at: next.now), endedWait: endedWait)
            }
            Self.keep(segment, in: &passed)
            heldState = nil
            clock = next.now
            if stops { break }
        }
        let target = clock
        // Stopped at an event: until the glide gets there, the state before it is shown.
        if heldState == nil, let last = passed.popLast() { heldState = last }
        glideFrames = passed
        clock = max(start, (glideFrames.first ?? heldState)?.now ?? start)
        if let glide = playback.glide(from: clock, to: target) {
            playback.glide = glide
        } else {
            clock = target
            finishGlide()
        }
        let reached = heldState != nil && target < driver.simulation.now ? heldState! : driver.simulation
        lastStepEvents = reached.eventCount - startEvents
        if let grid { learn(StepMoment(events: reached.eventCount, time: target), from: origin, grid: grid) }
        if endedWait { suggestSpeed(afterWait: true) }
    }

    /// The first moment inside the gap from `segment`'s instant to `end` (shown from
    /// `segment`) where → stops, after the clock.
    private func stage(of segment: Simulation, until end: SimTime, grid: StopGrid?, from origin: StepMoment, showing originScene: Scene) -> SimTime? {
        guard let grid else { return stages(of: segment, until: end).first { $0 > clock } }
        return grid.instants(after: max(clock, segment.now), before: end).first {
            grid.crosses(from: origin, to: StepMoment(events: segment.eventCount, time: $0))
                && looksDifferent(originScene, scene(segment, at: $0))
        }
    }

    /// Notes a stop → reached from `origin`, when `origin` is the last stop known.
    private mutating func learn(_ stop: StepMoment, from origin: StepMoment, grid: StopGrid) {
        startKnownStops(for: grid)
        if knownStops?.moments.last == origin, origin < stop { knownStops?.moments.append(stop) }
    }

    /// Starts the known stops again from the step's start when they were found for
    /// another step (its grid) or another size of the stage.
    private mutating func startKnownStops(for grid: StopGrid) {
        if knownStops?.grid != grid || knownStops?.look != look { knownStops = KnownStops(grid: grid, look: look, moments: [grid.start]) }
    }

    /// Finds the stops → makes from the last one known up to `moment`, walking a copy of
    /// the stage through them.
    private mutating func learnStops(upTo moment: StepMoment, grid: StopGrid) {
        startKnownStops(for: grid)
        guard let last = knownStops?.moments.last, last < moment else { return }
        var walker = self
        walker.go(to: last)
        while let reached = walker.knownStops?.moments.last, reached < moment {
            walker.stepForward()
            // Stopped at a pause (or an ask, a quiz): on past it, as the learner went.
            if walker.knownStops?.moments.last == reached, !walker.driver.passInteraction() { break }
        }
        knownStops = walker.knownStops
    }

    /// Shows `target` exactly: the driver at its events (one further, the state before
    /// held, for a moment between two events) and the clock at its instant.
    mutating func go(to target: StepMoment) {
        playback.glide = nil
        glideFrames = []
        heldState = nil
        if StepMoment(driver.simulation) > target { driver.seek(toEvent: target.events) }
        // A wait's deadline moves the clock without an event: undone as one.
        while StepMoment(driver.simulation) > target, driver.stepBack() {}
        while StepMoment(driver.simulation) < target {
            let before = driver.simulation
            guard driver.stepForward().ranSomething else { break }
            if StepMoment(driver.simulation) > target {
                heldState = before
                break
            }
        }
        clock = target.time
    }

    /// ← : back to the stop before, at once: the stops → makes, in reverse.
    mutating func stepBack() {
        playback.playing = false
        finishGlide()
        let here = moment
        // Back from the start of what the sandbox's command set going: change by change.
        guard let grid = stopGrid(), driver.stopGrid() != nil || grid.start < here else {
            stepBackToTheChangeBefore()
            return
        }
        let startEvents = shown.simulation.eventCount
        learnStops(upTo: here, grid: grid)
        // Short of the step's first stop with the driver ahead (a play paused there), the
        // step's start is where ← goes.
        let stops = knownStops?.moments ?? [grid.start]
        guard let target = stops.last(where: { $0 < here }) ?? (heldState != nil ? stops.first : nil) else { return }
        go(to: target)
        lastStepEvents = shown.simulation.eventCount - startEvents
        assertClockShowsNoFuture()
        dropStaleSelection()
    }

    /// ← without a grid: walks back to the moment before that differs from the moment
    /// before it.
    private mutating func stepBackToTheChangeBefore() {
        let startEvents = shown.simulation.eventCount
        // The event point reached is a stop only if the walk arrived at it from later on.
        var fromLater = false
        while true {
            if let segment = heldState {
                if let stage = stages(of: segment, until: driver.simulation.now).last(where: { $0 < clock }) {
                    clock = stage
                    break
                }
                heldState = nil
                guard driver.stepBack() else {
                    clock = driver.simulation.now
                    break
                }
                clock = segment.now
                fromLater = true
            } else if clock > driver.simulation.now {
                clock = driver.simulation.now
                fromLater = true
            }
            let after = driver.simulation, position = driver.scriptPosition
            let shown = fromLater ? scene(after, at: after.now) : nil
            guard driver.stepBack() else { break }
            let before = driver.simulation
            if let shown, stopsAt(before: before, after: after, showing: shown, endedWait: driver.scriptPosition != position) {
                _ = driver.stepForward()
                break
            }
            if let stage = stages(of: before, until: after.now).last {
                _ = driver.stepForward()
                heldState = before
                clock = stage
                break
            }
            clock = before.now
            fromLater = true
        }
        lastStepEvents = shown.simulation.eventCount - startEvents
        assertClockShowsNoFuture()
        dropStaleSelection()
    }

    /// How much simulated time passes before the stage first looks different from now,
    /// played on a copy: a message leaving its cell, or an event that shows (what events
    /// at this very instant show, the class sees at once). nil when nothing shows within
    /// a few events.
    func firstChange() -> SimTime? {
        guard heldState == nil else { return nil }
        var shownScene = scene
        var probe = driver
        var before = driver.simulation
        for _ in 0..<64 {
            guard probe.canPlay, probe.stepForward().ranSomething else { return nil }
            let next = probe.simulation
            // The first instant of the gap that looks different: motion only goes on, so
            // a search by halves finds it.
            if next.now > clock, looksDifferent(shownScene, scene(before, at: next.now - 1, driver: probe)) {
                var low = max(clock, before.now), high = next.now - 1
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if looksDifferent(shownScene, scene(before, at: middle, driver: probe)) { high = middle } else { low = middle }
                }
                return high - clock
            }
            let nextScene = scene(next, at: next.now, driver: probe)
            if next.now == clock {
                shownScene = nextScene
            } else if looksDifferent(shownScene, nextScene) {
                return next.now - clock
            }
            before = next
        }
        return nil
    }

    /// Adds a state a glide shows on its way (oldest first): the last of each instant (the
    /// others are never on screen), and no more than a glide can show.
    private static func keep(_ state: Simulation, in kept: inout [Simulation]) {
        if let last = kept.last, last.now == state.now { kept.removeLast() }
        kept.append(state)
        if kept.count > 32 { kept.removeFirst() }
    }
}
