/// How a cache node keeps what it fetches: from which origin, for how long, and how many
/// copies at most (the least recently used goes first when one more must fit).
public struct CachePolicy: Sendable, Hashable {
    public var origin: NodeID
    /// How long a copy is served after it was fetched; nil keeps it until evicted.
    public var timeToLive: SimTime?
    /// The most copies kept at once; nil for no limit.
    public var capacity: Int?

    public init(origin: NodeID, timeToLive: SimTime? = nil, capacity: Int? = nil) {
        self.origin = origin
        self.timeToLive = timeToLive
        self.capacity = capacity
    }
}

/// What a lesson asks of caches. A request sent to a cache by name is an ordinary
/// request (`Command.request`); the cache answers it from its copy or fetches one.
public enum CacheCommand: Sendable, Hashable {
    /// `from` asks the nearest cache that is up (lowest latency, then lowest number).
    case askNearest(from: NodeID, what: String, bytes: Int, responseBytes: Int)
}

/// Hits, misses and the load the caches put on their origins, over the whole run.
public struct CacheMetrics: Sendable, Hashable {
    /// Requests a cache answered from a fresh copy.
    public internal(set) var hits = 0
    /// Requests a cache had no fresh copy for.
    public internal(set) var misses = 0
    /// Requests answered from an expired copy because the origin could not be reached.
    public internal(set) var staleServed = 0
    /// Fetches the caches sent to their origins.
    public internal(set) var originFetches = 0
    /// Fetches that failed (the origin down or unreachable).
    public internal(set) var failedFetches = 0
}

/// A cache as the inspector and lessons see it now.
public struct CacheView: Sendable, Hashable {
    public struct Copy: Sendable, Hashable {
        public let what: String
        public let fetchedAt: SimTime
        /// When it stops being served, nil for never.
        public let expiresAt: SimTime?
        public let isFresh: Bool
    }

    public let policy: CachePolicy
    /// Least recently used first.
    public let copies: [Copy]
    /// What it is fetching from its origin now.
    public let fetching: [String]
    public let hits: Int
    public let misses: Int
}

/// Every cache's copies and the fetches it is waiting on.
struct CacheState: Equatable, Sendable {
    var stores = PerNode(empty: CacheStore())
}

struct CacheStore: Equatable, Sendable {
    /// Least recently used first.
    var copies: [CachedCopy] = []
    var fetches: [PendingFetch] = []
    var hits = 0
    var misses = 0
}

struct CachedCopy: Equatable, Sendable {
    let what: String
    let fetchedAt: SimTime
    let expiresAt: SimTime?

    func isFresh(at time: SimTime) -> Bool { expiresAt.map { time < $0 } ?? true }
}

/// A fetch from the origin (a request of the request protocol) and the requests that
/// wait for its copy.
struct PendingFetch: Equatable, Sendable {
    let what: String
    let request: Int
    var waiting: [Job]
}
