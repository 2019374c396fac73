import NetSim

/// An undirected pair of node ids, smaller first.
struct NodePair: Hashable, Comparable, Sendable {
    let low: Int, high: Int
    init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }

    static func < (lhs: NodePair, rhs: NodePair) -> Bool { (lhs.low, lhs.high) < (rhs.low, rhs.high) }
}

/// Where a lesson puts a group (or a named node) on the stage.
enum StagePlace: String, Hashable, Sendable, CaseIterable {
    case left, right, top, bottom, centre
}

/// How the lesson asks for its network to be drawn: a layout for the whole stage, and a
/// place and a layout for each group. What it leaves out is chosen from the network.
struct StagePlan: Hashable, Sendable {
    struct Group: Hashable, Sendable {
        var name: String
        var members: [String]
        var place: StagePlace?
        var layout: StageLayoutKind?
        /// What the lesson calls the group's nodes (`label:`), for its caption.
        var label: String? = nil
    }

    var layout: StageLayoutKind = .auto
    var groups: [Group] = []
    /// Named nodes the lesson placed.
    var places: [String: StagePlace] = [:]
    /// What the lesson calls nodes beside their names (`label:`), by name.
    var labels: [String: String] = [:]
    /// The first swarm the lesson starts, by name, when its machines do nothing else
    /// before it: until a swarm has run, the stage is laid out for this one, so nobody
    /// moves when it starts, and its seeds are drawn as seeds from the first step (one
    /// node, one glyph for its part throughout).
    var firstSwarm: Swarm?

    struct Swarm: Hashable, Sendable {
        var seeds: Set<String>
        var peers: Set<String>
    }
}

/// Everything the stage's layout depends on, and nothing that changes while the network
/// keeps its shape: which nodes the network has had (those that left keep their place,
/// so the others do not move), their names and configured roles, the links, the plan.
/// The layout is computed once per shape and stage size (`StageGeometryCache`).
struct StageShape: Hashable, Sendable {
    struct Node: Hashable, Sendable {
        var id: Int
        var name: String
        var role: Role
        /// Index into `groups`.
        var group: Int?
        var place: StagePlace?
        /// What the lesson calls the node beside its name.
        var label: String? = nil
    }

    /// Every node the network has had, in id order.
    var nodes: [Node]
    /// The configured links, in order.
    var links: [NodePair]
    /// Any node may talk to any other: no standing lines.
    var anyReachesAny: Bool
    var layout: StageLayoutKind
    var groups: [StagePlan.Group]
    /// The seeds of the swarm running or last run (before any, of the lesson's first), in
    /// id order: a ring of peers puts one on top, where the chunks start from. Another
    /// swarm is a new scenario, so its stage may be laid out afresh.
    var seeds: [Int]
    /// Every member of that swarm, seeds included, in id order.
    var swarm: [Int]

    init(nodes: [Node], links: [NodePair], anyReachesAny: Bool, layout: StageLayoutKind, groups: [StagePlan.Group] = [],
         seeds: [Int] = [], swarm: [Int] = []) {
        self.nodes = nodes
        self.links = links
        self.anyReachesAny = anyReachesAny
        self.layout = layout
        self.groups = groups
        self.seeds = seeds
        self.swarm = swarm
    }

    /// The shape of a simulation's network drawn to a plan, with its swarm: the one
    /// running or last run, else the first the lesson will start (the same shape before
    /// it starts as while it runs).
    init(_ simulation: Simulation, plan: StagePlan) {
        self.init(simulation.network, plan: plan)
        let parts = simulation.nodeIDs.map { ($0.rawValue, simulation.swarmPart(of: $0)) }
        if let first = plan.firstSwarm, !parts.contains(where: { $0.1 != nil }) {
            seeds = nodes.filter { first.seeds.contains($0.name) }.map(\.id)
            swarm = nodes.filter { first.seeds.contains($0.name) || first.peers.contains($0.name) }.map(\.id)
        } else {
            seeds = parts.filter { $0.1?.isSeed == true }.map(\.0)
            swarm = parts.filter { $0.1 != nil }.map(\.0)
        }
    }

    /// The shape of a network drawn to a plan.
    init(_ network: NetworkConfig, plan: StagePlan) {
        var groupOf: [String: Int] = [:]
        for (index, group) in plan.groups.enumerated() {
            for member in group.members { groupOf[member] = index }
        }
        let nodes = network.nodes.enumerated().map { id, config in
            let group = groupOf[config.name]
            return Node(id: id, name: config.name, role: config.role, group: group,
                        place: plan.places[config.name] ?? group.flatMap { plan.groups[$0].place }, label: plan.labels[config.name])
        }
        self.init(nodes: nodes, links: Array(Set(network.links.map { NodePair($0.a.rawValue, $0.b.rawValue) })).sorted(),
                  anyReachesAny: network.fullMesh, layout: plan.layout, groups: plan.groups)
    }

    /// A hand-made scene's shape (tests, small examples): its nodes and links as they are.
    init(_ nodes: [SceneNode], links: [SceneLink], layout: StageLayoutKind, anyReachesAny: Bool) {
        self.init(nodes: nodes.map { Node(id: $0.id, name: $0.name, role: $0.role) },
                  links: Array(Set(links.map { NodePair($0.a, $0.b) })).sorted(),
                  anyReachesAny: anyReachesAny, layout: layout)
    }
}
