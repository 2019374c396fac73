import NetSim

/// The parts of the metrics panel a lesson can choose to show (`- gauges: [...]`).
public enum Gauge: String, Sendable, Hashable, CaseIterable {
    /// The line of counts: dropped, refused, lost, rejected, messages, in flight.
    case counts
    /// Each server's queue.
    case queue
    /// Each server's upload, as a share of its capacity.
    case load
    /// Each node's share of the file being shared.
    case file
    /// One figure over time: the queue, answer times, or nodes finished.
    case trend
    /// What each node has uploaded so far.
    case uploads
}

/// Where the metrics panel's counts start: a new swarm, a call apart from it or a
/// `reset` begins a new scenario, and counts from before it belong to another.
public struct CountsStart: Sendable, Equatable {
    public enum Reason: Sendable, Hashable {
        /// A swarm started.
        case swarm
        /// The lesson said `- reset: counts`.
        case reset
        /// A call began among nodes that take no part in the file shared before.
        case call
    }

    public var reason: Reason
    /// The simulation at that moment, whose totals are taken away from later ones: the
    /// counts of its metrics, and watched totals such as a node's `served` or `hits`.
    public var simulation: Simulation
    /// The 0-based index of the step that began the scenario, which the panel's title names.
    public var step: Int

    init(reason: Reason, simulation: Simulation, step: Int) {
        self.reason = reason
        self.simulation = simulation
        self.step = step
    }

    /// The simulation's counts at that moment.
    public var metrics: Metrics { simulation.metrics }
    public var time: SimTime { simulation.now }
}
