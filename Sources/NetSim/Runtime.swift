/// What the engine tracks about a node beyond its configuration.
struct NodeRuntime: Equatable, Sendable {
    var isUp = true
    var hasLeft = false
    /// Requests waiting, oldest first, and the one being processed.
    var waiting: [Job] = []
    var inService: Job?
    /// Bumped whenever service is interrupted, so a pending `serviceDone` goes stale.
    var serviceVersion = 0
    var accessControl = false
    var granted: Set<NodeID> = []
    var accessLog: [AccessLogEntry] = []
    var malicious = false
    var completedAt: SimTime?
    var published: [String] = []
}

/// One attempt of one request, as a server queues it.
struct Job: Equatable, Hashable, Sendable {
    let request: Int
    let attempt: Int
}

/// A request as its client sees it, kept after it ends so reports can name it.
struct RequestRecord: Equatable, Sendable {
    enum State: Equatable, Sendable { case waiting, answered, refused, failed }

    let client: NodeID
    let server: NodeID
    let what: String
    let bytes: Int
    let responseBytes: Int
    let firstSent: SimTime
    var attempt = 1
    var state = State.waiting
    var timeoutPending = false
}

/// An unordered pair of nodes, the key of a link.
struct LinkKey: Hashable, Sendable {
    let low: NodeID
    let high: NodeID

    init(_ a: NodeID, _ b: NodeID) {
        low = min(a, b)
        high = max(a, b)
    }
}

struct LinkRuntime: Equatable, Sendable {
    var latency: SimTime
    var isUp = true
}

/// What a message means to the engine.
enum Payload: Equatable, Sendable {
    case request(Job)
    case response(Job)
    case refused(Job)
    case file
    /// A chunk of the swarm's file; `corrupt` when its content does not match its hash.
    /// `swarm` is the swarm's generation: a chunk still travelling when its swarm ends and
    /// another begins belongs to none of the new swarm's members.
    case chunk(Int, corrupt: Bool, swarm: Int)
    /// A swarm member tells the tracker it is there.
    case announce
    /// The tracker's answer: swarm members to connect to.
    case peerList([Int32])
    /// A discovery query; `path` is the way it came, for replies to retrace (flooding).
    case lookup(Int, ttl: Int, path: [NodeID])
    case lookupReply(Int, holder: NodeID?, hops: Int, path: [NodeID])
    /// One of the four set-up messages of a relayed call.
    case call(Int, stage: Int)
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

/// A call being set up through a relay.
struct CallRecord: Equatable, Sendable {
    let caller: NodeID
    let callee: NodeID
    let relay: NodeID
    let started: SimTime
}

/// A message on its way: its public face, what it carries, and how it travels.
struct Flight: Equatable, Sendable {
    var message: Message
    let payload: Payload
    /// Propagation delay added once the last bit has left; nil when there is no route.
    let latency: SimTime?
    var transfer: Int?
    /// A chunk whose last bit has left while it still has a way to go no longer holds
    /// its source's upload slot and its sink's download slot (see `chunkTransmitted`).
    var slotsFreed = false
}
