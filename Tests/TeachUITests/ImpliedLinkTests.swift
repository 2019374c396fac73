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
        return Scene(Frame(simulation: simulation, time: 0), layout: StageLayoutKind(lesson.network.layout), legend: [])
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
