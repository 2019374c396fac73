import Canvas
import NetSim

/// Where → and ← stop. A step shows a change: it goes on to the next moment whose stage,
/// drawn as the learner sees it, differs from the moment just before it, and the
/// messages glide there. Such moments are
/// - an event that changes the picture at its instant (a request arriving, a queue
///   growing); events that change nothing on the stage (six sends in one instant) are
///   taken together with the next one that does;
/// - an event that ends a lesson's wait, where the script has something to say;
/// - inside a long gap between events (a file taking simulated seconds to arrive), a few
///   evenly spaced moments whose picture has moved on, so the transfer is seen in stages;
/// - every `longestWalk`-th event, so a step never runs away with a busy swarm.
/// Whether a moment is a stop depends only on it and the moment before it, never on
/// where the learner came from, so ← stops exactly where → does, in reverse.
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

extension StageSession {
    /// The stage's scene from `simulation` at `time`, as the learner would see it drawn;
    /// the driver must not be behind `simulation` (its events mark the picture).
    func scene(_ simulation: Simulation, at time: SimTime) -> Scene {
        Scene(Frame(simulation: simulation, time: time), plan: plan,
              reports: driver.reports.prefix(max(0, simulation.eventCount - driver.forgottenEvents)), geometry: geometry)
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
    /// given the scene `after` shows at its instant.
    func stopsAt(before: Simulation, after: Simulation, showing scene: Scene, endedWait: Bool) -> Bool {
        if endedWait { return true }
        if after.eventCount != before.eventCount, after.eventCount.isMultiple(of: StepStops.longestWalk) { return true }
        return looksDifferent(self.scene(before, at: after.now), scene)
    }

    /// → : on to the next stop, the messages gliding there through every event the step
    /// covers.
    mutating func stepForward() {
        playback.playing = false
        finishGlide()
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
            if let stage = stages(of: segment, until: next.now).first(where: { $0 > clock }) {
                clock = stage
                break
            }
            endedWait = driver.lastStepEndedWait
            let stops = stopsAt(before: segment, after: next, showing: scene(next, at: next.now), endedWait: endedWait)
            passed.append(segment)
            heldState = nil
            clock = next.now
            if stops { break }
        }
        let target = clock
        // Stopped at an event: until the glide gets there, the state before it is shown.
        if heldState == nil, let last = passed.popLast() { heldState = last }
        glideFrames = Self.framesWorthKeeping(passed)
        clock = max(start, (glideFrames.first ?? heldState)?.now ?? start)
        if let glide = playback.glide(from: clock, to: target) {
            playback.glide = glide
        } else {
            clock = target
            finishGlide()
        }
        let reached = heldState != nil && target < driver.simulation.now ? heldState! : driver.simulation
        lastStepEvents = reached.eventCount - startEvents
        if endedWait { suggestSpeed(afterWait: true) }
    }

    /// ← : back to the stop before, at once: the stops → makes, in reverse.
    mutating func stepBack() {
        playback.playing = false
        finishGlide()
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

    /// The states a glide shows on its way, oldest first: the last of each instant (the
    /// others are never on screen), and no more than a glide can show.
    private static func framesWorthKeeping(_ states: [Simulation]) -> [Simulation] {
        var kept: [Simulation] = []
        for state in states {
            if let last = kept.last, last.now == state.now { kept.removeLast() }
            kept.append(state)
        }
        return Array(kept.suffix(32))
    }
}
