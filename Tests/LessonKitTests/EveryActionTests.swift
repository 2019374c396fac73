import NetSim
import Testing
@testable import LessonKit

/// Every action of the format reaches the engine and is carried out: a lesson using all
/// of them plays to its end with no problem.
@Suite struct EveryActionTests {
    static let source = """
    ---
    id: every-action
    title: Every action
    summary: Goal, use every action once.
    essay: [3]
    network:
      latency: 10ms
      nodes:
        server: { role: server, upload: 10Mbps, service: 5ms, queue: 8 }
        tracker: { role: tracker }
        hub: { role: supernode, upload: 50Mbps, download: 50Mbps }
      groups:
        clients: { count: 3, prefix: c, timeout: 1s }
        peers: { count: 5, prefix: p, upload: 5Mbps, download: 20Mbps }
    ---

    ## Client-server
    Requests, access control, a file, failures.

    ```sim
    - highlight: server
    - chart: server.queue
    - request: { from: clients, to: server, what: "GET /a", size: 400B, reply: 2KB }
    - run: idle
    - access-control: { server: server, enabled: true }
    - grant: { server: server, clients: [c1] }
    - request: { from: [c1, c2], to: server, what: "GET /b" }
    - run: idle
    - revoke: { server: server, clients: c1 }
    - access-control: { server: server, enabled: false }
    - serve-file: { from: server, to: clients, size: 1Mb }
    - run: { until: all-done }
    - fail: c3
    - recover: c3
    - fail-link: [c1, server]
    - recover-link: [c1, server]
    - capacity: { node: server, upload: 20Mbps, download: 20Mbps }
    - run: idle
    - highlight: none
    - pause: Every client-server action has happened.
    ```

    ## Peer-to-peer
    Swarm, malice, discovery, calls, churn.

    ```sim
    - verification: on
    - malicious: p5
    - swarm: { file: 4Mb, chunks: 8, seeds: server, peers: [p1, p2, p3, p4, p5], tracker: tracker, slots: 2, rechoke: 1s, seeds-stay: false }
    - run: { until: all-done, budget: 100000 }
    - malicious: { node: p5, enabled: false }
    - curve: { file: 4Mb, chunks: 8, server: server, peer: p1, peers: [2, 4] }
    - publish: { key: notes.pdf, at: p4 }
    - lookup: { from: p1, key: notes.pdf, via: flood, ttl: 3 }
    - run: { event: found }
    - lookup: { from: p2, key: notes.pdf, via: dht }
    - run: { event: found }
    - publish: { key: index.html, at: server }
    - lookup: { from: p3, key: index.html, via: server }
    - run: { event: found }
    - call: { from: p1, to: p2 }
    - run: { event: connected }
    - call: { from: p3, to: p4, relay: hub }
    - run: { event: connected }
    - add-node: { name: p9, upload: 5Mbps, link-to: [p1] }
    - remove-node: p2
    - run: 2s
    ```
    """

    @Test func everyActionPlaysWithoutProblems() throws {
        let outcome = LessonLoader.load(source: Self.source, path: "every-action.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        #expect(LessonChecker.play(lesson).map(\.description) == [])
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: 1)
        runner.finishStep()
        let simulation = runner.simulation
        #expect(simulation.metrics.lookups.count == 3)
        #expect(simulation.network.id(named: "p9") != nil)
        #expect(simulation.node(try #require(simulation.network.id(named: "p2"))).hasLeft)
    }

    @Test func everyActionHasASummary() throws {
        let lesson = try #require(LessonLoader.load(source: Self.source, path: "every-action.md").lesson)
        let summaries = lesson.steps.flatMap(\.script).compactMap { item -> String? in
            if case let .act(action) = item.kind { action.summary } else { nil }
        }
        #expect(summaries.count == 29)
        #expect(summaries.allSatisfy { !$0.isEmpty })
        #expect(summaries.contains("p1 looks for \"notes.pdf\" by flooding (up to 3 hops)"))
    }
}
