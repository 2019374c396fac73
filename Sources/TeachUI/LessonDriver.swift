import LessonKit
import NetSim

/// A lesson's runner as the stage drives it: stepping and playing move through the
/// step's waits and nothing further. Playing stops as each wait is over (the script then
/// has something to say about that moment), and once the step's script is done the
/// simulation stays where the script left it: exactly the state the next step starts
/// from, and the state the plain transcript shows.
struct LessonDriver: SimulationDriver {
    var runner: LessonRunner
    /// The script position before the last event, when that event ended a wait: until
    /// the stage shows that event, the screen speaks of the moment before it.
    private(set) var stopFrom: Int?

    var simulation: Simulation { runner.simulation }
    var reports: EventReports { runner.timeline.reports }
    var forgottenEvents: Int { runner.timeline.forgottenEvents }
    var lastStepEndedWait: Bool { stopFrom != nil }
    private(set) var lastWaitEndedSilently = false
    var scriptPosition: Int { runner.scriptPosition }
    var pace: Pace? { runner.pace }

    /// Runs an event (or moves the clock to a deadline, or gives up a wait that can no
    /// longer come true) while the step waits on the simulation; reaches a stop when
    /// that moves the script on.
    mutating func stepForward() -> ForwardStep {
        guard case .running = runner.pending else { return .nothing }
        let before = (runner.simulation.eventCount, runner.simulation.now, runner.scriptPosition)
        let said = runner.shownNarration.count
        runner.stepEvent()
        stopFrom = runner.scriptPosition != before.2 ? before.2 : nil
        lastWaitEndedSilently = stopFrom != nil && runner.shownNarration.count == said && {
            if case .running = runner.pending { true } else { false }
        }()
        if stopFrom != nil { return .reachedStop }
        return (runner.simulation.eventCount, runner.simulation.now) != (before.0, before.1) ? .ran : .nothing
    }

    /// Unknown: a step may first move the clock to a wait's deadline or send the
    /// requests scheduled by then, and only then run an event.
    func timeOfNextStep() -> SimTime? { nil }

    mutating func stepBack() -> Bool {
        stopFrom = nil
        lastWaitEndedSilently = false
        return runner.stepEventBack()
    }

    /// Goes to event `n` of the whole run, within the current step: events before the
    /// step began are out of reach, since going back past a step's start is what
    /// previous-step is for.
    mutating func seek(toEvent n: Int) {
        stopFrom = nil
        if runner.timeline.eventCount > n { runner.stepBack(toEvents: n) }
        while runner.timeline.eventCount < n, stepForward().ranSomething {}
    }

    mutating func passInteraction() -> Bool {
        switch runner.pending {
        case .ask, .pause, .quiz:
            stopFrom = nil
            runner.resolveInteraction()
            return true
        case .running, .done:
            return false
        }
    }

    var stepScope: StepScope? { runner.stepScope }

    /// The step under way, from its start to its end (played ahead if need be).
    mutating func stopGrid() -> StopGrid? {
        let end = runner.stepEnd()
        return StopGrid(start: StepMoment(events: runner.stepStartEvents, time: runner.stepStartTime),
                        end: StepMoment(events: end.events, time: end.time))
    }

    /// When the wait under way would be over if played out (or how far a probe gets).
    var endOfRun: SimTime? {
        guard canPlay else { return nil }
        // A wait played before (or ahead, while the learner read) is not played again.
        if let known = runner.knownProbeEnd { return known > simulation.now ? known : nil }
        var rest = self
        var events = 0
        while events < probeEventLimit, rest.stepForward() == .ran { events += 1 }
        return rest.simulation.now > simulation.now ? rest.simulation.now : nil
    }

    /// Only a wait plays: the script stops for the learner at an interaction and once it
    /// is done.
    var canPlay: Bool {
        if case .running = runner.pending { true } else { false }
    }
}
