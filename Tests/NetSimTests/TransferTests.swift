import Testing
@testable import NetSim

@Suite struct TransferTests {
    /// A server and `n` clients on a full mesh with no latency: the textbook setting.
    private func distribution(n: Int, serverUp: Double, clientDowns: [Double]) -> Simulation {
        var nodes = [NodeConfig(name: "server", role: .server, upload: serverUp, download: 1e9)]
        for index in 0..<n {
            nodes.append(NodeConfig(name: "c\(index + 1)", role: .client, upload: 1e6, download: clientDowns[index % clientDowns.count]))
        }
        return Simulation(network: NetworkConfig(nodes: nodes), seed: 1)
    }

    @Test(arguments: [
        (1, 30e6, [2e6]), (10, 30e6, [2e6]), (100, 30e6, [2e6]), (1000, 30e6, [2e6]),
        (10, 1e6, [2e6]), (20, 30e6, [5e6, 1e6, 3e6]), (7, 10e6, [1e6, 8e6]),
    ])
    func clientServerDistributionTakesTheTextbookTime(n: Int, serverUp: Double, downs: [Double]) throws {
        let file = 1e9
        var sim = distribution(n: n, serverUp: serverUp, clientDowns: downs)
        try sim.perform(.serveFile(from: NodeID(0), to: (1...n).map(NodeID.init), bits: file))
        sim.runToIdle()
        let dMin = downs.prefix(n).min()!
        let textbook = max(Double(n) * file / serverUp, file / dMin)
        let simulated = Double(sim.metrics.completionTimes.values.max()!) / 1e6
        #expect(sim.metrics.completionTimes.count == n)
        #expect(abs(simulated - textbook) / textbook < 0.01)
    }

    @Test func sentAndReceivedCountWhatHasGoneSoFar() throws {
        var sim = distribution(n: 2, serverUp: 10e6, clientDowns: [10e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1), NodeID(2)], bits: 10e6))
        sim.run(until: .time(1_000_000))
        // Two copies share 10 Mbps: after 1 s each client has 5 Mb, the server sent 10 Mb.
        #expect(abs(sim.node(NodeID(0)).bitsUp - 10e6) < 1)
        #expect(abs(sim.node(NodeID(1)).bitsDown - 5e6) < 1)
        sim.runToIdle()
        #expect(sim.node(NodeID(0)).bitsUp == 20e6, "finished transfers are counted once")
        #expect(sim.node(NodeID(2)).bitsDown == 10e6)
    }

    @Test func aSecondFileIsNotDoneUntilItArrives() throws {
        var sim = distribution(n: 2, serverUp: 10e6, clientDowns: [10e6])
        let clients = [NodeID(1), NodeID(2)]
        try sim.perform(.serveFile(from: NodeID(0), to: clients, bits: 10e6))
        sim.runToIdle()
        #expect(sim.node(NodeID(1)).completedAt == 2_000_000)
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1)], bits: 10e6))
        #expect(sim.node(NodeID(1)).completedAt == nil, "the new copy is on its way")
        #expect(sim.metrics.completionTimes[NodeID(1)] == nil)
        #expect(sim.metrics.completionTimes[NodeID(2)] == 2_000_000, "c2 was not sent another")
        sim.runToIdle()
        #expect(sim.node(NodeID(1)).completedAt == 3_000_000)
        var swarm = sim
        try swarm.perform(.startSwarm(SwarmConfig(fileBits: 4e6, chunks: 4, seeds: [NodeID(0)], peers: clients, scheduling: .relay)))
        #expect(swarm.metrics.completionTimes.isEmpty, "a swarm's peers want its file anew")
        swarm.runToIdle()
        #expect(clients.allSatisfy { swarm.metrics.completionTimes[$0] != nil })
    }

    @Test func concurrentTransfersShareTheSendersUploadFairly() throws {
        var sim = distribution(n: 2, serverUp: 2e6, clientDowns: [10e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1), NodeID(2)], bits: 1e6))
        #expect(sim.node(NodeID(0)).uploadRate == 2e6)
        #expect(sim.node(NodeID(1)).downloadRate == 1e6)
        #expect(sim.inFlight.map(\.arrives) == [1_000_000, 1_000_000])
    }

    @Test func capacityASlowReceiverCannotUseGoesToTheOthers() throws {
        var sim = distribution(n: 2, serverUp: 10e6, clientDowns: [1e6, 100e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1), NodeID(2)], bits: 1e6))
        #expect(sim.node(NodeID(1)).downloadRate == 1e6)
        #expect(sim.node(NodeID(2)).downloadRate == 9e6)
    }

    @Test func aTransferSpeedsUpWhenAnotherEnds() throws {
        var sim = distribution(n: 2, serverUp: 2e6, clientDowns: [10e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1)], bits: 1e6))
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(2)], bits: 3e6))
        sim.runToIdle()
        // Both at 1 Mbps until c1 is done at 1 s; c2 then has 2 Mb left at 2 Mbps: 2 s.
        #expect(sim.metrics.completionTimes[NodeID(1)] == 1_000_000)
        #expect(sim.metrics.completionTimes[NodeID(2)] == 2_000_000)
        #expect(sim.node(NodeID(0)).bitsUp == 4e6)
        #expect(sim.metrics.bitsDown[NodeID(2)]!.last!.value == 3e6)
    }

    @Test func raisingACapacityReSharesRunningTransfers() throws {
        var sim = distribution(n: 1, serverUp: 1e6, clientDowns: [10e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1)], bits: 2e6))
        sim.run(until: .time(1_000_000))
        try sim.perform(.setCapacity(NodeID(0), upload: 2e6, download: nil))
        sim.runToIdle()
        #expect(sim.metrics.completionTimes[NodeID(1)] == 1_500_000)
    }

    @Test func messagesReportTheirProgressForAnimation() throws {
        var sim = distribution(n: 1, serverUp: 1e6, clientDowns: [10e6])
        try sim.perform(.serveFile(from: NodeID(0), to: [NodeID(1)], bits: 2e6))
        let message = try #require(sim.inFlight.first)
        #expect(message.progress(at: 0) == 0)
        #expect(message.progress(at: 1_000_000) == 0.5)
        #expect(message.progress(at: 5_000_000) == 1)
    }
}
