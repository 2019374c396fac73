/// Caching: a cache node answers a request from its copy when it holds a fresh one (a
/// hit); otherwise (a miss) it fetches the thing from its origin with an ordinary
/// request, keeps the answer as its copy and then serves everyone who asked meanwhile.
/// One fetch per thing at a time: later misses wait for the same copy. A copy is fresh
/// for its time-to-live; a cache holding more copies than its capacity drops the least
/// recently used. When the origin cannot be reached, the cache still serves an expired
/// copy it holds (and says so); without one, the waiting requests are dropped.
extension Simulation {
    mutating func apply(_ command: CacheCommand) throws(SimError) {
        switch command {
        case let .askNearest(from, what, bytes, responseBytes):
            try check(from)
            guard let cache = nearestCache(to: from) else { throw .invalid("no cache is up that \(name(from)) can reach") }
            try apply(RequestCommand.ask(from: from, to: cache, what: what, bytes: bytes, responseBytes: responseBytes))
        }
    }

    func isCache(_ node: NodeID) -> Bool { network.nodes[node.rawValue].cache != nil }

    /// The cache that is up and closest to `client` by latency (the lower number on a tie).
    public func nearestCache(to client: NodeID) -> NodeID? {
        var best: (latency: SimTime, id: NodeID)?
        for id in nodeIDs where id != client && isCache(id) && nodes[id.rawValue].isUp {
            guard let latency = routeLatency(client, id) else { continue }
            if best.map({ latency < $0.latency }) ?? true { best = (latency, id) }
        }
        return best?.id
    }

    /// A request reached a cache (and passed its access control).
    mutating func cacheReceives(_ job: Job, happening: Happening) -> Happening {
        let cache = happening.node!
        let what = requests.records[job.request]!.what
        if let index = caches.stores[cache].copies.firstIndex(where: { $0.what == what && $0.isFresh(at: now) }) {
            let copy = caches.stores[cache].copies.remove(at: index)
            caches.stores[cache].copies.append(copy)
            caches.stores[cache].hits += 1
            metrics.caching.hits += 1
            let admitted = admit(job, at: cache, happening: happening)
            return admitted.kind == .dropped ? admitted : with(admitted, kind: .hit)
        }
        caches.stores[cache].misses += 1
        metrics.caching.misses += 1
        if let index = caches.stores[cache].fetches.firstIndex(where: { $0.what == what }) {
            caches.stores[cache].fetches[index].waiting.append(job)
        } else {
            let record = requests.records[job.request]!
            let origin = network.nodes[cache.rawValue].cache!.origin
            metrics.caching.originFetches += 1
            // The entry goes in first: a fetch that fails at once must find its waiters.
            let fetch = requests.nextID
            caches.stores[cache].fetches.append(PendingFetch(what: what, request: fetch, waiting: [job]))
            startRequest(
                from: cache, to: origin, what: what, bytes: record.bytes, responseBytes: record.responseBytes, owner: .cache
            )
        }
        return with(happening, kind: .miss)
    }

    /// A cache's fetch from its origin is over: keep the copy and serve the waiting
    /// requests, or, when it failed, serve an expired copy or drop them.
    mutating func cacheFetchEnded(_ request: Int) {
        let record = requests.records[request]!
        let cache = record.client
        guard let index = caches.stores[cache].fetches.firstIndex(where: { $0.request == request }) else { return }
        let fetch = caches.stores[cache].fetches.remove(at: index)
        let held = caches.stores[cache].copies.firstIndex { $0.what == fetch.what }
        switch record.state {
        case .answered:
            if let held { caches.stores[cache].copies.remove(at: held) }
            let ttl = network.nodes[cache.rawValue].cache!.timeToLive
            caches.stores[cache].copies.append(CachedCopy(what: fetch.what, fetchedAt: now, expiresAt: ttl.map { now + $0 }))
            let capacity = network.nodes[cache.rawValue].cache!.capacity ?? .max
            let excess = caches.stores[cache].copies.count - max(1, capacity)
            if excess > 0 { caches.stores[cache].copies.removeFirst(excess) }
        case .refused, .failed:
            metrics.caching.failedFetches += 1
            guard held != nil else {
                metrics.drops += fetch.waiting.count
                return
            }
            metrics.caching.staleServed += fetch.waiting.count
        case .waiting:
            preconditionFailure("a fetch ends with an outcome")
        }
        for job in fetch.waiting {
            _ = admit(job, at: cache, happening: Happening(kind: .delivered, node: cache, request: job.request))
        }
    }

    /// A cache that goes down forgets the requests waiting for copies (it keeps the
    /// copies themselves, as a disk cache does).
    mutating func cachingNodeWentDown(_ id: NodeID) {
        guard isCache(id) else { return }
        for fetch in caches.stores[id].fetches { metrics.drops += fetch.waiting.count }
        caches.stores[id].fetches.removeAll()
    }

    /// What the cache holds and is fetching now; nil for a node that is not a cache.
    public func cache(at id: NodeID) -> CacheView? {
        guard let policy = network.nodes[id.rawValue].cache else { return nil }
        let store = caches.stores[id]
        return CacheView(
            policy: policy,
            copies: store.copies.map {
                CacheView.Copy(what: $0.what, fetchedAt: $0.fetchedAt, expiresAt: $0.expiresAt, isFresh: $0.isFresh(at: now))
            },
            fetching: store.fetches.map(\.what), hits: store.hits, misses: store.misses
        )
    }
}

extension Simulation {
    /// What a cache does about a miss, for the event list.
    func cacheMissAction(at cache: NodeID, what: String) -> String {
        guard let origin = network.nodes[cache.rawValue].cache?.origin else { return "" }
        let fetch = caches.stores[cache].fetches.first { $0.what == what }
        guard let fetch, fetch.waiting.count > 1 else { return "fetching it from \(name(origin))" }
        return "waiting for the copy on its way from \(name(origin))"
    }
}
