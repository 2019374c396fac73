import Canvas
import NetSim

/// Where → and ← stop. A step shows a change of what the stage says, not only of where
/// a dot is: → goes on to a moment whose stage shows other facts than the one on screen
/// (a message left or arrived, a mark came or went, a share of the file moved a shade,
/// `Scene.facts`), and the messages glide there, so the travel between is animated and
/// a press never moves one dot one cell.
///
/// A lesson's step is known from its start to its end (the runner plays it ahead), and a
/// press also passes at least the next mark of its `StopGrid`: a busy swarm is walked
/// through in about ten presses, not hundreds. A press stops at the first moment past
/// the next mark that shows other facts; inside a long gap between events the marks'
/// instants (and evenly spaced moments) are such moments, so a transfer taking simulated
/// seconds is seen filling up in stages. An event that ends a lesson's wait is always a
/// stop, where the script has something to say. ← goes back through the stops → makes
/// from the step's start (`KnownStops`), so it lands exactly where → did.
///
/// In the sandbox, what the latest command set going is cut up the same way, from the
/// command to where it would end if played out (as far as a probe gets).
///
/// Without a known end (the sandbox before any command), → goes to the next moment whose
/// stage shows other facts than the moment just before it: an event that changes them at
/// its instant, evenly spaced moments of a long gap, and every `longestWalk`-th event.
/// Whether a moment is such a stop depends only on it and the moment before it, so ←
/// finds the stop before by walking back.
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

/// A step's progress as one measure, the mean of the share of its simulated time and the
/// share of its engine events that lie behind a moment, cut into `parts` marks: a press
/// of → goes past at least the next mark, and the measure only grows, so a step's waits
/// take at most `parts` presses between them (plus one stop where each wait ends). A
/// burst of events at one instant is cut up as well as a long quiet transfer: each of
/// the two halves of the measure moves through `parts / 2` marks on its own.
struct StopGrid: Hashable, Sendable {
    /// Play-testers needed 20-40 presses for a step when the grid had twenty marks in time
    /// and twenty in events; ten marks on one measure is a handful of presses per step,
    /// each gliding through what happened on the way.
    static let parts: Int64 = 10
    var start: StepMoment
    var end: StepMoment

    /// The share of `value`'s way from `from` to `to`, 0...1; nil when the way is empty.
    private static func share(_ value: Int64, from: Int64, to: Int64) -> Double? {
        guard to > from else { return nil }
        return Double(min(max(value, from), to) - from) / Double(to - from)
    }

    /// How many marks lie at or before `moment`.
    func marks(_ moment: StepMoment) -> Int64 {
        let shares = [Self.share(moment.time, from: start.time, to: end.time),
                      Self.share(Int64(moment.events), from: Int64(start.events), to: Int64(end.events))].compactMap { $0 }
        guard !shares.isEmpty else { return 0 }
        let measure = shares.reduce(0, +) / Double(shares.count)
        return min(Self.parts, Int64((measure * Double(Self.parts)).rounded(.down)))
    }

    /// A mark lies after `one`, at or before `other`.
    func crosses(from one: StepMoment, to other: StepMoment) -> Bool {
        marks(other) > marks(one)
    }

    /// The instants after `after` and before `before` at which the engine's `events` (fixed
    /// inside a gap between two of them, so only time moves the measure there) reach
    /// each mark past `origin`'s, in order.
    func instants(past origin: StepMoment, events: Int, after: SimTime, before: SimTime) -> [SimTime] {
        guard after + 1 < before, end.time > start.time else { return [] }
        var instants: [SimTime] = []
        var mark = marks(origin) + 1, from = after
        while mark <= Self.parts, let instant = firstInstant(reaching: mark, events: events, after: from, before: before) {
            instants.append(instant)
            from = instant
            mark = marks(StepMoment(events: events, time: instant)) + 1
        }
        return instants
    }

    /// The first instant after `after` and before `before` at which `events` reach `mark`.
    private func firstInstant(reaching mark: Int64, events: Int, after: SimTime, before: SimTime) -> SimTime? {
        func reaches(_ time: SimTime) -> Bool { marks(StepMoment(events: events, time: time)) >= mark }
        guard after + 1 < before, reaches(before - 1) else { return nil }
        if reaches(after + 1) { return after + 1 }
        // The measure only grows with time: a search by halves finds the first instant.
        var low = after + 1, high = before - 1
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if reaches(middle) { high = middle } else { low = middle }
        }
        return high
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

    /// Whether two scenes show different facts on screen, not only messages further along
    /// their way: a message left or arrived, a mark came or went, a share of the file
    /// moved a shade. Where → stops: a press that only moved a dot one cell showed the
    /// learner nothing to read (play-testers pressed 18 times to see one request go).
    func showsOtherFacts(_ one: Scene, _ other: Scene) -> Bool {
        let one = one.facts, other = other.facts
        return looksDifferent(one, other)
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
            if showsOtherFacts(scene, previous) { stages.append(moment) }
            previous = scene
        }
        return stages
    }

    /// Whether stepping stops at the event (or deadline) that took `before` to `after`,
    /// given the scene `after` shows at its instant (without a grid).
    func stopsAt(before: Simulation, after: Simulation, showing scene: Scene, endedWait: Bool) -> Bool {
        if endedWait { return true }
        if after.eventCount != before.eventCount, after.eventCount.isMultiple(of: StepStops.longestWalk) { return true }
        return showsOtherFacts(self.scene(before, at: after.now), scene)
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
                // A wait whose end the script says nothing about (another wait follows at
                // once) is a stop only where the stage shows other facts, like any moment:
                // cdn step 3's slow-motion stretch ended on a stage no different.
                stops = endedWait && !driver.lastWaitEndedSilently || grid.crosses(from: origin, to: StepMoment(next))
                    && showsOtherFacts(originScene, scene(next, at: next.now))
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

    /// A presenter's click while a play runs: on at once to where → would stop (a tenth of
    /// the step at least), gliding there, and the play goes on from there; at the end of
    /// the wait it stops, as the play would.
    mutating func hurry() {
        stepForward()
        playback.stopAhead = false
        playback.playing = driver.canPlay || heldState != nil
    }

    /// The first moment inside the gap from `segment`'s instant to `end` (shown from
    /// `segment`) where → stops, after the clock.
    private func stage(of segment: Simulation, until end: SimTime, grid: StopGrid?, from origin: StepMoment, showing originScene: Scene) -> SimTime? {
        guard let grid else { return stages(of: segment, until: end).first { $0 > clock } }
        // Where a mark is passed inside the gap, and evenly spaced moments of it: a file's
        // share moves a shade between two of its events.
        let after = max(clock, segment.now)
        let candidates = Set(grid.instants(past: origin, events: segment.eventCount, after: after, before: end)
            + StepStops.moments(from: segment.now, to: end).filter { $0 > after }).sorted()
        return candidates.first {
            grid.crosses(from: origin, to: StepMoment(events: segment.eventCount, time: $0))
                && showsOtherFacts(originScene, scene(segment, at: $0))
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

extension Scene {
    /// The scene with every message in flight put half way along its path (one that has
    /// arrived stays at its receiver): what it shows, not how far each message has come.
    var facts: Scene {
        var facts = self
        for index in facts.packets.indices where !facts.packets[index].arrived { facts.packets[index].progress = 0.5 }
        return facts
    }
}
