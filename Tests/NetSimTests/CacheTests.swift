import Testing
@testable import NetSim

/// An origin far away, two edges near the clients (each client nearest to one edge).
@Suite struct CacheTests {
    static let origin = NodeID(0)
    static let east = NodeID(1)
    static let west = NodeID(2)
    /// c1 and c2 sit by the east edge, c3 and c4 by the west one.
    static func client(_ n: Int) -> NodeID { NodeID(2 + n) }

    static func network(timeToLive: SimTime? = nil, capacity: Int? = nil, clientTimeout: SimTime? = 2_000_000) -> NetworkConfig {
        var nodes = [NodeConfig(name: "origin", role: .server, serviceTime: 50_000, queueLimit: 100)]
        for edge in ["east", "west"] {
            nodes.append(NodeConfig(
                name: edge, role: .cache, serviceTime: 1_000, queueLimit: 100,
                cache: CachePolicy(origin: origin, timeToLive: timeToLive, capacity: capacity)
            ))
        }
        for n in 1...4 { nodes.append(NodeConfig(name: "c\(n)", role: .client, timeout: clientTimeout)) }
        var links = [LinkConfig(a: origin, b: east, latency: 80_000), LinkConfig(a: origin, b: west, latency: 80_000)]
        for n in 1...4 {
            let near = n <= 2 ? east : west
            links.append(LinkConfig(a: client(n), b: near, latency: 5_000))
            links.append(LinkConfig(a: client(n), b: near == east ? west : east, latency: 40_000))
        }
        return NetworkConfig(nodes: nodes, links: links, fullMesh: false)
    }

    private func ask(_ sim: inout Simulation, _ n: Int, _ what: String, at cache: NodeID? = nil) throws {
        if let cache {
            try sim.perform(.request(from: Self.client(n), to: cache, what: what, bytes: 100, responseBytes: 10_000))
        } else {
            try sim.perform(.caching(.askNearest(from: Self.client(n), what: what, bytes: 100, responseBytes: 10_000)))
        }
    }

    @Test func aMissFetchesOnceFromTheOriginAndLaterRequestsAreHits() throws {
        var sim = Simulation(network: Self.network(), seed: 1)
        try ask(&sim, 1, "/video")
        try ask(&sim, 2, "/video")
        sim.runToIdle()
        // Both arrived before the copy: two misses, one fetch.
        #expect(sim.metrics.caching.misses == 2)
        #expect(sim.metrics.caching.originFetches == 1)
        #expect(sim.node(Self.origin).accessLog.count == 1)
        try ask(&sim, 1, "/video")
        try ask(&sim, 2, "/video")
        sim.runToIdle()
        #expect(sim.metrics.caching.hits == 2)
        #expect(sim.metrics.caching.originFetches == 1)
        #expect(sim.latestRequestOutcomes[Self.client(1)] == .answered)
        #expect(sim.latestRequestOutcomes[Self.client(2)] == .answered)
        let east = try #require(sim.cache(at: Self.east))
        #expect(east.copies.map(\.what) == ["/video"])
        #expect(east.hits == 2 && east.misses == 2)
        #expect(sim.cache(at: Self.west)?.copies.isEmpty == true)
    }

    @Test func eachEdgeKeepsItsOwnCopyAndRequestsGoToTheNearestOrTheNamedOne() throws {
        var sim = Simulation(network: Self.network(), seed: 1)
        #expect(sim.nearestCache(to: Self.client(1)) == Self.east)
        #expect(sim.nearestCache(to: Self.client(3)) == Self.west)
        try ask(&sim, 1, "/a")
        try ask(&sim, 3, "/a")
        try ask(&sim, 4, "/b", at: Self.east)
        sim.runToIdle()
        #expect(sim.node(Self.origin).accessLog.map(\.what).sorted() == ["/a", "/a", "/b"])
        #expect(sim.cache(at: Self.east)?.copies.map(\.what) == ["/a", "/b"])
        #expect(sim.cache(at: Self.west)?.copies.map(\.what) == ["/a"])
    }

    @Test func anExpiredCopyIsAMissAndIsFetchedAgain() throws {
        var sim = Simulation(network: Self.network(timeToLive: 1_000_000), seed: 1)
        try ask(&sim, 1, "/news")
        sim.runToIdle()
        try ask(&sim, 1, "/news")
        sim.runToIdle()
        #expect(sim.metrics.caching.hits == 1)
        sim.run(until: .time(sim.now + 2_000_000))
        #expect(sim.cache(at: Self.east)?.copies.first?.isFresh == false)
        try ask(&sim, 1, "/news")
        sim.runToIdle()
        #expect(sim.metrics.caching.misses == 2)
        #expect(sim.metrics.caching.originFetches == 2)
        #expect(sim.cache(at: Self.east)?.copies.first?.isFresh == true)
    }

    @Test func aFullCacheDropsTheLeastRecentlyUsedCopy() throws {
        var sim = Simulation(network: Self.network(capacity: 2), seed: 1)
        for what in ["/a", "/b"] {
            try ask(&sim, 1, what)
            sim.runToIdle()
        }
        try ask(&sim, 1, "/a")
        sim.runToIdle()
        try ask(&sim, 1, "/c")
        sim.runToIdle()
        #expect(sim.cache(at: Self.east)?.copies.map(\.what) == ["/a", "/c"])
    }

    @Test func whenTheOriginFailsEdgesServeWhatTheyHoldAndMissesFail() throws {
        var sim = Simulation(network: Self.network(timeToLive: 1_000_000), seed: 1)
        try ask(&sim, 1, "/page")
        sim.runToIdle()
        try sim.perform(.setNodeUp(Self.origin, false))
        try ask(&sim, 1, "/page")
        try ask(&sim, 2, "/other")
        sim.runToIdle()
        #expect(sim.latestRequestOutcomes[Self.client(1)] == .answered)
        #expect(sim.latestRequestOutcomes[Self.client(2)] == .gaveUp)
        #expect(sim.metrics.caching.failedFetches == 1)
        #expect(sim.latestRequestOutcomes[Self.east] == nil, "the cache's failed fetch does not mark it as a client that gave up")
        // Past its time-to-live, the copy is still served while the origin is down.
        sim.run(until: .time(sim.now + 2_000_000))
        try ask(&sim, 1, "/page")
        sim.runToIdle()
        #expect(sim.latestRequestOutcomes[Self.client(1)] == .answered)
        #expect(sim.metrics.caching.staleServed == 1)
    }

    @Test func theOriginGoingDownMidFetchFailsTheFetch() throws {
        var sim = Simulation(network: Self.network(), seed: 1)
        try ask(&sim, 1, "/slow")
        sim.run(until: .time(100_000))
        #expect(sim.node(Self.origin).inService)
        try sim.perform(.setNodeUp(Self.origin, false))
        #expect(sim.metrics.caching.failedFetches == 1)
        #expect(sim.cache(at: Self.east)?.fetching.isEmpty == true)
    }

    @Test func noCacheUpIsAnError() throws {
        var sim = Simulation(network: Self.network(), seed: 1)
        try sim.perform(.setNodeUp(Self.east, false))
        try sim.perform(.setNodeUp(Self.west, false))
        #expect(throws: SimError.self) { try ask(&sim, 1, "/x") }
    }

    private func busyTimeline() throws -> Timeline {
        var timeline = Timeline(Simulation(network: Self.network(timeToLive: 300_000, capacity: 2), seed: 9), snapshotEvery: 8)
        for round in 0..<3 {
            for n in 1...4 {
                try timeline.perform(.caching(.askNearest(from: Self.client(n), what: "/\((n + round) % 3)", bytes: 100, responseBytes: 10_000)))
            }
            timeline.run(until: .time(timeline.current.now + 250_000))
        }
        try timeline.perform(.setNodeUp(Self.origin, false))
        for n in 1...4 {
            try timeline.perform(.request(from: Self.client(n), to: Self.east, what: "/\(n % 3)", bytes: 100, responseBytes: 10_000))
        }
        return timeline
    }

    @Test func stepBackWithCachesRestoresExactlyTheStateBeforeTheStep() throws {
        var timeline = try busyTimeline()
        var states = [timeline.current]
        while timeline.step() != nil { states.append(timeline.current) }
        #expect(timeline.current.metrics.caching.hits > 0)
        #expect(timeline.current.metrics.caching.misses > 0)
        for expected in states.dropLast().reversed() {
            let wentBack = timeline.stepBack()
            #expect(wentBack)
            #expect(timeline.current == expected)
        }
    }

    @Test func cachingIsDeterministic() throws {
        var first = try busyTimeline()
        var second = try busyTimeline()
        first.run(until: .idle)
        second.run(until: .idle)
        #expect(first.current.traceHash == second.current.traceHash)
        #expect(first.current == second.current)
        #expect(first.reports.contains { $0.kind == .hit } && first.reports.contains { $0.kind == .miss })
    }
}
