import NetSim

/// The network a lesson starts with, as the author described it: named nodes, generated
/// groups ("12 clients" become c1...c12), links and how to lay them out on screen.
///
/// It stays a description (names, not engine ids) so the loader can check every name an
/// action uses; `NetworkBuilder` turns it into the engine's configuration.
public struct NetworkSpec: Sendable, Hashable {
    /// How the picture arranges the nodes.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// Chosen from the network: a star for each server and the clients that use it,
        /// tiers for a tracker or supernodes above their peers, a ring of peers.
        case auto
        case star, ring, mesh, tiers, grid
    }

    /// Where a group (or a named node) goes on the stage.
    public enum Place: String, Sendable, Hashable, CaseIterable {
        case left, right, top, bottom, centre
    }

    public struct NodeSpec: Sendable, Hashable {
        public var name: String
        public var role: Role
        /// bit/s; nil keeps the engine's default.
        public var upload: Double?
        public var download: Double?
        /// Time a server spends on one request.
        public var serviceTime: SimTime?
        /// Requests a server holds waiting; more are dropped.
        public var queueLimit: Int?
        public var timeout: SimTime?
        public var retries: Int?
        /// Added at each end to the network's latency where no link says otherwise.
        public var latency: SimTime?
        /// What the stage and the inspector call the node, beside its name.
        public var label: String?
        /// For a cache: the node it fetches from, how long a copy stays fresh and how many
        /// copies it keeps.
        public var origin: String?
        public var timeToLive: SimTime?
        public var cacheCapacity: Int?
        /// The group this node was generated from, if any.
        public var group: String?
        /// Where the lesson put this named node on the stage.
        public var place: Place?
        public var location: SourceLocation
    }

    public struct GroupSpec: Sendable, Hashable {
        public var name: String
        public var members: [String]
        /// What the stage and the inspector call the group's nodes, beside their names.
        public var label: String?
        /// Where the lesson put the group on the stage, and how it lays it out there.
        public var place: Place?
        public var layout: Layout?
        public var location: SourceLocation
    }

    public struct LinkSpec: Sendable, Hashable {
        public var a: String
        public var b: String
        public var latency: SimTime
        public var location: SourceLocation
    }

    public var layout: Layout
    public var nodes: [NodeSpec]
    public var groups: [GroupSpec]
    public var links: [LinkSpec]
    /// Latency between nodes with no explicit link.
    public var defaultLatency: SimTime?
    /// True: any two nodes may talk (hosts on the internet); false: only along `links`.
    public var fullMesh: Bool

    public func node(named name: String) -> NodeSpec? {
        nodes.first { $0.name == name }
    }

    /// What a lesson calls a node beside its name: its own label, or its group's; nil
    /// when it has neither.
    public func label(of name: String) -> String? {
        guard let node = node(named: name) else { return nil }
        return node.label ?? node.group.flatMap { group in groups.first { $0.name == group }?.label }
    }
}
