/// What `run(until:maxEvents:)` drives: a simulation alone, or a timeline that records
/// every event it runs. One loop serves both, so they stop at exactly the same event.
protocol EventStepping {
    /// The state the stop condition looks at.
    var observed: Simulation { get }
    /// When the next live event is due, nil when idle (discarding stale events first).
    mutating func nextEventTime() -> SimTime?
    /// Moves the clock forward to `time` without handling anything.
    mutating func advanceClock(to time: SimTime)
    /// Handles one event; false when nothing is left to happen.
    mutating func handleOneEvent() -> Bool
}

extension EventStepping {
    /// Runs events until `condition` holds, nothing is left, or `maxEvents` have run.
    mutating func runSteps(until condition: StopCondition, maxEvents: Int) -> RunOutcome {
        var count = 0
        while true {
            switch condition {
            case let .time(limit):
                // Looking at the next event discards stale entries, so it must not happen
                // once the budget is spent: that look would change the state unlogged.
                if count >= maxEvents { return RunOutcome(eventsRun: count, reason: .eventLimit) }
                guard let next = nextEventTime(), next <= limit else {
                    advanceClock(to: limit)
                    return RunOutcome(eventsRun: count, reason: .reached)
                }
            case let .events(target):
                if count >= target { return RunOutcome(eventsRun: count, reason: .reached) }
            case .idle:
                break
            case let .condition(holds):
                if holds(observed) { return RunOutcome(eventsRun: count, reason: .reached) }
            }
            if count >= maxEvents { return RunOutcome(eventsRun: count, reason: .eventLimit) }
            guard handleOneEvent() else {
                if case .idle = condition { return RunOutcome(eventsRun: count, reason: .reached) }
                return RunOutcome(eventsRun: count, reason: .idle)
            }
            count += 1
        }
    }
}

extension Simulation: EventStepping {
    var observed: Simulation { self }

    mutating func handleOneEvent() -> Bool { handleNextEvent() != nil }
}
