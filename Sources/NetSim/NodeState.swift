/// A node as the UI and lessons see it at the current time.
public struct NodeState: Sendable, Hashable {
    public let id: NodeID
    public let config: NodeConfig
    public let isUp: Bool
    /// The node left the network for good.
    public let hasLeft: Bool
    /// Requests waiting at this node (not counting the one in service).
    public let queueLength: Int
    /// Whether a request is being processed now.
    public let inService: Bool
    /// Bits sent and received so far, including the part of transfers under way that
    /// has already gone (a file being served counts as it goes, not only when it is in).
    public let bitsUp: Double
    public let bitsDown: Double
    /// Bits per second leaving and entering the node now.
    public let uploadRate: Double
    public let downloadRate: Double
    /// Chunks of the swarm's file the node holds (counting corrupt ones kept without
    /// verification), and how many there are; both 0 for a node outside the swarm (a
    /// server's client fetching a whole copy beside it).
    public let chunksHeld: Int
    public let chunkCount: Int
    /// Chunks held whose content is corrupt.
    public let corruptChunks: Int
    /// When the node had the whole file (swarm or client-server distribution); nil again
    /// once it is sent another.
    public let completedAt: SimTime?
    public let malicious: Bool
    /// Whether the node checks who asks before it serves a request.
    public let accessControl: Bool
    /// The clients it lets in while it checks (kept, and ignored, while it does not).
    public let granted: Set<NodeID>
    /// Every request it received, oldest first, whether or not it checks.
    public let accessLog: [AccessLogEntry]
    /// Resources this node can be found for by lookups.
    public let published: [String]
    /// For a cache: what it holds and how it has done; nil for other nodes.
    public let cache: CacheView?
}
