import LessonKit
import NetSim

/// A lesson's runner as the stage drives it: stepping moves through the step's waits,
/// and playing goes on while the step waits for the simulation (or, once the step's
/// script is done, while anything is left to happen).
struct LessonDriver: SimulationDriver {
    var runner: LessonRunner

    var simulation: Simulation { runner.simulation }
    var reports: [StepReport] { runner.timeline.reports }

    /// True when the runner did anything: ran an event, moved the clock to a deadline,
    /// or gave up a wait that can no longer come true.
    mutating func stepForward() -> Bool {
        let before = (runner.simulation.eventCount, runner.simulation.now, runner.scriptPosition)
        runner.stepEvent()
        return (runner.simulation.eventCount, runner.simulation.now, runner.scriptPosition) != before
    }

    mutating func stepBack() -> Bool { runner.stepEventBack() }

    /// Goes to event `n` of the whole run, within the current step: events before the
    /// step began are out of reach, since going back past a step's start is what
    /// previous-step is for.
    mutating func seek(toEvent n: Int) {
        while reports.count > n, runner.stepEventBack() {}
        while reports.count < n, stepForward() {}
    }

    var endOfRun: SimTime? {
        guard canPlay else { return nil }
        var probe = runner.simulation
        switch runner.pending {
        case .running:
            var rest = runner
            var events = 0
            while case .running = rest.pending, events < probeEventLimit, rest.stepEvent() != nil {
                events += 1
            }
            return rest.simulation.now > probe.now ? rest.simulation.now : nil
        default:
            probe.run(until: .idle, maxEvents: probeEventLimit)
            return probe.now
        }
    }

    var canPlay: Bool {
        switch runner.pending {
        case .running: true
        case .done: !runner.simulation.isIdle
        case .ask, .pause, .quiz: false
        }
    }
}
