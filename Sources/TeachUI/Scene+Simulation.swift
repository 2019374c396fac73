import NetSim

extension Scene {
    /// The stage for a frame (a simulation at an instant: its clock, or a moment a glide
    /// has reached after it): every node still in the network, its links, and the
    /// messages in flight at their position at `time`; each node's marks (see
    /// `NodeMarks`, which reads `reports`, the events up to the instant shown), its part
    /// in a swarm and what it is sending; and the nodes that left, where they were.
    ///
    /// Networks where anyone may talk to anyone (`fullMesh`) have no links to draw, so
    /// the picture gets the links the layout implies: spokes to the hub in a star with
    /// one hub, and with several a spoke from each client to every server it has asked
    /// (a second server added to a star keeps the first one's spokes and gets its own),
    /// the ring's neighbours, every pair in a small mesh. A larger mesh, or a
    /// star with no hub, implies no particular links: drawing some (neighbours on a
    /// circle) would wire together nodes that have nothing to do with each other, such
    /// as a server's clients and a swarm's peers. Pairs that exchange
    /// messages get a link drawn for as long as something travels between them (with
    /// several servers, who talks to which is exactly what the learner should see).
    init(_ frame: Frame, layout: StageLayoutKind, reports: ArraySlice<StepReport> = []) {
        let simulation = frame.simulation, time = frame.time
        let states = frame.nodes
        let shares = FileShares(frame)
        let marks = NodeMarks(frame, reports: reports)
        var sending: [NodeID: Int] = [:]
        for message in frame.inFlight where message.kind.carriesData { sending[message.from, default: 0] += 1 }
        let uploading = Set(states.filter { $0.uploadRate > 0 }.map(\.id))
        var nodes = states.map { state in
            let config = state.config
            return SceneNode(
                id: state.id.rawValue, name: config.name, role: config.role, isUp: state.isUp,
                marks: marks.marks(of: state), swarmRole: marks.swarmRole(of: state),
                sending: uploading.contains(state.id) ? sending[state.id] ?? 0 : 0,
                isWorking: state.inService, waiting: state.queueLength,
                share: shares.share(of: state))
        }
        let present = Set(nodes.map(\.id))
        var links = simulation.network.links
            .filter { present.contains($0.a.rawValue) && present.contains($0.b.rawValue) }
            .map { SceneLink(a: $0.a.rawValue, b: $0.b.rawValue, isUp: simulation.isLinkUp($0.a, $0.b) ?? true) }
        if links.isEmpty, simulation.network.fullMesh {
            links = Self.impliedLinks(nodes, layout: layout, asked: simulation.serversAsked)
        }
        let packets = frame.inFlight
            .filter { present.contains($0.from.rawValue) && present.contains($0.to.rawValue) }
            .map { ScenePacket(id: $0.id, kind: $0.kind, from: $0.from.rawValue, to: $0.to.rawValue, progress: $0.progress(at: time)) }
        // A node that left stays drawn where it was, marked, with nothing to or from it.
        let departed = simulation.departedNodes.map { id in
            let config = simulation.network.nodes[id.rawValue]
            return SceneNode(id: id.rawValue, name: config.name, role: config.role, isUp: false, marks: [.left])
        }
        if !departed.isEmpty { nodes = (nodes + departed).sorted { $0.id < $1.id } }
        self.init(nodes: nodes, links: links, packets: packets, layout: layout)
    }

    /// Largest mesh drawn with every pair linked; beyond it the lines hide the nodes.
    static let largestFullMesh = 8

    private static func impliedLinks(_ nodes: [SceneNode], layout: StageLayoutKind, asked: [NodeID: Set<NodeID>]) -> [SceneLink] {
        let hubs = nodes.filter(\.role.isHub), others = nodes.filter { !$0.role.isHub }
        switch layout {
        case .star:
            guard hubs.count > 1 else { return hubs.flatMap { hub in others.map { SceneLink(a: hub.id, b: $0.id) } } }
            return hubs.flatMap { hub in
                others.filter { asked[NodeID($0.id)]?.contains(NodeID(hub.id)) == true }.map { SceneLink(a: hub.id, b: $0.id) }
            }
        case .ring:
            return ring(others)
        case .mesh:
            guard others.count <= largestFullMesh else { return [] }
            return others.indices.flatMap { i in others[(i + 1)...].map { SceneLink(a: others[i].id, b: $0.id) } }
        case .grid:
            return []
        }
    }

    private static func ring(_ nodes: [SceneNode]) -> [SceneLink] {
        guard nodes.count > 2 else { return nodes.count == 2 ? [SceneLink(a: nodes[0].id, b: nodes[1].id)] : [] }
        return nodes.indices.map { SceneLink(a: nodes[$0].id, b: nodes[($0 + 1) % nodes.count].id) }
    }
}
