import Testing
@testable import NetSim

@Suite struct RequestTests {
    @Test func aRequestIsServedAndAnswered() throws {
        var sim = Simulation(network: Fixture.star(clients: 1), seed: 1)
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /", bytes: 400, responseBytes: 10_000))
        var kinds: [EventKind] = []
        while let report = sim.step() { kinds.append(report.kind) }
        #expect(kinds == [.transmitted, .accepted, .served, .transmitted, .delivered])
        // 3.2 kb up at 1 Mbps, 5 ms, 20 ms service, 80 kb down at 10 Mbps, 5 ms.
        #expect(sim.now == 3_200 + 5_000 + 20_000 + 8_000 + 5_000)
        let response = try #require(sim.metrics.responseTimes.first)
        #expect(response.value == 0.0412)
        #expect(sim.metrics.messages[.request] == 1 && sim.metrics.messages[.response] == 1)
    }

    @Test func anAnswerSentWithoutACapacityLimitStillCountsAsServed() throws {
        var network = Fixture.star(clients: 1)
        network.nodes = network.nodes.map { var node = $0; node.upload = .infinity; node.download = .infinity; return node }
        var sim = Simulation(network: network, seed: 1)
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /", bytes: 400, responseBytes: 10_000))
        sim.runToIdle()
        #expect(sim.node(Fixture.server).bitsUp == 80_000, "the server sent its 80 kb answer")
        #expect(sim.node(Fixture.client(1)).bitsDown == 80_000)
        #expect(sim.node(Fixture.client(1)).bitsUp == 0, "asking is not serving")
    }

    @Test func theServerWorksOnOneRequestAtATimeAndTheQueueBuilds() throws {
        var sim = Simulation(network: Fixture.star(clients: 5, queueLimit: 10, latency: 0), seed: 1)
        for client in 1...5 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        }
        sim.runToIdle()
        let times = sim.metrics.responseTimes.map(\.value)
        #expect(times == [0.02, 0.04, 0.06, 0.08, 0.10])
        #expect(sim.metrics.queueLength[Fixture.server]!.map(\.value).max() == 4)
    }

    @Test func aFullQueueDropsRequests() throws {
        var sim = Simulation(network: Fixture.star(clients: 8, queueLimit: 3, latency: 0), seed: 1)
        for client in 1...8 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        }
        sim.runToIdle()
        #expect(sim.metrics.drops == 4)
        #expect(sim.metrics.responseTimes.count == 4)
    }

    @Test func clientsTimeOutRetryAndGiveUp() throws {
        let network = Fixture.star(clients: 3, service: 100_000, queueLimit: 0, timeout: 150_000, retries: 1, latency: 0)
        var sim = Simulation(network: network, seed: 1)
        for client in 1...3 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        }
        sim.runToIdle()
        // c1 is served at once; c2 and c3 are dropped, retry at 150 ms (c2 gets in, c3
        // dropped again), and c3 gives up at 300 ms.
        #expect(sim.metrics.drops == 3)
        #expect(sim.metrics.retries == 2)
        #expect(sim.metrics.failures == 1)
        #expect(sim.metrics.responseTimes.map(\.value) == [0.1, 0.25])
    }

    @Test func accessControlRefusesAndLogsEveryAccess() throws {
        var sim = Simulation(network: Fixture.star(clients: 2), seed: 1)
        try sim.perform(.setAccessControl(server: Fixture.server, enabled: true))
        try sim.perform(.grant(server: Fixture.server, client: Fixture.client(1)))
        for client in 1...2 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /payroll", bytes: 100, responseBytes: 100))
        }
        var kinds: [EventKind] = []
        while let report = sim.step() { kinds.append(report.kind) }
        #expect(kinds.contains(.refused))
        #expect(sim.metrics.refusals == 1)
        #expect(sim.metrics.messages[.refused] == 1)
        let log = sim.node(Fixture.server).accessLog
        #expect(log.map(\.client) == [Fixture.client(1), Fixture.client(2)])
        #expect(log.map(\.granted) == [true, false])
        try sim.perform(.revoke(server: Fixture.server, client: Fixture.client(1)))
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /payroll", bytes: 100, responseBytes: 100))
        sim.runToIdle()
        #expect(sim.metrics.refusals == 2)
    }

    @Test func clientsOfAStarCannotReachEachOther() throws {
        var sim = Simulation(network: Fixture.star(clients: 2), seed: 1)
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.client(2), what: "hello", bytes: 10, responseBytes: 10))
        let step = sim.step()
        let report = try #require(step)
        #expect(report.kind == .lost)
        #expect(report.summary == "c1 → c2: hello lost: no link between them")
    }

    @Test func anyPeerAsksAndAnyPeerAnswers() throws {
        var sim = Simulation(network: Fixture.peers(3, latency: 1_000), seed: 1)
        try sim.perform(.request(from: NodeID(0), to: NodeID(1), what: "song.mp3?", bytes: 100, responseBytes: 1000))
        try sim.perform(.request(from: NodeID(1), to: NodeID(2), what: "video?", bytes: 100, responseBytes: 1000))
        try sim.perform(.request(from: NodeID(2), to: NodeID(0), what: "doc?", bytes: 100, responseBytes: 1000))
        var served: [NodeID] = []
        while let report = sim.step() {
            if report.kind == .served { served.append(report.node!) }
        }
        #expect(Set(served) == [NodeID(0), NodeID(1), NodeID(2)])
        #expect(sim.metrics.responseTimes.count == 3)
    }

    @Test func eventSummariesNameTheNodesAndTheRequest() throws {
        var sim = Simulation(network: Fixture.star(clients: 1), seed: 1)
        try sim.perform(.request(from: Fixture.client(1), to: Fixture.server, what: "GET /report", bytes: 400, responseBytes: 400))
        let summaries = (0..<3).compactMap { _ in sim.step()?.summary }
        #expect(summaries == [
            "c1 → server: GET /report (request, 3.2 kb) sent, travelling",
            "server starts on GET /report from c1",
            "server answers GET /report for c1",
        ])
    }
}
