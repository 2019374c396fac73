/// How a node finds who holds a resource.
public enum LookupMethod: Sendable, Hashable {
    /// Ask one directory server: two messages.
    case server(NodeID)
    /// Ask every neighbour, who ask theirs, until the hop budget runs out.
    case flood(ttl: Int)
    /// Route the query through the peers' distributed hash table (Kademlia-style, XOR distance).
    case dht
}

/// Everything a lesson or the sandbox can do to a running simulation. Each applies at
/// the simulation's current time.
public enum Command: Sendable, Hashable {
    /// `from` asks `to` for `what`; the request is `bytes` long and the answer `responseBytes`.
    case request(from: NodeID, to: NodeID, what: String, bytes: Int, responseBytes: Int)
    /// Client-server distribution: the server sends the whole file to every client at once,
    /// its upload shared among them.
    case serveFile(from: NodeID, to: [NodeID], bits: Double)
    /// Peer-to-peer distribution of a file in chunks.
    case startSwarm(SwarmConfig)
    case setNodeUp(NodeID, Bool)
    case setLinkUp(NodeID, NodeID, Bool)
    /// A node joins, linked to the given nodes (links only matter without a full mesh).
    case addNode(NodeConfig, linkTo: [NodeID])
    /// The node leaves the network for good: its transfers stop, its data goes with it.
    case removeNode(NodeID)
    /// New capacities in bit/s; nil keeps the old one. Running transfers are re-shared.
    case setCapacity(NodeID, upload: Double?, download: Double?)
    case setAccessControl(server: NodeID, enabled: Bool)
    case grant(server: NodeID, client: NodeID)
    case revoke(server: NodeID, client: NodeID)
    /// Whether peers check each chunk against its hash before keeping it.
    case setVerification(Bool)
    /// A malicious node serves corrupted chunks.
    case setMalicious(NodeID, Bool)
    /// `at` holds the resource `key` and can be found by lookups.
    case publish(key: String, at: NodeID)
    case lookup(from: NodeID, key: String, method: LookupMethod)
    /// Sets up a call between two peers through a relay (nil: the best-connected supernode).
    case placeCall(from: NodeID, to: NodeID, relay: NodeID?)
    /// The benchmark's hold model: `pending` timer events, each of which, when handled,
    /// schedules one more after a delay drawn uniformly from [0, 2·pending) µs.
    case startHoldWorkload(pending: Int)
}

/// A command the simulation cannot apply, and why.
public enum SimError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownNode(NodeID)
    case invalid(String)

    public var description: String {
        switch self {
        case let .unknownNode(id): "no node \(id) in this network"
        case let .invalid(why): why
        }
    }
}
