import NetSim

/// Where a wait started, so relative conditions ("for 500ms", "10 events") and "an event
/// of this kind happened" can be judged.
struct WaitProgress: Sendable, Hashable {
    var startTime: SimTime
    var startEvents: Int
    /// An event of the awaited kind happened since the wait started.
    var sawEvent = false
    /// Moves towards the wait so far (events run, or the clock moved to a deadline).
    var steps = 0
}

extension Wait.Condition {
    /// Whether the wait is over in `simulation`. `fileTargets` are the nodes the lesson
    /// has asked to receive a file, for `all-done`; `stepStart` is when the step began, for `elapsed`.
    func holds(in simulation: Simulation, progress: WaitProgress, fileTargets: [String], stepStart: SimTime) -> Bool {
        switch self {
        case .idle:
            return simulation.isIdle
        case .delivered:
            return simulation.inFlight.isEmpty && simulation.nodeIDs.allSatisfy {
                let node = simulation.node($0)
                return node.queueLength == 0 && !node.inService
            }
        case let .time(time):
            return simulation.now >= time
        case let .duration(duration):
            return simulation.now >= progress.startTime + duration
        case let .events(count):
            return simulation.eventCount - progress.startEvents >= count
        case .event:
            return progress.sawEvent
        case let .queueFull(name):
            let ids = name.flatMap { simulation.network.id(named: $0) }.map { [$0] } ?? simulation.nodeIDs
            return ids.contains { id in
                let limit = simulation.network.nodes[id.rawValue].queueLimit
                return limit != .max && simulation.node(id).queueLength >= limit
            }
        case .allDone:
            // Checked after every event of a swarm: one pass over the nodes, rather than a
            // search by name for each target. Completion is looked up in the metrics
            // first: building a node's whole state costs far more, and is needed only to
            // excuse a node that is down or gone. A target with no node is not waited for.
            guard !fileTargets.isEmpty else { return false }
            let completed = simulation.metrics.completionTimes, targets = Set(fileTargets)
            return simulation.network.nodes.indices.allSatisfy { index in
                let id = NodeID(index)
                guard completed[id] == nil, targets.contains(simulation.network.nodes[index].name) else { return true }
                let node = simulation.node(id)
                return !node.isUp || node.hasLeft
            }
        case let .compare(value, comparison, threshold):
            guard let number = value.read(in: simulation, stepStart: stepStart).number else { return false }
            return comparison.holds(number, threshold)
        }
    }

    /// The simulated time at which the wait is over regardless of events, if it is a time wait.
    func deadline(progress: WaitProgress) -> SimTime? {
        switch self {
        case let .time(time): time
        case let .duration(duration): progress.startTime + duration
        default: nil
        }
    }
}
