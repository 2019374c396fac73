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
    /// The lookup started last, with whom its question reached: what the stage marks.
    var latest: LookupTrace?
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

/// A node a lookup's question reached, the first time it did.
public struct LookupVisit: Sendable, Hashable {
    public let node: NodeID
    /// Hops from the asker: 1 for its own neighbours (or the directory it asked).
    public let hop: Int
    public let at: SimTime
    /// It holds the resource asked for.
    public let holds: Bool
}

/// One lookup as a learner follows it: who asked, how, whom the question reached and
/// at which hop (each node once, the first time), and whether it is over. A flood's
/// hop numbers and the peers it never reached are how a hop limit is seen at work.
public struct LookupTrace: Sendable, Hashable {
    let id: Int
    public let origin: NodeID
    public let key: String
    public let method: LookupMethod
    public let started: SimTime
    /// In the order the question arrived.
    public internal(set) var visits: [LookupVisit] = []
    /// No message of the lookup is travelling any more.
    public internal(set) var isOver = false

    /// The node's visit, nil when the question never reached it.
    public func visit(of node: NodeID) -> LookupVisit? { visits.first { $0.node == node } }
}
