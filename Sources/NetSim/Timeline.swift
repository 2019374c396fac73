/// A simulation with its history, so it can go backwards: every command is logged with
/// the number of events run before it, and snapshots (copies of the value) are kept as
/// `CheckpointPolicy` says. Stepping back restores the nearest earlier snapshot and
/// replays the log up to the step before; determinism makes the result equal to the
/// state before that step.
///
/// Memory stays bounded however long the run: snapshots are thinned as they age, and
/// beyond the policy's horizon the oldest events are forgotten (`forgottenEvents`).
public struct Timeline: Sendable {
    /// A command or a move of the clock, with how many events had run before it.
    private struct LoggedAction: Sendable {
        enum Action: Sendable {
            case command(Command)
            case advance(to: SimTime)
        }

        let afterEvents: Int
        let action: Action
    }

    private struct Snapshot: Sendable {
        let events: Int
        /// How many logged actions (counted from the start of the run) had been applied.
        let actions: Int
        let simulation: Simulation
    }

    public private(set) var current: Simulation
    /// The events kept, oldest first: every event of the run until it passes the policy's
    /// horizon, then the latest ones (`forgottenEvents` come before the first).
    public private(set) var reports = EventReports()
    /// Events run but forgotten: they can no longer be listed or stepped back to.
    public private(set) var forgottenEvents = 0
    public let policy: CheckpointPolicy
    /// Actions since the oldest snapshot, in the order they were performed.
    private var log: [LoggedAction] = []
    private var forgottenActions = 0
    /// Oldest first; the first anchors the history.
    private var snapshots: [Snapshot]

    /// The series of the simulation's metrics are bounded to `policy.seriesLimit` points:
    /// every snapshot may hold its own copy of them.
    public init(_ simulation: Simulation, policy: CheckpointPolicy = .standard) {
        var simulation = simulation
        simulation.metrics.seriesLimit = policy.seriesLimit
        current = simulation
        snapshots = [Snapshot(events: 0, actions: 0, simulation: simulation)]
        self.policy = policy
    }

    /// A timeline with snapshots every `snapshotEvery` events near the present.
    public init(_ simulation: Simulation, snapshotEvery: Int) {
        self.init(simulation, policy: CheckpointPolicy(spacing: snapshotEvery))
    }

    /// Events run on this timeline, the forgotten ones included.
    public var eventCount: Int { forgottenEvents + reports.count }

    /// How many snapshots are kept now.
    public var snapshotCount: Int { snapshots.count }

    public mutating func perform(_ command: Command) throws(SimError) {
        try current.perform(command)
        log.append(LoggedAction(afterEvents: eventCount, action: .command(command)))
    }

    /// Runs one event; nil (and nothing logged) when idle.
    @discardableResult
    public mutating func step() -> StepReport? {
        guard let report = current.step() else { return nil }
        reports.append(report)
        if eventCount.isMultiple(of: policy.spacing) {
            snapshots.append(Snapshot(events: eventCount, actions: forgottenActions + log.count, simulation: current))
            thin()
        }
        return report
    }

    /// Steps until the condition holds, nothing is left, or `maxEvents` have run; every
    /// event is recorded, so each can be stepped back over.
    @discardableResult
    public mutating func run(until condition: StopCondition, maxEvents: Int = .max) -> RunOutcome {
        runSteps(until: condition, maxEvents: maxEvents)
    }

    /// Goes back to the state just before the last step (undoing commands performed
    /// after it too); false when there is no step to undo, or the step is forgotten.
    @discardableResult
    public mutating func stepBack() -> Bool {
        guard eventCount > snapshots[0].events else { return false }
        rewind(toEvents: eventCount - 1)
        return true
    }

    /// Goes to the state just after event `n` (0: before the first event; the oldest
    /// event kept when `n` is forgotten), stepping forward if `n` is ahead. Going back
    /// forgets the later steps.
    public mutating func seek(toEvent n: Int) {
        precondition(n >= 0, "event numbers start at 0")
        if n < eventCount {
            rewind(toEvents: max(n, snapshots[0].events))
        } else {
            while eventCount < n, step() != nil {}
        }
    }

    /// Restores the latest snapshot at or before `target` events and replays the log up
    /// to it (keeping the actions performed after that event), taking snapshots on the
    /// way so that stepping back again is quick.
    private mutating func rewind(toEvents target: Int) {
        while let last = snapshots.last, last.events > target { snapshots.removeLast() }
        let start = snapshots[snapshots.count - 1]
        current = start.simulation
        var events = start.events
        var index = start.actions - forgottenActions
        while true {
            while index < log.count, log[index].afterEvents == events {
                replay(log[index].action)
                index += 1
            }
            if events == target { break }
            let handled = current.handleNextEvent()
            assert(handled != nil, "replay ran out of events")
            events += 1
            if events.isMultiple(of: policy.spacing) {
                snapshots.append(Snapshot(events: events, actions: forgottenActions + index, simulation: current))
            }
        }
        log.removeSubrange(index...)
        reports.keepFirst(target - forgottenEvents)
        thin()
    }

    private mutating func replay(_ action: LoggedAction.Action) {
        switch action {
        case let .command(command):
            do { try current.perform(command) } catch { preconditionFailure("a logged command failed on replay: \(error)") }
        case let .advance(to: time):
            _ = current.nextEventTime()
            current.advanceClock(to: time)
        }
    }

    /// Drops the snapshots the policy no longer keeps, and forgets what lies beyond the
    /// horizon: the oldest snapshot goes once the next one is that far back.
    private mutating func thin() {
        let present = eventCount
        snapshots = snapshots.enumerated().filter { index, snapshot in
            index == 0 || policy.keeps(events: snapshot.events, present: present)
        }.map(\.element)
        while snapshots.count > 1, present - snapshots[1].events >= policy.horizon {
            snapshots.removeFirst()
        }
        let anchor = snapshots[0]
        if anchor.events > forgottenEvents {
            reports.removeFirst(anchor.events - forgottenEvents)
            forgottenEvents = anchor.events
        }
        if anchor.actions > forgottenActions {
            log.removeFirst(anchor.actions - forgottenActions)
            forgottenActions = anchor.actions
        }
    }
}

extension Timeline: EventStepping {
    var observed: Simulation { current }

    mutating func nextEventTime() -> SimTime? { current.nextEventTime() }

    /// Moves the clock, logged so that a replay moves it at the same point. A move right
    /// after another replaces it (the clock only goes forward), so a clock moved every
    /// frame while nothing happens does not grow the log.
    mutating func advanceClock(to time: SimTime) {
        current.advanceClock(to: time)
        if let last = log.last, last.afterEvents == eventCount, case let .advance(to: earlier) = last.action {
            log[log.count - 1] = LoggedAction(afterEvents: eventCount, action: .advance(to: max(earlier, time)))
        } else {
            log.append(LoggedAction(afterEvents: eventCount, action: .advance(to: time)))
        }
    }

    mutating func handleOneEvent() -> Bool { step() != nil }
}
