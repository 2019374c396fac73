/// A simulation with its history, so it can go backwards: every command and step is
/// logged, and a snapshot (a copy of the value) is kept every `snapshotEvery` steps.
/// Stepping back restores the nearest earlier snapshot and replays the log up to the
/// step before; determinism makes the result equal to the state before that step.
public struct Timeline: Sendable {
    private enum Entry: Sendable {
        case command(Command)
        case step
        case advance(to: SimTime)
    }

    private struct Snapshot: Sendable {
        /// How many log entries had been applied.
        let entries: Int
        let simulation: Simulation
    }

    public private(set) var current: Simulation
    /// The events so far, one per step, for an event list.
    public private(set) var reports: [StepReport] = []
    private var log: [Entry] = []
    /// For each step so far, its index in `log`.
    private var stepEntries: [Int] = []
    private var snapshots: [Snapshot]
    private let snapshotEvery: Int

    public init(_ simulation: Simulation, snapshotEvery: Int = 1024) {
        precondition(snapshotEvery > 0, "snapshots need a positive interval")
        current = simulation
        snapshots = [Snapshot(entries: 0, simulation: simulation)]
        self.snapshotEvery = snapshotEvery
    }

    public mutating func perform(_ command: Command) throws(SimError) {
        try current.perform(command)
        log.append(.command(command))
    }

    /// Runs one event; nil (and nothing logged) when idle.
    @discardableResult
    public mutating func step() -> StepReport? {
        guard let report = current.step() else { return nil }
        stepEntries.append(log.count)
        log.append(.step)
        reports.append(report)
        if reports.count.isMultiple(of: snapshotEvery) {
            snapshots.append(Snapshot(entries: log.count, simulation: current))
        }
        return report
    }

    /// Steps until the condition holds, nothing is left, or `maxEvents` have run; every
    /// event is recorded, so each can be stepped back over.
    @discardableResult
    public mutating func run(until condition: StopCondition, maxEvents: Int = .max) -> RunOutcome {
        var count = 0
        while true {
            switch condition {
            case let .time(limit):
                // Looking at the next event discards stale entries, so it must not happen
                // once the budget is spent: that look would change the state unlogged.
                if count >= maxEvents { return RunOutcome(eventsRun: count, reason: .eventLimit) }
                guard let next = current.nextEventTime(), next <= limit else {
                    current.advanceClock(to: limit)
                    log.append(.advance(to: limit))
                    return RunOutcome(eventsRun: count, reason: .reached)
                }
            case let .events(target):
                if count >= target { return RunOutcome(eventsRun: count, reason: .reached) }
            case .idle:
                break
            case let .condition(holds):
                if holds(current) { return RunOutcome(eventsRun: count, reason: .reached) }
            }
            if count >= maxEvents { return RunOutcome(eventsRun: count, reason: .eventLimit) }
            guard step() != nil else {
                if case .idle = condition { return RunOutcome(eventsRun: count, reason: .reached) }
                return RunOutcome(eventsRun: count, reason: .idle)
            }
            count += 1
        }
    }

    /// Goes back to the state just before the last step (undoing commands performed
    /// after it too); false when there is no step to undo.
    @discardableResult
    public mutating func stepBack() -> Bool {
        guard let last = stepEntries.last else { return false }
        rewind(toEntries: last, steps: stepEntries.count - 1)
        return true
    }

    /// Goes to the state just after event `n` (0: before the first event), stepping
    /// forward if `n` is ahead. Going back forgets the later steps.
    public mutating func seek(toEvent n: Int) {
        precondition(n >= 0, "event numbers start at 0")
        if n < stepEntries.count {
            rewind(toEntries: stepEntries[n], steps: n)
        } else {
            while reports.count < n, step() != nil {}
        }
    }

    /// Restores the latest snapshot at or before `entries` and replays the log up to it.
    private mutating func rewind(toEntries entries: Int, steps: Int) {
        while let last = snapshots.last, last.entries > entries { snapshots.removeLast() }
        let snapshot = snapshots.last!
        current = snapshot.simulation
        for entry in log[snapshot.entries..<entries] { replay(entry) }
        log.removeSubrange(entries...)
        stepEntries.removeSubrange(steps...)
        reports.removeSubrange(steps...)
    }

    private mutating func replay(_ entry: Entry) {
        switch entry {
        case let .command(command):
            do { try current.perform(command) } catch { preconditionFailure("a logged command failed on replay: \(error)") }
        case .step:
            let report = current.step()
            assert(report != nil, "replay ran out of events")
        case let .advance(to: time):
            _ = current.nextEventTime()
            current.advanceClock(to: time)
        }
    }
}
