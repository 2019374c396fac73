import NetSim
import LessonKit
import Testing
@testable import TeachUI

/// The stage never wires together nodes the network does not connect in any particular way.
@Suite struct ImpliedLinkTests {
    private func scene(layout: String, nodes: String, groups: String) -> Scene {
        let lesson = TestLessons.load("""
            ---
            id: test-links
            title: Links
            summary: Which lines the stage draws.
            essay: [3]
            claims: [C4]
            network:
              layout: \(layout)
              nodes:
            \(nodes)
              groups:
            \(groups)
            ---

            ## Look

            Look at the lines.
            """, path: "links.md")
        let simulation = LessonRunner(lesson: lesson).simulation
        return Scene(Frame(simulation: simulation, time: 0), layout: StageLayoutKind(lesson.network.layout))
    }

    @Test func aLargeMeshOfClientsAndPeersGetsNoInventedLinks() {
        let scene = scene(
            layout: "mesh", nodes: "    server: { role: server }",
            groups: "    clients: { count: 6, prefix: c, role: client }\n    peers: { count: 6, prefix: p, role: peer }")
        #expect(scene.links.isEmpty)
    }

    @Test func aStarWithoutAHubGetsNoLinks() {
        let scene = scene(layout: "star", nodes: "    p1: { role: peer }", groups: "    clients: { count: 4, prefix: c, role: client }")
        #expect(scene.links.isEmpty)
    }

    @Test func aStarWithOneHubStillGetsItsSpokes() {
        let scene = scene(layout: "star", nodes: "    server: { role: server }", groups: "    clients: { count: 4, prefix: c, role: client }")
        #expect(scene.links.count == 4)
    }
}

/// With several servers in a star, each client keeps a line to every server it has asked.
@Suite struct SeveralServersLinkTests {
    @Test func eachClientIsLinkedToTheServersItAsked() {
        let lesson = TestLessons.load("""
            ---
            id: test-two-servers
            title: Two servers
            summary: Which lines the stage draws with two servers.
            essay: [4]
            claims: [C9]
            network:
              layout: star
              nodes:
                server: { role: server, service: 1ms }
                server2: { role: server, service: 1ms }
              groups:
                clients: { count: 3, prefix: c, role: client }
            ---

            ## Ask

            ```sim
            - request: { from: c1, to: server }
            - request: { from: c2, to: server2 }
            - run: idle
            ```
            """, path: "two-servers.md")
        var runner = LessonRunner(lesson: lesson)
        runner.finishStep()
        let scene = Scene(Frame(simulation: runner.simulation, time: runner.simulation.now), layout: .star)
        let names = Dictionary(uniqueKeysWithValues: scene.nodes.map { ($0.id, $0.name) })
        let pairs = Set(scene.links.map { [names[$0.a]!, names[$0.b]!].sorted().joined(separator: "-") })
        #expect(pairs == ["c1-server", "c2-server2"])
    }
}

@Suite struct CutLinkTests {
    @Test func aCutLinkIsDrawnCutUntilItIsRestored() throws {
        var network = NetworkConfig(nodes: [
            NodeConfig(name: "a", role: .peer, upload: 1e6, download: 1e6),
            NodeConfig(name: "b", role: .peer, upload: 1e6, download: 1e6),
        ], links: [LinkConfig(a: NodeID(0), b: NodeID(1), latency: 1_000)])
        network.fullMesh = false
        var simulation = Simulation(network: network, seed: 1)
        func linkUp() -> Bool? { Scene(Frame(simulation: simulation, time: simulation.now), layout: .mesh).links.first?.isUp }
        #expect(linkUp() == true)
        try simulation.perform(.setLinkUp(NodeID(0), NodeID(1), false))
        #expect(linkUp() == false)
        try simulation.perform(.setLinkUp(NodeID(0), NodeID(1), true))
        #expect(linkUp() == true)
    }
}
