import Testing
@testable import NetSim

/// A swarm outlives its members' failures: a seed that fails mid-swarm and comes back
/// lets it finish, and a new swarm can replace one still running (the sandbox's `k` and
/// `f` keys).
@Suite struct SwarmRecoveryTests {
    static let seed = NodeID(1)
    static let peers = (2..<12).map(NodeID.init)

    /// Starts a swarm of ten peers and fails the seed once a few chunks have spread, so
    /// that some chunks exist only on the seed: the swarm stalls without it.
    private func stalledSwarm(_ scheduling: SwarmScheduling) throws -> Timeline {
        var timeline = Timeline(Simulation(network: SwarmTests.network(peers: 10, serverUp: 4e6), seed: 2))
        var config = SwarmTests.config(peers: 10)
        config.scheduling = scheduling
        try timeline.perform(.startSwarm(config))
        timeline.run(until: .time(3_000_000))
        try timeline.perform(.setNodeUp(Self.seed, false))
        timeline.run(until: .idle, maxEvents: 1_000_000)
        #expect(Self.peers.allSatisfy { timeline.current.node($0).completedAt == nil }, "nobody finishes without the seed")
        return timeline
    }

    @Test(arguments: [SwarmScheduling.bitTorrent, .relay])
    func aSeedThatFailedAndCameBackLetsTheSwarmFinish(scheduling: SwarmScheduling) throws {
        var timeline = try stalledSwarm(scheduling)
        let held = Self.peers.map { timeline.current.node($0).chunksHeld }
        try timeline.perform(.setNodeUp(Self.seed, true))
        let outcome = timeline.run(until: .idle, maxEvents: 1_000_000)
        #expect(outcome.reason == .reached)
        #expect(Self.peers.allSatisfy { timeline.current.node($0).chunksHeld == 32 && timeline.current.node($0).completedAt != nil })
        #expect(held.reduce(0, +) > 0, "peers kept what they had while the seed was away")
        // Stepping back over the return gives the stalled swarm again, exactly.
        let before = timeline.current
        timeline.stepBack()
        timeline.step()
        #expect(timeline.current == before)
    }

    @Test func aPeerThatFailedRejoinsWithItsChunksAndFinishes() throws {
        var sim = Simulation(network: SwarmTests.network(peers: 10), seed: 4)
        try sim.perform(.startSwarm(SwarmTests.config(peers: 10)))
        sim.run(until: .time(4_000_000))
        let peer = NodeID(5)
        try sim.perform(.setNodeUp(peer, false))
        let held = sim.node(peer).chunksHeld
        sim.run(until: .time(8_000_000))
        try sim.perform(.setNodeUp(peer, true))
        #expect(sim.node(peer).chunksHeld == held)
        sim.runToIdle()
        #expect(Self.peers.allSatisfy { sim.node($0).completedAt != nil })
    }

    @Test(arguments: [SwarmScheduling.bitTorrent, .relay])
    func aNewSwarmReplacesOneStillRunning(scheduling: SwarmScheduling) throws {
        var sim = Simulation(network: SwarmTests.network(peers: 10), seed: 3)
        var config = SwarmTests.config(peers: 10)
        config.scheduling = scheduling
        try sim.perform(.startSwarm(config))
        sim.run(until: .time(2_000_000))
        #expect(sim.swarm.isActive)
        config.chunks = 8
        config.fileBits = 8e6
        try sim.perform(.startSwarm(config))
        #expect(Self.peers.allSatisfy { sim.node($0).chunksHeld == 0 && sim.node($0).chunkCount == 8 })
        sim.runToIdle()
        #expect(Self.peers.allSatisfy { sim.node($0).chunksHeld == 8 && sim.node($0).completedAt != nil })
    }

    @Test func replacingASwarmIsDeterministicAndStepsBackExactly() throws {
        func run() throws -> Timeline {
            var timeline = Timeline(Simulation(network: SwarmTests.network(peers: 6), seed: 9))
            try timeline.perform(.startSwarm(SwarmTests.config(peers: 6)))
            timeline.run(until: .time(2_000_000))
            try timeline.perform(.startSwarm(SwarmTests.config(peers: 6, chunks: 16)))
            timeline.run(until: .idle)
            return timeline
        }
        var first = try run()
        let second = try run()
        #expect(first.current.traceHash == second.current.traceHash)
        first.seek(toEvent: first.reports.count / 2)
        let middle = first.current
        first.step()
        first.stepBack()
        #expect(first.current == middle)
    }
}
