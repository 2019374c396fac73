/// What the engine tracks about a node beyond its configuration.
struct NodeRuntime: Equatable, Sendable {
    var isUp = true
    var hasLeft = false
    var malicious = false
    var completedAt: SimTime?
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
    case requests(RequestPayload)
    case accessControl(AccessPayload)
    /// A whole file sent by a server (client-server distribution).
    case file
    case swarm(ChunkPayload)
    case bitTorrent(TrackerPayload)
    case discovery(DiscoveryPayload)
    case calls(CallPayload)
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
