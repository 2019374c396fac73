import Canvas
import NetSim
import LessonKit
import Testing
@testable import TeachUI

/// A line on the stage is a link that exists: where any node reaches any other no line
/// stands for it, and a message draws its own path only while it travels.
@Suite struct LinkMeaningTests {
    private func lesson(layout: String, nodes: String, groups: String, script: String = "") -> Lesson {
        TestLessons.load("""
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
            \(script)
            """, path: "links.md")
    }

    @Test func aFullMeshHasNoStandingLines() {
        for layout in ["star", "ring", "mesh", "auto"] {
            let lesson = lesson(layout: layout, nodes: "    server: { role: server }",
                                groups: "    clients: { count: 4, prefix: c, role: client }\n    peers: { count: 6, prefix: p, role: peer }")
            let simulation = LessonRunner(lesson: lesson).simulation
            let scene = Scene(Frame(simulation: simulation, time: 0), plan: StagePlan(lesson.network))
            #expect(scene.links.isEmpty, "\(layout)")
            #expect(scene.anyReachesAny)
            var canvas = Canvas(width: 80, height: 24)
            let hits = StageRenderer(scene: scene, theme: Theme(.plain)).draw(into: &canvas, rect: canvas.bounds)
            let cells = (0..<canvas.height).flatMap { y in (0..<canvas.width).map { Point(x: $0, y: y) } }
            let drawnOutsideNodes = cells.filter { canvas[$0.x, $0.y].text != " " && hits.placement.isOpen($0) }
            #expect(drawnOutsideNodes.isEmpty, "\(layout)\n\(canvas.text)")
        }
    }

    /// With two servers and one group of clients, each server gets a star of its own
    /// with half the clients, and no line crosses between the two.
    @Test func eachServerGetsItsOwnStar() {
        let shape = StageShape(
            nodes: [StageShape.Node(id: 0, name: "server", role: .server)]
                + (1...12).map { StageShape.Node(id: $0, name: "c\($0)", role: .client, group: 0) }
                + [StageShape.Node(id: 13, name: "server2", role: .server)],
            links: [], anyReachesAny: true, layout: .auto,
            groups: [StagePlan.Group(name: "clients", members: (1...12).map { "c\($0)" })])
        let units = StageUnit.units(of: shape)
        #expect(units.map(\.hubs) == [[0], [13]])
        #expect(units.map(\.members) == [Array(1...6), Array(7...12)])
        let placement = StageLayout.place(shape, in: Rect(x: 0, y: 0, width: 58, height: 17))
        let serverX = placement.frames[0]!.center.x, server2X = placement.frames[13]!.center.x
        let middle = (serverX + server2X) / 2
        #expect((1...6).allSatisfy { placement.frames[$0]!.maxX <= middle })
        #expect((7...12).allSatisfy { placement.frames[$0]!.x >= middle })
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
