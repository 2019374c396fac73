/// Everything the engine tracks about a running swarm, indexed by member number
/// (seeds first, then peers). Small records of counts and flat bit sets rather than
/// per-peer objects, so a 100,000-peer swarm stays small and each event touches only a
/// few entries.
struct SwarmState: Equatable, Sendable {
    let config: SwarmConfig
    let chunkBits: Double
    /// Chunks a relay-mode peer downloads at once, each from a different source.
    let downloadSlots = 4
    /// The most chunks a peer downloads at once: `downloadSlots` in relay mode; in
    /// BitTorrent mode one per neighbour that has unchoked it, as real clients request
    /// from every connection that lets them (an unchoked slot left unused is upload
    /// wasted: the seed's, most of all).
    let downloadLimit: Int
    /// Random members a relay-mode peer considers as sources, besides the seeds.
    let sampleSize = 8

    /// "chunk 17/200" for each chunk, made once rather than for every message.
    let chunkLabels: [String]
    var members: [NodeID]
    /// Member number of each node, -1 for nodes outside the swarm.
    var memberOf: [Int32]
    /// Each member's counts and flags (see `MemberStatus`).
    var status: [MemberStatus]
    var have: BitMatrix
    /// Chunks on their way to each member.
    var pending: BitMatrix
    /// Chunks held whose content is corrupt.
    var corrupt: BitMatrix
    /// Per chunk: members holding it, and downloads of it in progress (rarest-first).
    var availability: [Int]
    var inflight: [Int]
    /// Peers that do not have the whole file yet and are still in the swarm.
    var unfinished: Int
    /// Chunks those peers still lack, all together, and the upload capacity (bit/s) of
    /// the members still in the swarm: the work left and what can do it, from which relay
    /// mode estimates how long the swarm still needs (see `Simulation.horizon`).
    var missing: Int
    var uploadTotal = 0.0
    /// Sources a member will not use again: they sent it a corrupt chunk.
    var banned: [[Int32]]
    /// Members with free download slots and no source to use (relay mode), waiting in
    /// turn from `starvedHead` on; `MemberStatus.isStarved` marks them, so none waits twice.
    var starved: [Int] = []
    var starvedHead = 0

    /// Counts the swarms started so far; chunk messages carry it (see `ChunkPayload`).
    var generation = 0

    init(config: SwarmConfig, nodeCount: Int) {
        self.config = config
        chunkBits = config.chunks > 0 ? config.fileBits / Double(config.chunks) : 0
        downloadLimit = config.scheduling == .relay ? downloadSlots : .max
        chunkLabels = (0..<config.chunks).map { "chunk \($0 + 1)/\(config.chunks)" }
        members = config.seeds + config.peers
        let count = members.count
        memberOf = Array(repeating: -1, count: nodeCount)
        for (index, node) in members.enumerated() { memberOf[node.rawValue] = Int32(index) }
        status = members.indices.map { MemberStatus(isSeed: $0 < config.seeds.count) }
        have = BitMatrix(rows: count, columns: config.chunks)
        pending = BitMatrix(rows: count, columns: config.chunks)
        corrupt = BitMatrix(rows: count, columns: config.chunks)
        for seed in config.seeds.indices {
            have.fill(row: seed, columns: config.chunks)
            status[seed].held = config.chunks
        }
        availability = Array(repeating: config.seeds.count, count: config.chunks)
        inflight = Array(repeating: 0, count: config.chunks)
        unfinished = config.peers.count
        missing = config.peers.count * config.chunks
        banned = Array(repeating: [], count: count)
    }

    /// No swarm: no members and nothing to do, the state before any swarm starts.
    init() {
        self.init(config: SwarmConfig(fileBits: 0, chunks: 0, seeds: [], peers: []), nodeCount: 0)
    }

    /// The member number of `node`, nil outside the swarm. This and the checks below
    /// are always inlined: the engine calls them in its hottest loops, where a call from
    /// a mutating method would first copy the whole swarm state.
    @inline(__always)
    func member(_ node: NodeID) -> Int? {
        guard node.rawValue < memberOf.count, memberOf[node.rawValue] >= 0 else { return nil }
        return Int(memberOf[node.rawValue])
    }

    var isActive: Bool { unfinished > 0 }

    /// Whether `source` holds a chunk `sink` neither has nor is fetching.
    @inline(__always)
    func canHelp(_ source: Int, _ sink: Int) -> Bool {
        for index in 0..<have.wordsPerRow
        where have.word(row: source, index) & ~have.word(row: sink, index) & ~pending.word(row: sink, index) != 0 {
            return true
        }
        return false
    }

    /// The rarest chunk `source` can give `sink`: fewest holders plus downloads under
    /// way, lowest number on ties; nil when it has nothing `sink` needs. With
    /// `includingPending`, chunks already on their way to `sink` count as needed. Always
    /// inlined, as `member` is: the engine asks it at every source that may send.
    @inline(__always)
    func rarestChunk(from source: Int, to sink: Int, includingPending: Bool) -> Int? {
        var best: Int?
        var bestScore = Int.max
        for index in 0..<have.wordsPerRow {
            let skip = includingPending ? 0 : pending.word(row: sink, index)
            var bits = have.word(row: source, index) & ~have.word(row: sink, index) & ~skip
            while bits != 0 {
                let chunk = index * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                let score = availability[chunk] + inflight[chunk]
                if score < bestScore {
                    bestScore = score
                    best = chunk
                }
            }
        }
        return best
    }
}

/// One member's counts and flags, kept together: the engine reads several of them for
/// each peer it looks at (whether it left, what it holds and fetches, how many uploads it
/// serves), and with one array each those reads were a cache miss apiece at 10,000 peers.
/// Counts are stored in 32 bits so that a record fills 24 bytes.
struct MemberStatus: Equatable, Sendable {
    private var heldCount: Int32 = 0
    private var downloadingCount: Int32 = 0
    private var servingCount: Int32 = 0
    private var openUnchokerCount: Int32 = 0
    let isSeed: Bool
    /// Left the swarm: finished and did not stay, went down, or removed.
    var departed = false
    /// Left because its node went down (or was down when the swarm started): it comes
    /// back when it does, with the chunks it held.
    var away = false
    /// BitTorrent mode: the last look found its download full (see
    /// `Simulation.hasDownloadRoom`), marked until something could have made room: one
    /// of its chunk downloads ended, one of its sources took on another stream (so sends
    /// it less), or a capacity changed. A download starting or a source dropping a
    /// stream only fills a download further, so neither clears the mark.
    var downloadFull = false
    /// Relay mode: waiting among `SwarmState.starved`.
    var isStarved = false
    /// BitTorrent mode: some seed has reserved it (see `Simulation.chooseForSeed`).
    var isReserved = false

    init(isSeed: Bool) {
        self.isSeed = isSeed
    }

    /// Chunks it holds.
    var held: Int {
        get { Int(heldCount) }
        set { heldCount = Int32(newValue) }
    }

    /// Chunks being sent to it now.
    var downloading: Int {
        get { Int(downloadingCount) }
        set { downloadingCount = Int32(newValue) }
    }

    /// Chunks it is sending now.
    var serving: Int {
        get { Int(servingCount) }
        set { servingCount = Int32(newValue) }
    }

    /// BitTorrent mode: how many of those who unchoked it have a free upload slot now
    /// (see `Simulation.changeServing`), kept here rather than with the rest of the
    /// BitTorrent state because every look for a source reads it first.
    var openUnchokers: Int {
        get { Int(openUnchokerCount) }
        set { openUnchokerCount = Int32(newValue) }
    }
}
