import Testing
@testable import NetSim

@Suite struct FailureTests {
    @Test func whenTheServerIsDownEveryRequestFails() throws {
        var sim = Simulation(network: Fixture.star(clients: 3, timeout: 100_000, retries: 1), seed: 1)
        try sim.perform(.setNodeUp(Fixture.server, false))
        for client in 1...3 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 100, responseBytes: 100))
        }
        sim.runToIdle()
        #expect(sim.metrics.failures == 3)
        #expect(sim.metrics.lost == 6)
        #expect(sim.metrics.responseTimes.isEmpty)
        #expect(!sim.node(Fixture.server).isUp)
    }

    @Test func aServerThatComesBackAnswersAgain() throws {
        var sim = Simulation(network: Fixture.star(clients: 1, timeout: 100_000, retries: 3), seed: 1)
        try sim.perform(.setNodeUp(Fixture.server, false))
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /", bytes: 100, responseBytes: 100))
        sim.run(until: .time(150_000))
        try sim.perform(.setNodeUp(Fixture.server, true))
        sim.runToIdle()
        #expect(sim.metrics.responseTimes.count == 1)
        #expect(sim.metrics.retries == 2)
    }

    @Test func goingDownLosesTheQueueAndTheRequestInService() throws {
        var sim = Simulation(network: Fixture.star(clients: 3, service: 100_000, latency: 0), seed: 1)
        for client in 1...3 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        }
        sim.run(until: .time(50_000))
        #expect(sim.node(Fixture.server).queueLength == 2)
        #expect(sim.node(Fixture.server).inService)
        try sim.perform(.setNodeUp(Fixture.server, false))
        #expect(sim.node(Fixture.server).queueLength == 0)
        #expect(sim.isIdle)
    }

    @Test func cuttingALinkStopsItsTransfersAndRestoringItLetsNewOnesThrough() throws {
        var sim = Simulation(network: Fixture.star(clients: 2, latency: 1_000), seed: 1)
        try sim.perform(.serveFile(from: Fixture.server, to: [Fixture.client(1), Fixture.client(2)], bits: 1e6))
        try sim.perform(.setLinkUp(Fixture.server, Fixture.client(1), false))
        sim.runToIdle()
        #expect(sim.metrics.completionTimes.keys.sorted() == [Fixture.client(2)])
        try sim.perform(.setLinkUp(Fixture.server, Fixture.client(1), true))
        try sim.perform(.serveFile(from: Fixture.server, to: [Fixture.client(1)], bits: 1e6))
        sim.runToIdle()
        #expect(sim.metrics.completionTimes[Fixture.client(1)] != nil)
    }

    @Test func aMessageTravellingTowardsANodeThatGoesDownIsLost() throws {
        var sim = Simulation(network: Fixture.star(clients: 1, latency: 50_000), seed: 1)
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        try sim.perform(.setNodeUp(Fixture.server, false))
        let step = sim.step()
        let report = try #require(step)
        #expect(report.kind == .lost)
        #expect(report.summary.hasSuffix("lost: server is down"))
    }

    @Test func aNodeThatLeftCannotComeBack() throws {
        var sim = Simulation(network: Fixture.peers(3), seed: 1)
        try sim.perform(.removeNode(NodeID(1)))
        #expect(sim.node(NodeID(1)).hasLeft)
        #expect(throws: SimError.self) { try sim.perform(.setNodeUp(NodeID(1), true)) }
    }

    @Test func aJoiningNodeCanTalkAtOnce() throws {
        var sim = Simulation(network: Fixture.star(clients: 1), seed: 1)
        try sim.perform(.addNode(NodeConfig(name: "c2", role: .client, upload: 1e6, download: 1e6), linkTo: [Fixture.server]))
        let newcomer = try #require(sim.network.id(named: "c2"))
        try sim.perform(.request(from: newcomer, to: Fixture.server, what: "GET /", bytes: 10, responseBytes: 10))
        sim.runToIdle()
        #expect(sim.metrics.responseTimes.count == 1)
    }

    @Test func commandsNamingUnknownNodesAreRejected() {
        var sim = Simulation(network: Fixture.star(clients: 1), seed: 1)
        #expect(throws: SimError.unknownNode(NodeID(9))) { try sim.perform(.setNodeUp(NodeID(9), false)) }
        #expect(throws: SimError.self) {
            try sim.perform(.request(from: Fixture.client(1), to: Fixture.client(1), what: "x", bytes: 1, responseBytes: 1))
        }
        #expect(throws: SimError.self) { try sim.perform(.serveFile(from: Fixture.server, to: [Fixture.client(1)], bits: 0)) }
    }
}
