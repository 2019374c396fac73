/// How a node finds who holds a resource.
public enum LookupMethod: Sendable, Hashable {
    /// Ask one directory server: two messages.
    case server(NodeID)
    /// Ask every neighbour, who ask theirs, until the hop budget runs out.
    case flood(ttl: Int)
    /// Route the query through the peers' distributed hash table (Kademlia-style, XOR distance).
    case dht
}

/// What a lesson asks of discovery.
public enum DiscoveryCommand: Sendable, Hashable {
    /// `at` holds the resource `key` and can be found by lookups.
    case publish(key: String, at: NodeID)
    case lookup(from: NodeID, key: String, method: LookupMethod)
}

extension Command {
    /// `at` holds the resource `key` and can be found by lookups.
    public static func publish(key: String, at node: NodeID) -> Command {
        .discovery(.publish(key: key, at: node))
    }

    public static func lookup(from node: NodeID, key: String, method: LookupMethod) -> Command {
        .discovery(.lookup(from: node, key: key, method: method))
    }
}

/// What a discovery message carries.
enum DiscoveryPayload: Equatable, Sendable {
    /// A query; `path` is the way it came, for replies to retrace (flooding).
    case query(Int, ttl: Int, path: [NodeID])
    case reply(Int, holder: NodeID?, hops: Int, path: [NodeID])
}

/// Who publishes what, and the lookups under way.
struct DiscoveryState: Equatable, Sendable {
    var inProgress: [Int: LookupState] = [:]
    /// Which DHT member keeps the pointer for each published key.
    var dhtPointers: [String: NodeID] = [:]
    var published = PerNode<[String]>(empty: [])
}

/// A lookup whose messages are still travelling.
struct LookupState: Equatable, Sendable {
    let origin: NodeID
    let key: String
    let method: LookupMethod
    let started: SimTime
    /// Nodes the query has reached (a flooded node ignores a query it has seen).
    var seen: Set<NodeID>
    var messages = 0
    var outstanding = 0
    var holder: NodeID?
    var hops = 0
    var foundAt: SimTime?
}
