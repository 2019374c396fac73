import Testing
@testable import NetSim

/// A slow server answering many clients keeps its evenly split upload as one share
/// (`SharePool`): the answers must finish exactly when re-rating each one would have
/// them finish, through joins, ends, other senders and capacity changes.
@Suite struct SharePoolTests {
    /// A server with a slow upload and `clients` clients that download far faster.
    private func slowServer(clients: Int, pooling: Bool) -> Simulation {
        var nodes = [NodeConfig(name: "server", role: .server, upload: 1e6, download: 1e9)]
        for index in 1...clients {
            nodes.append(NodeConfig(name: "c\(index)", role: .client, upload: 10e6, download: 100e6))
        }
        var sim = Simulation(network: NetworkConfig(nodes: nodes, defaultLatency: 5_000), seed: 1)
        if !pooling { sim.transfers.poolThreshold = .max }
        return sim
    }

    /// Answers of different sizes start every few milliseconds, more than a pool needs;
    /// `midway` runs once a pool has formed.
    private func run(pooling: Bool, midway: (inout Simulation) throws -> Void = { _ in }) throws -> Simulation {
        var sim = slowServer(clients: 150, pooling: pooling)
        for index in 0..<150 {
            sim.run(until: .time(SimTime(index) * 3_001))
            let bits = 80_000 + Double(index % 7) * 1_000
            try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1 + index)], bits: bits))
        }
        #expect(sim.transfers.pools.isEmpty != pooling, "pooled only when pooling is allowed")
        try midway(&sim)
        sim.runToIdle()
        return sim
    }

    @Test func answersSharingASlowUploadFinishWhenReRatingEachWouldHaveThem() throws {
        let pooled = try run(pooling: true)
        let separate = try run(pooling: false)
        #expect(pooled.metrics.completionTimes == separate.metrics.completionTimes)
        #expect(pooled.traceHash == separate.traceHash)
        #expect(pooled.eventCount == separate.eventCount)
        #expect(pooled.transfers.pools.isEmpty, "the pool ends with its last answer")
    }

    @Test func aReceiverDownloadingFromAnotherSenderEndsThePoolWithoutChangingTimes() throws {
        let midway: (inout Simulation) throws -> Void = { sim in
            try sim.perform(.serveFile(from: NodeID(2), to: [NodeID(1)], bits: 50e6))
            #expect(sim.transfers.pools.isEmpty, "c1 now downloads from two senders")
        }
        let pooled = try run(pooling: true, midway: midway)
        let separate = try run(pooling: false, midway: midway)
        #expect(pooled.metrics.completionTimes == separate.metrics.completionTimes)
        #expect(pooled.traceHash == separate.traceHash)
    }

    @Test func changingTheServersUploadEndsThePoolWithoutChangingTimes() throws {
        let midway: (inout Simulation) throws -> Void = { sim in
            try sim.perform(.setCapacity(NodeID(0), upload: 3e6, download: nil))
            sim.run(until: .time(sim.now + 1_000_000))
            try sim.perform(.setCapacity(NodeID(1), upload: nil, download: 0.5e6))
            sim.run(until: .time(sim.now + 1_000_000))
            try sim.setNode(NodeID(3), up: false)
        }
        let pooled = try run(pooling: true, midway: midway)
        let separate = try run(pooling: false, midway: midway)
        #expect(pooled.metrics.completionTimes == separate.metrics.completionTimes)
        #expect(pooled.traceHash == separate.traceHash)
    }

    @Test func aCopyTakenWhilePooledRunsOnExactlyAsTheOriginal() throws {
        var sim = slowServer(clients: 100, pooling: true)
        try sim.perform(.serveFile(from: NodeID(0), to: (1...100).map(NodeID.init), bits: 80_000))
        sim.run(until: .time(4_000_000))
        #expect(sim.transfers.pools.count == 1)
        var copy = sim
        sim.runToIdle()
        copy.runToIdle()
        #expect(copy == sim)
        // All start together at 10 kbps each: 8 s, then the latency.
        #expect(sim.metrics.completionTimes[NodeID(100)] == 8_005_000)
    }
}
