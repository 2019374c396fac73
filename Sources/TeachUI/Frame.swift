import NetSim

/// What one frame reads from the simulation, read once: every node still in the network
/// and every message in flight. Building a node's state is not free in a swarm, and the
/// stage, the metrics and the status line all need them.
struct Frame {
    let simulation: Simulation
    /// The instant shown.
    let time: SimTime
    let nodes: [NodeState]
    let inFlight: [Message]

    init(simulation: Simulation, time: SimTime) {
        self.simulation = simulation
        self.time = time
        var nodes: [NodeState] = []
        nodes.reserveCapacity(simulation.nodeIDs.count)
        for id in simulation.nodeIDs {
            let node = simulation.node(id)
            if !node.hasLeft { nodes.append(node) }
        }
        self.nodes = nodes
        inFlight = simulation.inFlight
    }
}
