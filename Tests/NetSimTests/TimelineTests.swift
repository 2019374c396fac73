import Testing
@testable import NetSim

@Suite struct TimelineTests {
    /// A busy client-server scenario with queueing, drops, timeouts and retries.
    private func busyTimeline(snapshotEvery: Int = 16) throws -> Timeline {
        let network = Fixture.star(clients: 12, service: 30_000, queueLimit: 3, timeout: 200_000, retries: 2)
        var timeline = Timeline(Simulation(network: network, seed: 5), snapshotEvery: snapshotEvery)
        for client in 1...12 {
            try timeline.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /\(client)", bytes: 400, responseBytes: 20_000))
        }
        try timeline.perform(.serveFile(from: Fixture.server, to: [Fixture.client(1), Fixture.client(2)], bits: 1e6))
        return timeline
    }

    @Test func stepBackRestoresExactlyTheStateBeforeTheStep() throws {
        var timeline = try busyTimeline()
        var states = [timeline.current]
        while timeline.step() != nil { states.append(timeline.current) }
        #expect(states.count > 40)
        for expected in states.dropLast().reversed() {
            let wentBack = timeline.stepBack()
            #expect(wentBack)
            #expect(timeline.current == expected)
        }
        let wentBeforeTheStart = timeline.stepBack()
        #expect(!wentBeforeTheStart)
    }

    @Test func backThenForwardEqualsTheStateBefore() throws {
        var timeline = try busyTimeline()
        timeline.run(until: .events(30))
        let before = timeline.current
        let reports = timeline.reports
        timeline.stepBack()
        timeline.step()
        #expect(timeline.current == before)
        #expect(timeline.reports == reports)
    }

    @Test func seekGoesBackAndForthToAnyEvent() throws {
        var timeline = try busyTimeline(snapshotEvery: 7)
        timeline.run(until: .idle)
        let total = timeline.reports.count
        var reference = try busyTimeline()
        reference.run(until: .events(20))
        timeline.seek(toEvent: 20)
        #expect(timeline.current == reference.current)
        #expect(timeline.reports.count == 20)
        timeline.seek(toEvent: total)
        #expect(timeline.reports.count == total)
        #expect(timeline.current.isIdle)
    }

    @Test func commandsBetweenStepsAreReplayed() throws {
        var timeline = try busyTimeline()
        timeline.run(until: .time(100_000))
        try timeline.perform(.setNodeUp(Fixture.server, false))
        timeline.step()
        timeline.step()
        let after = timeline.current
        timeline.stepBack()
        timeline.step()
        #expect(timeline.current == after)
        #expect(!timeline.current.node(Fixture.server).isUp)
    }

    @Test func runningToATimeMovesTheClockAndCanBeSteppedBackOver() throws {
        var timeline = try busyTimeline()
        timeline.run(until: .time(10_000_000))
        #expect(timeline.current.now == 10_000_000)
        let steps = timeline.reports.count
        timeline.stepBack()
        #expect(timeline.reports.count == steps - 1)
        #expect(timeline.current.now < 10_000_000)
    }

    @Test func aFailedCommandIsNotLogged() throws {
        var timeline = try busyTimeline()
        #expect(throws: SimError.self) { try timeline.perform(.setNodeUp(NodeID(99), false)) }
        timeline.run(until: .events(5))
        let state = timeline.current
        timeline.stepBack()
        timeline.step()
        #expect(timeline.current == state)
    }
}

@Suite struct DeterminismTests {
    private func run(seed: UInt64) throws -> Simulation {
        var sim = Simulation(network: Fixture.star(clients: 20, service: 10_000, queueLimit: 5, timeout: 100_000, retries: 2), seed: seed)
        for client in 1...20 {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 400, responseBytes: 4_000))
        }
        try sim.perform(.startHoldWorkload(pending: 10))
        sim.run(until: .events(2_000))
        return sim
    }

    @Test func theSameSeedGivesTheSameTrace() throws {
        let first = try run(seed: 42)
        let second = try run(seed: 42)
        #expect(first.traceHash == second.traceHash)
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentTracesWhereRandomnessMatters() throws {
        #expect(try run(seed: 1).traceHash != run(seed: 2).traceHash)
    }

    @Test func simultaneousEventsRunInTheOrderTheyWereScheduled() throws {
        var sim = Simulation(network: Fixture.star(clients: 3, service: 0, latency: 0), seed: 1)
        for client in [3, 1, 2] {
            try sim.perform(.request(from: Fixture.client(client), to: Fixture.server, what: "GET /", bytes: 0, responseBytes: 0))
        }
        let first = sim.step()
        #expect(first?.message?.from == Fixture.client(3))
    }

    @Test func theHoldModelKeepsItsPendingEventCount() throws {
        var sim = Simulation(network: Fixture.peers(1), seed: 9)
        try sim.perform(.startHoldWorkload(pending: 100))
        sim.run(until: .events(10_000))
        #expect(sim.queue.liveCount == 100)
        #expect(sim.eventCount == 10_000)
    }
}
