import LessonKit
import NetSim

/// What the stage needs from whatever runs the simulation (a lesson's runner, the
/// sandbox's timeline): the state now, the events so far, and moving through time.
protocol SimulationDriver: Sendable {
    var simulation: Simulation { get }
    /// The events kept, oldest first: all of them, or the latest of a long run.
    var reports: EventReports { get }
    /// Events before the first of `reports`, forgotten by a long run's history.
    var forgottenEvents: Int { get }
    /// Runs one event (or moves the clock to a deadline the driver waits for), and says
    /// whether playing may go on past it.
    mutating func stepForward() -> ForwardStep
    /// Where the next step forward will leave the clock, when the driver can tell without
    /// taking it; nil when it cannot, or nothing is left. Asked only right before a step.
    mutating func timeOfNextStep() -> SimTime?
    /// Undoes the last event; false when there is none to undo.
    mutating func stepBack() -> Bool
    /// Goes to the state just after event `n`.
    mutating func seek(toEvent n: Int)
    /// The stretch of time that → cuts into a readable number of presses (a lesson's
    /// step); nil when the driver knows none (the sandbox runs on with no end known: its
    /// stage cuts what its latest command set going instead, `StageSession.stopGrid()`).
    mutating func stopGrid() -> StopGrid?
    /// Goes on past what the script waits for the learner to do, as the learner did, so
    /// stepping can walk on to find where → stops; false when nothing waits.
    mutating func passInteraction() -> Bool
    /// Whether playing has more to show: false once nothing is left to happen (or the
    /// lesson's step has reached what it waits for).
    var canPlay: Bool { get }
    /// When what is under way now would end if played out, or how far a probe of
    /// `probeEventLimit` events gets (computed on a copy), for choosing a speed; nil when
    /// nothing is under way.
    var endOfRun: SimTime? { get }
    /// The last step forward ended something the script waited for (a lesson's wait):
    /// stepping stops there, so the learner reads what the script says about it.
    var lastStepEndedWait: Bool { get }
    /// The wait the last step ended had nothing after it to say: no text, pause, ask or
    /// quiz, only the next wait of the script, which runs on at once.
    var lastWaitEndedSilently: Bool { get }
    /// How far a script has got; it changes exactly when a wait ends (0 without a script).
    var scriptPosition: Int { get }
    /// How a lesson asks the wait under way to be played; nil without one.
    var pace: Pace? { get }
    /// What of the stage the lesson's step under way owns (nil without a lesson), so the
    /// screen and stepping draw and compare the same scene.
    var stepScope: StepScope? { get }
}

extension SimulationDriver {
    /// No known end.
    mutating func stopGrid() -> StopGrid? { nil }

    /// Nothing waits for the learner.
    mutating func passInteraction() -> Bool { false }

    /// No lesson's step: the whole scene is the stage's.
    var stepScope: StepScope? { nil }
}

/// What one step forward did.
enum ForwardStep: Hashable, Sendable {
    /// Nothing: there is nothing to run now.
    case nothing
    /// Ran an event; playing goes on.
    case ran
    /// Ran an event that reached a place where playing stops: a lesson's wait is over,
    /// so the learner can read what the script says about that moment.
    case reachedStop

    var ranSomething: Bool { self != .nothing }
}

/// Events a speed probe runs at most: plenty to judge a step's pace, few enough to stay
/// instant even for a swarm of thousands (a longer run just plays at the pace found).
let probeEventLimit = LessonRunner.probeSteps

extension Timeline: SimulationDriver {
    var simulation: Simulation { current }

    mutating func stepForward() -> ForwardStep { step() == nil ? .nothing : .ran }

    /// A step runs exactly the next event.
    mutating func timeOfNextStep() -> SimTime? { timeOfNextEvent() }

    var canPlay: Bool { !current.isIdle }

    var lastStepEndedWait: Bool { false }

    var lastWaitEndedSilently: Bool { false }

    var scriptPosition: Int { 0 }

    var pace: Pace? { nil }

    var endOfRun: SimTime? {
        guard !current.isIdle else { return nil }
        var probe = current
        probe.run(until: .idle, maxEvents: probeEventLimit)
        return probe.now
    }
}
