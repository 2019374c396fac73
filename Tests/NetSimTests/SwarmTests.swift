import Testing
@testable import NetSim

@Suite struct SwarmTests {
    /// A tracker, a seeding server and `peers` peers on a full mesh with a little latency.
    static func network(peers: Int, serverUp: Double = 10e6) -> NetworkConfig {
        let nodes = [
            NodeConfig(name: "tracker", role: .tracker, upload: 10e6, download: 10e6),
            NodeConfig(name: "server", role: .server, upload: serverUp, download: 10e6),
        ] + (1...peers).map { NodeConfig(name: "p\($0)", role: .peer, upload: 1e6, download: 4e6) }
        return NetworkConfig(nodes: nodes, defaultLatency: 2_000)
    }

    static func config(peers: Int, chunks: Int = 32, seedsStay: Bool = true, slots: Int = 4) -> SwarmConfig {
        SwarmConfig(
            fileBits: Double(chunks) * 1e6, chunks: chunks, seeds: [NodeID(1)], peers: (2..<(peers + 2)).map(NodeID.init),
            tracker: NodeID(0), uploadSlots: slots, rechokeInterval: 2_000_000, seedsStay: seedsStay
        )
    }

    private func finishedSwarm(peers: Int, seed: UInt64 = 1, configure: (inout SwarmConfig) -> Void = { _ in }) throws -> Simulation {
        var sim = Simulation(network: Self.network(peers: peers), seed: seed)
        var config = Self.config(peers: peers)
        configure(&config)
        try sim.perform(.startSwarm(config))
        sim.runToIdle()
        return sim
    }

    @Test func everyPeerGetsTheWholeFileAndPeersCarryMostOfTheLoad() throws {
        let sim = try finishedSwarm(peers: 20)
        let peers = (2..<22).map(NodeID.init)
        #expect(peers.allSatisfy { sim.node($0).completedAt != nil && sim.node($0).chunksHeld == 32 })
        let served = peers.map { sim.node($0).bitsUp }.reduce(0, +)
        #expect(served > sim.node(NodeID(1)).bitsUp, "peers together upload more than the server")
        #expect(peers.filter { sim.node($0).bitsUp > 0 }.count >= 15, "the load is spread over the peers")
        #expect(sim.metrics.messages[.peerList] == 21)
        #expect(sim.isIdle)
    }

    @Test func onlyMembersCountChunks() throws {
        var sim = Simulation(network: Self.network(peers: 4), seed: 1)
        try sim.perform(.startSwarm(Self.config(peers: 4)))
        sim.run(until: .events(50))
        #expect(sim.node(NodeID(0)).chunkCount == 0, "the tracker is outside the swarm: its progress is not a share of chunks")
        #expect(sim.node(NodeID(2)).chunkCount == 32)
    }

    @Test func aChunkStillTravellingWhenItsSwarmEndsIsNoPartOfTheNext() throws {
        let nodes = [NodeConfig(name: "seed", role: .server, upload: 1e6, download: 4e6)]
            + (1...6).map { NodeConfig(name: "p\($0)", role: .peer, upload: 1e6, download: 4e6) }
        var sim = Simulation(network: NetworkConfig(nodes: nodes, defaultLatency: 100_000), seed: 10)
        let peers = (1...6).map(NodeID.init)
        try sim.perform(.startSwarm(SwarmConfig(fileBits: 16e6, chunks: 16, seeds: [NodeID(0)], peers: peers, scheduling: .relay)))
        // Run until a chunk has left its source and travels: the first swarm is replaced
        // while it is on its way.
        while let report = sim.step(), !(report.kind == .transmitted && report.message?.kind == .chunk) {}
        #expect(sim.inFlight.contains { $0.kind == .chunk }, "the first swarm ends with chunks on their way")
        try sim.perform(.startSwarm(SwarmConfig(fileBits: 16e6, chunks: 16, seeds: [NodeID(0)], peers: peers, scheduling: .relay)))
        // The new swarm's first chunk needs 1 s to send and 100 ms to travel: until then
        // nothing that arrives is one of its chunks.
        sim.run(until: .time(sim.now + 1_000_000))
        #expect(peers.allSatisfy { sim.node($0).chunksHeld == 0 })
        sim.runToIdle()
        #expect(peers.allSatisfy { sim.node($0).chunksHeld == 16 && sim.node($0).completedAt != nil })
    }

    @Test func peersGetPeerListsFromTheTrackerBeforeTrading() throws {
        var sim = Simulation(network: Self.network(peers: 5), seed: 1)
        try sim.perform(.startSwarm(Self.config(peers: 5)))
        var kinds: [MessageKind] = []
        while let report = sim.step(), kinds.count < 6 {
            if let kind = report.message?.kind, report.kind == .delivered { kinds.append(kind) }
        }
        #expect(kinds.prefix(6).allSatisfy { $0 == .control || $0 == .peerList })
    }

    @Test func theEventListSaysWhoRechokedAndCountsPeerListsInGoodEnglish() throws {
        var sim = Simulation(network: Self.network(peers: 5), seed: 1)
        try sim.perform(.startSwarm(Self.config(peers: 5)))
        var summaries: [EventKind: [String]] = [:]
        while let report = sim.step() { summaries[report.kind, default: []].append(report.summary) }
        let rechokes = try #require(summaries[.rechoked])
        #expect(rechokes.allSatisfy { $0 == "every swarm member re-chooses whom to upload to" })
        let lists = (summaries[.delivered] ?? []).filter { $0.contains("peer list") }
        #expect(lists.contains { $0.contains("(1 peer)") })
        #expect(!lists.contains { $0.contains("(1 peers)") || $0.contains("(0 peer)") })
    }

    /// The event list names a message's kind as the legend does, in words, and only once.
    @Test func summariesNameMessageKindsInWordsNotCode() throws {
        var sim = Simulation(network: Self.network(peers: 5), seed: 1)
        try sim.perform(.startSwarm(Self.config(peers: 5)))
        var summaries: [String] = []
        while let report = sim.step() { summaries.append(report.summary) }
        #expect(summaries.contains { $0.hasSuffix(": announce (control, 800 b)") })
        #expect(summaries.contains { $0.contains(": peer list (1 peer) (48 b)") })
        #expect(summaries.contains { $0.contains(": chunk 1/") && $0.hasSuffix(" (1 Mb)") })
        #expect(!summaries.contains { $0.contains("(peer list, ") || $0.contains("(chunk, ") })
        for kind in MessageKind.allCases where kind.title != kind.rawValue {
            #expect(!summaries.contains { $0.contains(kind.rawValue) }, "no '\(kind.rawValue)' in the event list")
        }
    }

    @Test func uploadsNeverExceedTheUploadSlotsAndPeersAreRechoked() throws {
        var sim = Simulation(network: Self.network(peers: 30), seed: 3)
        try sim.perform(.startSwarm(Self.config(peers: 30, slots: 3)))
        var rechokes = 0
        while let report = sim.step() {
            if report.kind == .rechoked { rechokes += 1 }
            #expect(sim.swarm.status.allSatisfy { $0.serving <= 3 })
        }
        #expect(rechokes > 0)
        #expect(sim.metrics.completionTimes.count == 30)
    }

    @Test func requestsArePipelinedSoASourceSendsTheNextChunkWhileTheLastOneTravels() throws {
        let nodes = [
            NodeConfig(name: "seed", role: .peer, upload: 1e6, download: 1e6),
            NodeConfig(name: "p1", role: .peer, upload: 1e6, download: 10e6),
        ]
        var sim = Simulation(network: NetworkConfig(nodes: nodes, defaultLatency: 100_000), seed: 1)
        try sim.perform(.startSwarm(SwarmConfig(
            fileBits: 4e6, chunks: 4, seeds: [NodeID(0)], peers: [NodeID(1)], uploadSlots: 1
        )))
        sim.runToIdle()
        // One chunk at a time, each 1 s at 1 Mbps, back to back: the last arrives one
        // latency after 4 s, not four latencies.
        #expect(sim.metrics.completionTimes[NodeID(1)] == 4_100_000)
    }

    @Test func rarestFirstPicksTheChunkFewestMembersHold() {
        var state = SwarmState(config: Self.config(peers: 3, chunks: 4), nodeCount: 5)
        // Chunk 2 is held by the seed only; chunks 0, 1 and 3 also by other peers.
        state.availability = [3, 2, 1, 2]
        #expect(state.rarestChunk(from: 0, to: 1, includingPending: false) == 2)
        state.inflight[2] = 5
        #expect(state.rarestChunk(from: 0, to: 1, includingPending: false) == 1)
    }

    @Test func seedsThatLeaveStopUploadingWhenTheyFinish() throws {
        let sim = try finishedSwarm(peers: 12) { $0.seedsStay = false }
        for peer in (2..<14).map(NodeID.init) {
            let done = try #require(sim.node(peer).completedAt)
            let lastUpload = sim.metrics.bitsUp[peer]?.last?.time ?? 0
            #expect(lastUpload <= done)
        }
        #expect(sim.metrics.completionTimes.count == 12)
    }

    @Test func theSwarmFinishesWhenPeersLeaveMidTransfer() throws {
        var sim = Simulation(network: Self.network(peers: 20), seed: 2)
        try sim.perform(.startSwarm(Self.config(peers: 20)))
        sim.run(until: .events(600))
        #expect(sim.metrics.completionTimes.isEmpty)
        for peer in 2..<8 { try sim.perform(.removeNode(NodeID(peer))) }
        sim.runToIdle()
        #expect(sim.metrics.completionTimes.count == 14)
        #expect((8..<22).allSatisfy { sim.node(NodeID($0)).completedAt != nil })
        #expect(sim.metrics.lost > 0)
    }

    @Test func withVerificationCorruptChunksAreRejectedAndFetchedAgain() throws {
        var sim = Simulation(network: Self.network(peers: 10), seed: 4)
        try sim.perform(.setMalicious(NodeID(2), true))
        try sim.perform(.startSwarm(Self.config(peers: 10)))
        sim.runToIdle()
        #expect(sim.metrics.corruptRejected > 0)
        #expect(sim.metrics.corruptAccepted == 0)
        let honest = (3..<12).map(NodeID.init)
        #expect(honest.allSatisfy { sim.node($0).completedAt != nil && sim.node($0).corruptChunks == 0 })
    }

    @Test func withoutVerificationCorruptionSpreadsBeyondTheMaliciousPeer() throws {
        var sim = Simulation(network: Self.network(peers: 10), seed: 4)
        try sim.perform(.setVerification(false))
        try sim.perform(.setMalicious(NodeID(2), true))
        try sim.perform(.startSwarm(Self.config(peers: 10)))
        sim.runToIdle()
        #expect(sim.metrics.corruptRejected == 0)
        #expect(sim.metrics.corruptAccepted > 0)
        let victims = (3..<12).map(NodeID.init).filter { sim.node($0).corruptChunks > 0 }
        #expect(victims.count >= 2)
    }

    @Test func theSameSeedGivesTheSameSwarmAndOtherSeedsDiffer() throws {
        let first = try finishedSwarm(peers: 15, seed: 8)
        let again = try finishedSwarm(peers: 15, seed: 8)
        let other = try finishedSwarm(peers: 15, seed: 9)
        #expect(first.traceHash == again.traceHash)
        #expect(first == again)
        #expect(first.traceHash != other.traceHash)
    }

    @Test func stepBackInASwarmRestoresTheStateBefore() throws {
        var timeline = Timeline(Simulation(network: Self.network(peers: 8), seed: 5), snapshotEvery: 64)
        try timeline.perform(.startSwarm(Self.config(peers: 8, chunks: 8)))
        timeline.run(until: .events(300))
        let before = timeline.current
        timeline.stepBack()
        timeline.step()
        #expect(timeline.current == before)
        timeline.seek(toEvent: 100)
        var reference = Timeline(Simulation(network: Self.network(peers: 8), seed: 5))
        try reference.perform(.startSwarm(Self.config(peers: 8, chunks: 8)))
        reference.run(until: .events(100))
        #expect(timeline.current == reference.current)
    }

    /// Both schedulings, with a corrupting peer and a peer failing mid-swarm so that
    /// bans, aborted chunks and a rejoin are stepped back over too: every state on the
    /// way back equals the one recorded going forward, and two runs are equal.
    @Test(arguments: [SwarmScheduling.bitTorrent, .relay])
    func eachSchedulingStepsBackExactlyAndIsDeterministic(scheduling: SwarmScheduling) throws {
        func busyTimeline() throws -> Timeline {
            var timeline = Timeline(Simulation(network: Self.network(peers: 6), seed: 11), snapshotEvery: 16)
            var config = Self.config(peers: 6, chunks: 6)
            config.scheduling = scheduling
            try timeline.perform(.setMalicious(NodeID(3), true))
            try timeline.perform(.startSwarm(config))
            timeline.run(until: .events(40))
            try timeline.perform(.setNodeUp(NodeID(4), false))
            timeline.run(until: .events(80))
            try timeline.perform(.setNodeUp(NodeID(4), true))
            return timeline
        }
        var timeline = try busyTimeline()
        var states = [timeline.current]
        while timeline.step() != nil { states.append(timeline.current) }
        #expect(timeline.current.metrics.corruptRejected > 0)
        #expect(Self.config(peers: 6).peers.allSatisfy { timeline.current.node($0).completedAt != nil })
        for expected in states.dropLast().reversed() {
            let wentBack = timeline.stepBack()
            #expect(wentBack)
            #expect(timeline.current == expected)
        }
        var again = try busyTimeline()
        again.run(until: .idle)
        #expect(again.current.traceHash == states.last!.traceHash)
        #expect(again.current == states.last!)
    }

    @Test func badSwarmsAreRejected() {
        var sim = Simulation(network: Self.network(peers: 3), seed: 1)
        #expect(throws: SimError.self) { try sim.perform(.startSwarm(SwarmConfig(fileBits: 1e6, chunks: 0, seeds: [NodeID(1)], peers: [NodeID(2)]))) }
        #expect(throws: SimError.self) { try sim.perform(.startSwarm(SwarmConfig(fileBits: 1e6, chunks: 4, seeds: [NodeID(1)], peers: [NodeID(1)]))) }
        #expect(throws: SimError.self) { try sim.perform(.startSwarm(SwarmConfig(fileBits: 1e6, chunks: 4, seeds: [], peers: [NodeID(2)]))) }
    }
}

@Suite struct StuckSwarmTests {
    @Test func aSwarmWhoseOnlySeedLeavesEarlyStopsInsteadOfRunningForever() throws {
        var sim = Simulation(network: SwarmTests.network(peers: 6), seed: 1)
        try sim.perform(.startSwarm(SwarmTests.config(peers: 6)))
        sim.run(until: .events(40))
        try sim.perform(.removeNode(NodeID(1)))
        let outcome = sim.run(until: .idle, maxEvents: 1_000_000)
        #expect(outcome.reason == .reached)
        #expect(sim.metrics.completionTimes.count < 6)
    }
}

@Suite struct TimeWaitStepBackTests {
    /// A lesson waiting for a time steps one event at a time towards it; stepping back
    /// over each must give exactly the state before, as in a swarm whose re-rated
    /// transfers leave stale events in the queue.
    @Test func steppingTowardsATimeOneEventAtATimeCanBeSteppedBackOver() throws {
        var timeline = Timeline(Simulation(network: SwarmTests.network(peers: 8), seed: 3), snapshotEvery: 8)
        try timeline.perform(.startSwarm(SwarmTests.config(peers: 8, chunks: 8)))
        var states = [timeline.current]
        for _ in 0..<120 {
            let outcome = timeline.run(until: .time(60_000_000), maxEvents: 1)
            guard outcome.eventsRun == 1 else { break }
            states.append(timeline.current)
        }
        #expect(states.count > 100)
        for expected in states.dropLast().reversed() {
            timeline.stepBack()
            #expect(timeline.current == expected)
        }
    }
}
