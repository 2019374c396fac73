import NetSim

extension Scene {
    /// The stage for a frame (a simulation at an instant: its clock, or a moment a glide
    /// has reached after it): every node still in the network, its links, and the
    /// messages in flight at their position at `time`; each node's marks (see
    /// `NodeMarks`, which reads `reports`, the events up to the instant shown), its part
    /// in a swarm and what it is sending; and the nodes that left, where they were.
    ///
    /// A line is always a link that exists: where any node may talk to any other
    /// (`fullMesh`) no lines stand for it; a message then draws its own path while it
    /// travels (`StageRenderer.drawLinks`). The layout comes from the network's shape,
    /// drawn to the lesson's `plan`, and is remembered in `geometry`.
    init(_ frame: Frame, plan: StagePlan, reports: Slice<EventReports> = EventReports()[...], geometry: StageGeometryCache? = nil) {
        let simulation = frame.simulation, time = frame.time
        let states = frame.nodes
        let shares = FileShares(frame)
        let marks = NodeMarks(frame, reports: reports)
        let sending = frame.sending
        var nodes = states.map { state in
            let config = state.config
            return SceneNode(
                id: state.id.rawValue, name: config.name, role: config.role, isUp: state.isUp,
                marks: marks.marks(of: state), swarmRole: marks.swarmRole(of: state.id) ?? Self.plannedSeed(config, plan: plan),
                sending: sending[state.id.rawValue],
                isWorking: state.inService, waiting: state.queueLength,
                share: shares.share(of: state), rejectedChunks: simulation.rejectedChunks(at: state.id))
        }
        // Which node ids are still in the network: looked up for every link and message.
        var present = Array(repeating: false, count: simulation.network.nodes.count)
        for node in nodes { present[node.id] = true }
        let links = simulation.network.links
            .filter { present[$0.a.rawValue] && present[$0.b.rawValue] }
            .map { SceneLink(a: $0.a.rawValue, b: $0.b.rawValue, isUp: simulation.isLinkUp($0.a, $0.b) ?? true) }
        var packets = frame.inFlight
            .filter { present[$0.from.rawValue] && present[$0.to.rawValue] }
            .map { ScenePacket(id: $0.id, kind: $0.kind, from: $0.from.rawValue, to: $0.to.rawValue, progress: $0.progress(at: time)) }
        packets += Self.arrivals(frame, reports: reports).filter { present[$0.from] && present[$0.to] }
        // A node that left stays drawn where it was, marked, with nothing to or from it,
        // and as what it was: a peer that left a swarm is still drawn as a peer, also once
        // a later swarm (which it had no part in) is running among the others.
        let swarming = nodes.contains { $0.swarmRole != nil }
        let departed = simulation.departedNodes.map { id in
            let config = simulation.network.nodes[id.rawValue]
            let part = marks.swarmRole(of: id) ?? (swarming && config.role == .client ? .peer : nil)
            return SceneNode(id: id.rawValue, name: config.name, role: config.role, isUp: false, marks: [.left], swarmRole: part)
        }
        Self.markSearch(simulation, on: &nodes)
        if !departed.isEmpty { nodes = (nodes + departed).sorted { $0.id < $1.id } }
        self.init(nodes: nodes, links: links, packets: packets, layout: plan.layout,
                  shape: Self.shape(simulation, plan: plan), geometry: geometry)
        calls = simulation.relayedCalls.filter(\.connected).map {
            SceneCall(caller: $0.caller.rawValue, relay: $0.relay.rawValue, callee: $0.callee.rawValue)
        }
    }

    /// A node the lesson's first swarm will start from is a seed before its swarm runs
    /// too, whatever it was set up as: it looks the same throughout. A node that plays
    /// another part first (a server answering requests before it seeds) has no planned
    /// swarm (`StagePlan.firstSwarm`), and is drawn as what it does until then.
    static func plannedSeed(_ config: NodeConfig, plan: StagePlan) -> SwarmRole? {
        plan.firstSwarm?.seeds.contains(config.name) == true ? .seed : nil
    }

    /// What the shape of a network drawn to a plan is made from: the network, the plan,
    /// and each node's part in the swarm (nil: none, else whether it is a seed).
    private struct ShapeSource: Equatable {
        var network: NetworkConfig
        var plan: StagePlan
        var swarm: [Bool?]
    }

    /// The last shape built: while the network keeps it, every frame gets the same value,
    /// and finding its geometry (`StageGeometryCache`) compares arrays that are the very
    /// same storage instead of every node's name and role again.
    private static let shapes = LastValueMemo<ShapeSource, StageShape>()

    /// The stage's shape of a simulation's network drawn to a plan, built again only when
    /// the network, the plan or the swarm's members change.
    static func shape(_ simulation: Simulation, plan: StagePlan) -> StageShape {
        let swarm = simulation.nodeIDs.map { simulation.swarmPart(of: $0)?.isSeed }
        return shapes.value(for: ShapeSource(network: simulation.network, plan: plan, swarm: swarm)) { _ in
            StageShape(simulation, plan: plan)
        }
    }

    /// How many messages carrying data each node is sending now (indexed by node id):
    /// those whose bits are still leaving it (the engine's transfers under way), not
    /// those only travelling; and a tracker's peer lists while they travel, as the engine
    /// sends them on latency alone, with no transfer: their trip is the whole of the
    /// tracker's answering.
    static func sending(_ simulation: Simulation) -> [Int] {
        simulation.senderCounts { message, transmitting in
            (transmitting && message.kind.carriesData) || message.kind == .peerList
        }
    }

    /// Answers that reached their receiver a moment ago, to be drawn there: at the
    /// instant of their arrival (where a step that ends on it stops) and for a fifth of
    /// the time they travelled after it, so that playing shows them arrive too. Only
    /// answers to someone (a response, a whole file): what a client waits for. Once
    /// nothing more is to happen the exchange is over, and nothing is drawn as arriving:
    /// a run that stops when all is quiet shows no answer where "in flight 0" is read.
    static func arrivals(_ frame: Frame, reports: Slice<EventReports>) -> [ScenePacket] {
        guard !frame.simulation.isIdle else { return [] }
        var arrived: [ScenePacket] = []
        var index = reports.endIndex
        let events = reports.base // read once: each read of `base` is a copy
        while index > max(reports.startIndex, reports.endIndex - recentArrivals) {
            index -= 1
            guard events.kind(at: index) == .delivered else { continue }
            let report = reports[index]
            guard let message = report.message, message.kind == .response || message.kind == .file else { continue }
            guard frame.time - report.time <= max(0, message.arrives - message.departs) / 5 else { continue }
            arrived.append(ScenePacket(id: message.id, kind: message.kind, from: message.from.rawValue, to: message.to.rawValue,
                                       progress: 1, arrived: true))
        }
        return arrived.reversed()
    }

    /// The most recent events searched for arrivals: a bound on what a busy frame costs.
    static let recentArrivals = 64

    /// The messages delivered among the most recent `recentArrivals` reports at or after
    /// `first`: the arrivals a step may draw as its own.
    static func deliveredMessages(in reports: Slice<EventReports>, from first: Int) -> Set<Int> {
        var delivered: Set<Int> = []
        var index = reports.endIndex
        let events = reports.base // read once: each read of `base` is a copy
        while index > max(reports.startIndex, first, reports.endIndex - recentArrivals) {
            index -= 1
            guard events.kind(at: index) == .delivered, let message = reports[index].message else { continue }
            delivered.insert(message.id)
        }
        return delivered
    }

    /// The stage for a frame with only a layout asked for.
    init(_ frame: Frame, layout: StageLayoutKind, reports: Slice<EventReports> = EventReports()[...]) {
        self.init(frame, plan: StagePlan(layout: layout), reports: reports)
    }
}
