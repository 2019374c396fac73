/// A node's identity: its index in `NetworkConfig.nodes`, stable for the whole run
/// (a node that leaves keeps its number, so histories and metrics stay readable).
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "#\(rawValue)" }
}

/// What part a node plays. Roles decide defaults and drawing; behaviour follows from
/// what a node is asked to do (any node answers requests sent to it, as peers do).
public enum Role: String, Sendable, CaseIterable {
    case server, client, peer, tracker, supernode
    /// Keeps copies of what it fetches from an origin (`NodeConfig.cache`).
    case cache
}

/// A node as configured: capacities in bit/s (`.infinity` for unlimited) and, for
/// nodes that answer requests, how long each takes and how many may wait.
public struct NodeConfig: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var upload: Double
    public var download: Double
    /// Time to process one request once it reaches the front of the queue.
    public var serviceTime: SimTime
    /// Requests that may wait while one is in service; more are dropped.
    public var queueLimit: Int
    /// How long a client waits for a response before trying again; nil waits forever.
    public var timeout: SimTime?
    /// How many times a client re-sends after a timeout before giving up.
    public var retries: Int
    /// How far the node is from everyone else: added, at each end, to the network's
    /// default latency between two nodes with no explicit link (a distant origin server).
    public var latency: SimTime
    /// For a cache node: its origin and how long and how many copies it keeps.
    public var cache: CachePolicy?

    public init(
        name: String, role: Role, upload: Double = .infinity, download: Double = .infinity,
        serviceTime: SimTime = 0, queueLimit: Int = .max, timeout: SimTime? = nil, retries: Int = 0, latency: SimTime = 0,
        cache: CachePolicy? = nil
    ) {
        self.name = name
        self.role = role
        self.upload = upload
        self.download = download
        self.serviceTime = serviceTime
        self.queueLimit = queueLimit
        self.timeout = timeout
        self.retries = retries
        self.latency = latency
        self.cache = cache
    }
}

/// A direct connection between two nodes with a one-way propagation delay.
public struct LinkConfig: Sendable, Hashable {
    public var a: NodeID
    public var b: NodeID
    public var latency: SimTime

    public init(a: NodeID, b: NodeID, latency: SimTime) {
        self.a = a
        self.b = b
        self.latency = latency
    }
}

/// The network a simulation starts from.
public struct NetworkConfig: Sendable, Hashable {
    public var nodes: [NodeConfig]
    public var links: [LinkConfig]
    /// Propagation delay between nodes without an explicit link (only with `fullMesh`).
    public var defaultLatency: SimTime
    /// true: any pair may talk, as hosts on the internet do; false: only along links.
    public var fullMesh: Bool

    public init(nodes: [NodeConfig], links: [LinkConfig] = [], defaultLatency: SimTime = 0, fullMesh: Bool = true) {
        self.nodes = nodes
        self.links = links
        self.defaultLatency = defaultLatency
        self.fullMesh = fullMesh
    }

    /// The node with this name, if any.
    public func id(named name: String) -> NodeID? {
        nodes.firstIndex { $0.name == name }.map(NodeID.init)
    }

    /// Every node with this role, in order.
    public func ids(withRole role: Role) -> [NodeID] {
        nodes.indices.filter { nodes[$0].role == role }.map(NodeID.init)
    }
}
