/// What a tracker and a swarm member say to each other.
enum TrackerPayload: Equatable, Sendable {
    /// A swarm member tells the tracker it is there.
    case announce
    /// The tracker's answer: swarm members to connect to.
    case peerList([Int32])
}

/// BitTorrent mode's one event.
enum BitTorrentEvent: Hashable, Sendable {
    /// Swarm members re-choose whom to upload to (stale once the swarm has ended, or once
    /// a newer re-choke was scheduled).
    case rechoke(version: Int)
}

/// Who knows whom and who uploads to whom in a BitTorrent-mode swarm, indexed by member
/// number as `SwarmState` is; empty for a relay-mode swarm.
struct BitTorrentState: Equatable, Sendable {
    /// Members the tracker (or, without one, the swarm) knows, in the order they joined.
    var registry: [Int] = []
    var neighbours: [[Int32]] = []
    /// What each member received from each neighbour that sent it something since the
    /// last re-choke, in the order they first did.
    var credits: [[Credit]] = []
    /// Whom each member uploads to, and who uploads to each member.
    var unchoked: [[Int32]] = []
    var unchokedBy: [[Int32]] = []
    /// Of those who upload to each member, the ones whose slot could fill its download when
    /// they unchoked it (kept beside `unchokedBy` so that asking costs nothing).
    var fillingUnchokers: [[Int32]] = []
    /// Whether the member has its peer list yet.
    var connected: [Bool] = []
    /// The peers each seed will unchoke at the next re-choke (see
    /// `Simulation.chooseForSeed`; `MemberStatus.isReserved` marks them). How many of
    /// those who upload to each member have a free slot is `MemberStatus.openUnchokers`.
    var reserved: [[Int32]] = []
    /// Numbers the re-choke events, so that only the latest one scheduled counts. It keeps
    /// counting from one swarm to the next: a re-choke left from an earlier swarm never
    /// matches.
    var rechokeVersion = 0
    var rechokePending = false

    /// The state for a new swarm of `members` members (none for relay mode); the
    /// re-choke count goes on from `previous`.
    init(members: Int, after previous: BitTorrentState) {
        neighbours = Array(repeating: [], count: members)
        credits = Array(repeating: [], count: members)
        unchoked = Array(repeating: [], count: members)
        unchokedBy = Array(repeating: [], count: members)
        fillingUnchokers = Array(repeating: [], count: members)
        connected = Array(repeating: false, count: members)
        reserved = Array(repeating: [], count: members)
        rechokeVersion = previous.rechokeVersion + 1
    }

    /// No BitTorrent swarm yet.
    init() {}
}

/// Bits a member received from one neighbour since the last re-choke.
struct Credit: Equatable, Sendable {
    let giver: Int32
    var bits: Double
}
