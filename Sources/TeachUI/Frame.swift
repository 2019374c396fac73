import NetSim

/// What one frame reads from the simulation, read once: every node still in the network,
/// every message in flight and how many each node is sending. Building a node's state is
/// not free in a swarm, and the stage, the metrics and the status line all need them.
struct Frame {
    let simulation: Simulation
    /// The instant shown.
    let time: SimTime
    let nodes: [NodeState]
    let inFlight: [Message]
    /// Indexed by node id (see `Scene.sending`).
    let sending: [Int]

    init(simulation: Simulation, time: SimTime) {
        self.init(simulation: simulation, time: time, reading: Reading(simulation))
    }

    /// A frame of a state read before: every frame of one state reads the same, whatever
    /// its instant.
    init(simulation: Simulation, time: SimTime, reading: Reading) {
        self.simulation = simulation
        self.time = time
        nodes = reading.nodes
        inFlight = reading.inFlight
        sending = reading.sending
    }

    /// What a frame reads from a state, at any instant.
    struct Reading {
        let nodes: [NodeState]
        let inFlight: [Message]
        let sending: [Int]

        init(_ simulation: Simulation) {
            var nodes: [NodeState] = []
            nodes.reserveCapacity(simulation.nodeIDs.count)
            for id in simulation.nodeIDs {
                let node = simulation.node(id)
                if !node.hasLeft { nodes.append(node) }
            }
            self.nodes = nodes
            inFlight = simulation.inFlight
            sending = Scene.sending(simulation)
        }
    }
}
