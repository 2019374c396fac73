/// How the peers of a swarm decide who sends which chunk to whom.
public enum SwarmScheduling: String, Sendable, Hashable, CaseIterable {
    /// BitTorrent-like: a tracker hands out peer lists, peers ask for the rarest chunk
    /// they lack, upload to a few unchoked peers and re-choose them periodically.
    case bitTorrent
    /// A coordinated swarm, as the textbook's lower bound imagines (Kurose and Ross §2.5):
    /// no choking and no peer lists; every peer may fetch from any member and picks the
    /// one whose upload would give it the biggest share, so no upload sits idle while
    /// someone needs what it holds. With enough chunks it lands just above the bound.
    case relay
}

/// A file to spread among peers in chunks.
public struct SwarmConfig: Sendable, Hashable {
    public var fileBits: Double
    public var chunks: Int
    /// Nodes that hold the whole file at the start (a server or seeding peers).
    public var seeds: [NodeID]
    /// Nodes that want the file.
    public var peers: [NodeID]
    /// Where peers get their peer lists; nil: every peer knows every other.
    public var tracker: NodeID?
    /// How many peers a node uploads to at once (bitTorrent).
    public var uploadSlots: Int
    /// How often a peer re-chooses whom to upload to (bitTorrent).
    public var rechokeInterval: SimTime
    /// Whether one slot goes to a randomly chosen peer at each re-choice, so newcomers
    /// with nothing to offer yet get started (bitTorrent).
    public var optimisticUnchoke: Bool
    /// Whether a peer keeps uploading after it has the whole file.
    public var seedsStay: Bool
    /// How many peers a tracker's list names.
    public var peerListSize: Int
    public var scheduling: SwarmScheduling

    public init(
        fileBits: Double, chunks: Int, seeds: [NodeID], peers: [NodeID], tracker: NodeID? = nil,
        uploadSlots: Int = 4, rechokeInterval: SimTime = 10_000_000, optimisticUnchoke: Bool = true,
        seedsStay: Bool = true, peerListSize: Int = 50, scheduling: SwarmScheduling = .bitTorrent
    ) {
        self.fileBits = fileBits
        self.chunks = chunks
        self.seeds = seeds
        self.peers = peers
        self.tracker = tracker
        self.uploadSlots = uploadSlots
        self.rechokeInterval = rechokeInterval
        self.optimisticUnchoke = optimisticUnchoke
        self.seedsStay = seedsStay
        self.peerListSize = peerListSize
        self.scheduling = scheduling
    }
}
