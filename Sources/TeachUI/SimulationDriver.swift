import NetSim

/// What the stage needs from whatever runs the simulation (a lesson's runner, the
/// sandbox's timeline): the state now, the events so far, and moving through time.
protocol SimulationDriver: Sendable {
    var simulation: Simulation { get }
    /// Every event so far, oldest first.
    var reports: [StepReport] { get }
    /// Runs one event (or moves the clock to a deadline the driver waits for); false
    /// when there is nothing to run now.
    mutating func stepForward() -> Bool
    /// Undoes the last event; false when there is none to undo.
    mutating func stepBack() -> Bool
    /// Goes to the state just after event `n`.
    mutating func seek(toEvent n: Int)
    /// Whether playing has more to show: false once nothing is left to happen (or the
    /// lesson's step has reached what it waits for).
    var canPlay: Bool { get }
    /// When what is under way now would end if played out, or how far a probe of
    /// `probeEventLimit` events gets (computed on a copy), for choosing a speed; nil when
    /// nothing is under way.
    var endOfRun: SimTime? { get }
}

/// Events a speed probe runs at most: plenty to judge a step's pace, few enough to stay
/// instant even for a swarm of thousands (a longer run just plays at the pace found).
let probeEventLimit = 5_000

extension Timeline: SimulationDriver {
    var simulation: Simulation { current }

    mutating func stepForward() -> Bool { step() != nil }

    var canPlay: Bool { !current.isIdle }

    var endOfRun: SimTime? {
        guard !current.isIdle else { return nil }
        var probe = current
        probe.run(until: .idle, maxEvents: probeEventLimit)
        return probe.now
    }
}
