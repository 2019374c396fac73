import Testing
@testable import NetSim

@Suite struct DiscoveryTests {
    /// `count` peers in a ring (each linked to the next), plus a directory server linked
    /// to every peer.
    private func ring(_ count: Int) -> NetworkConfig {
        let peers = (1...count).map { NodeConfig(name: "p\($0)", role: .peer, upload: 1e6, download: 1e6) }
        let directory = NodeConfig(name: "directory", role: .server, upload: 10e6, download: 10e6)
        var links = (0..<count).map { LinkConfig(a: NodeID($0), b: NodeID(($0 + 1) % count), latency: 1_000) }
        links += (0..<count).map { LinkConfig(a: NodeID(count), b: NodeID($0), latency: 1_000) }
        return NetworkConfig(nodes: peers + [directory], links: links, defaultLatency: 1_000, fullMesh: false)
    }

    private func lookup(in network: NetworkConfig, holder: Int, method: LookupMethod) throws -> LookupResult {
        var sim = Simulation(network: network, seed: 1)
        try sim.perform(.publish(key: "song.mp3", at: NodeID(holder)))
        try sim.perform(.lookup(from: NodeID(0), key: "song.mp3", method: method))
        sim.runToIdle()
        return try #require(sim.metrics.lookups.last)
    }

    @Test func askingTheDirectoryServerTakesTwoMessages() throws {
        let result = try lookup(in: ring(12), holder: 6, method: .server(NodeID(12)))
        #expect(result.holder == NodeID(6))
        #expect(result.messages == 2)
        #expect(result.hops == 1)
    }

    @Test func floodingFindsTheHolderAtAPriceInMessages() throws {
        var network = ring(12)
        network.links.removeAll { $0.a == NodeID(12) }
        let result = try lookup(in: network, holder: 6, method: .flood(ttl: 6))
        #expect(result.holder == NodeID(6))
        #expect(result.hops == 6)
        // The query runs both ways round the ring, six hops each way (the two meet at the
        // holder), and the answer retraces six hops.
        #expect(result.messages == 18)
    }

    @Test func aFloodWhoseHopBudgetRunsOutFindsNothing() throws {
        var network = ring(12)
        network.links.removeAll { $0.a == NodeID(12) }
        let result = try lookup(in: network, holder: 6, method: .flood(ttl: 3))
        #expect(result.holder == nil)
        #expect(result.messages == 6)
    }

    @Test func aDHTLookupTakesAFewHopsAcrossManyPeers() throws {
        let peers = (1...64).map { NodeConfig(name: "p\($0)", role: .peer) }
        let network = NetworkConfig(nodes: peers, defaultLatency: 1_000)
        for holder in [5, 40, 63] {
            let result = try lookup(in: network, holder: holder, method: .dht)
            #expect(result.holder == NodeID(holder))
            #expect(result.hops <= 8)
            #expect(result.messages == result.hops + 1)
        }
        let flood = try lookup(in: network, holder: 40, method: .flood(ttl: 2))
        #expect(flood.messages > 60)
    }

    /// In p2p-discovery's sixteen peers the table routes p1's question for
    /// "lecture.webm" through p11, which holds it: p11 answers there and then, rather than
    /// asking on for who has what it has itself.
    @Test func aDHTQuestionThatReachesAHolderIsAnsweredByIt() throws {
        let peers = (1...16).map { NodeConfig(name: "p\($0)", role: .peer) }
        var sim = Simulation(network: NetworkConfig(nodes: peers, defaultLatency: 1_000), seed: 1)
        try sim.perform(.publish(key: "lecture.webm", at: NodeID(10)))
        try sim.perform(.lookup(from: NodeID(0), key: "lecture.webm", method: .dht))
        var asked: [NodeID] = []
        while let report = sim.step() {
            if report.kind == .delivered, let message = report.message, message.kind == .lookup { asked.append(message.to) }
        }
        let result = try #require(sim.metrics.lookups.last)
        #expect(result.holder == NodeID(10))
        #expect(asked == [NodeID(10)])
        #expect(result.hops == 1)
        #expect(result.messages == 2)
    }

    @Test func aLookupForSomethingNobodyHasEndsEmptyHanded() throws {
        var sim = Simulation(network: ring(6), seed: 1)
        try sim.perform(.lookup(from: NodeID(0), key: "nothing", method: .server(NodeID(6))))
        sim.runToIdle()
        let result = try #require(sim.metrics.lookups.last)
        #expect(result.holder == nil)
        #expect(result.messages == 2)
    }

    @Test func aLookupReportsTheMomentItFindsTheHolder() throws {
        var sim = Simulation(network: ring(8), seed: 1)
        try sim.perform(.publish(key: "doc", at: NodeID(2)))
        try sim.perform(.lookup(from: NodeID(0), key: "doc", method: .flood(ttl: 4)))
        var found: StepReport?
        while found == nil, let report = sim.step() {
            if report.kind == .found { found = report }
        }
        #expect(found?.node == NodeID(0))
        #expect(found?.message?.kind == .lookupReply)
    }
}

@Suite struct CallTests {
    private func network() -> NetworkConfig {
        NetworkConfig(nodes: [
            NodeConfig(name: "alice", role: .peer, upload: 1e6, download: 1e6),
            NodeConfig(name: "bob", role: .peer, upload: 1e6, download: 1e6),
            NodeConfig(name: "s1", role: .supernode, upload: 20e6, download: 20e6),
            NodeConfig(name: "s2", role: .supernode, upload: 80e6, download: 80e6),
        ], defaultLatency: 10_000)
    }

    @Test func aCallIsSetUpThroughTheBestConnectedSupernode() throws {
        var sim = Simulation(network: network(), seed: 1)
        try sim.perform(.placeCall(from: NodeID(0), to: NodeID(1), relay: nil))
        var kinds: [EventKind] = []
        var route: [NodeID] = []
        while let report = sim.step() {
            kinds.append(report.kind)
            if report.kind != .transmitted, let message = report.message { route.append(message.to) }
        }
        #expect(kinds.last == .connected)
        #expect(route == [NodeID(3), NodeID(1), NodeID(3), NodeID(0)])
        #expect(sim.metrics.messages[.call] == 4)
        let call = try #require(sim.metrics.calls.first)
        #expect(call.relay == NodeID(3))
        #expect(call.connected - call.started >= 40_000)
    }

    @Test func aChosenRelayIsUsedAndACallNeedsOne() throws {
        var sim = Simulation(network: network(), seed: 1)
        try sim.perform(.placeCall(from: NodeID(0), to: NodeID(1), relay: NodeID(2)))
        sim.runToIdle()
        #expect(sim.metrics.calls.first?.relay == NodeID(2))
        try sim.perform(.setNodeUp(NodeID(2), false))
        try sim.perform(.setNodeUp(NodeID(3), false))
        #expect(throws: SimError.self) { try sim.perform(.placeCall(from: NodeID(0), to: NodeID(1), relay: nil)) }
    }

    @Test func aCallThroughARelayThatFailsNeverConnects() throws {
        var sim = Simulation(network: network(), seed: 1)
        try sim.perform(.placeCall(from: NodeID(0), to: NodeID(1), relay: NodeID(3)))
        try sim.perform(.setNodeUp(NodeID(3), false))
        sim.runToIdle()
        #expect(sim.metrics.calls.isEmpty)
        #expect(sim.metrics.lost == 1)
    }
}

/// Whom a lookup's question reached, and at which hop: what the stage numbers.
@Suite struct LookupTraceTests {
    /// Twelve peers in a ring, each linked to the next.
    private let ring = NetworkConfig(
        nodes: (1...12).map { NodeConfig(name: "p\($0)", role: .peer, upload: 1e6, download: 1e6) },
        links: (0..<12).map { LinkConfig(a: NodeID($0), b: NodeID(($0 + 1) % 12), latency: 1_000) },
        defaultLatency: 1_000, fullMesh: false)

    @Test func aFloodRecordsTheHopEachPeerWasFirstAskedAtAndNoOneBeyondItsLimit() throws {
        var sim = Simulation(network: ring, seed: 1)
        try sim.perform(.publish(key: "song", at: NodeID(2)))
        try sim.perform(.lookup(from: NodeID(0), key: "song", method: .flood(ttl: 3)))
        let started = try #require(sim.latestLookup)
        #expect(started.origin == NodeID(0) && started.visits.isEmpty && !started.isOver)
        sim.runToIdle()
        let trace = try #require(sim.latestLookup)
        #expect(trace.isOver)
        let hops = Dictionary(uniqueKeysWithValues: trace.visits.map { ($0.node.rawValue, $0.hop) })
        // Both ways round the ring, three hops each way; the holder answers and stops there.
        #expect(hops == [1: 1, 11: 1, 2: 2, 10: 2, 9: 3])
        #expect(trace.visit(of: NodeID(2))?.holds == true)
        #expect(trace.visit(of: NodeID(1))?.holds == false)
        #expect(trace.visit(of: NodeID(0)) == nil, "the asker is not asked")
        #expect(trace.visits.map(\.at) == trace.visits.map(\.at).sorted(), "in the order the question came")
    }

    @Test func theLatestLookupIsTheOneShown() throws {
        var sim = Simulation(network: ring, seed: 1)
        try sim.perform(.lookup(from: NodeID(0), key: "song", method: .flood(ttl: 2)))
        sim.runToIdle()
        try sim.perform(.lookup(from: NodeID(6), key: "song", method: .flood(ttl: 1)))
        sim.runToIdle()
        let trace = try #require(sim.latestLookup)
        #expect(trace.origin == NodeID(6))
        #expect(trace.visits.map(\.node.rawValue).sorted() == [5, 7])
    }
}
