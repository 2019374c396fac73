import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// Every message in flight is seen travelling from its sender to its receiver, or the
/// stage says how many it shows; a dashed path that is no link says so; a large stage is
/// used, not left empty round small nodes.
@Suite struct VisiblePathTests {
    static let sizes = StageCrossingTests.sizes.map { "\($0.0)x\($0.1)" }

    /// The stage drawn at a size: its canvas and what it says about itself.
    static func drawn(_ state: AppState, size: String) throws -> (canvas: Canvas, hits: StageHits, rect: Rect) {
        let scene = try #require(state.lesson).stage.scene
        let rect = StageLegibilityTests.stage(size)
        var canvas = Canvas(width: rect.maxX + 1, height: rect.maxY + 1)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
        return (canvas, hits, rect)
    }

    /// p2p-swarm's first step: the server sends a copy to each of six clients. Each copy
    /// is drawn on its path (a count beside a glyph standing for several), or the stage
    /// says how many of them it shows; at 80x24 two clients sat right beside the server,
    /// their copies drawn nowhere and nothing said.
    @Test(arguments: sizes)
    func everyCopyTheServerSendsIsSeenOrCounted(size: String) throws {
        let state = try StageLegibilityTests.state("p2p-swarm", step: 0)
        let inFlight = try #require(state.lesson).stage.scene.packets.count { !$0.arrived }
        #expect(inFlight == 6)
        let (canvas, hits, rect) = try Self.drawn(state, size: size)
        var seen = 0
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where canvas[x, y].text == "▬" {
                let count = canvas[x + 1, y].text
                seen += Int(count) ?? 1
            }
        }
        let said = hits.legend.all.contains { $0.title.contains("of \(inFlight) drawn") }
            || canvas.text.contains("of \(inFlight) messages drawn") || canvas.text.contains("of \(inFlight) drawn")
        #expect(seen == inFlight || said, "\(size): \(seen) of \(inFlight) drawn\n\(canvas.text)")
    }

    /// The hash table's questions go straight to a peer in the asker's table, with no
    /// link between them: on a stage whose lines are links, the legend says that the
    /// dashed path they travel is none.
    @Test(arguments: sizes)
    func aQuestionSentWithNoLinkIsSaidToHaveNone(size: String) throws {
        var state = try StageLegibilityTests.state("p2p-discovery", step: 3)
        let scene = { try #require(state.lesson).stage.scene }
        let linked = try Set(scene().links.map { NodePair($0.a, $0.b) })
        var moves = 0
        while try !scene().packets.contains(where: { !$0.arrived && !linked.contains(NodePair($0.from, $0.to)) }), moves < 20 {
            send(&state, .key(.right))
            moves += 1
        }
        let (_, hits, _) = try Self.drawn(state, size: size)
        #expect(hits.legend.cast.contains { $0.title == "sent direct, no link" }, "\(size): \(hits.legend.all.map(\.title))")
    }

    /// The nodes' extent on a stage, as a share of the stage's width and height.
    static func extent(_ id: String, step: Int, size: String) throws -> (width: Double, height: Double) {
        let scene = try #require(StageLegibilityTests.state(id, step: step).lesson).stage.scene
        let rect = StageLegibilityTests.stage(size)
        let boxes = scene.geometry(in: rect, roomy: false).placement.boxes
        let width = (boxes.map(\.maxX).max() ?? 0) - (boxes.map(\.x).min() ?? 0)
        let height = (boxes.map(\.maxY).max() ?? 0) - (boxes.map(\.y).min() ?? 0)
        return (Double(width) / Double(rect.width), Double(height) / Double(rect.height))
    }

    /// At 160x45 p2p-discovery's ring of sixteen kept the size it has at 100x30, in the
    /// middle of a stage it filled not half of.
    @Test func aLargeStageSpreadsTheRingOut() throws {
        let (width, height) = try Self.extent("p2p-discovery", step: 0, size: "160x45")
        #expect(width >= 0.75 && height >= 0.7, "\(width) x \(height)")
    }

    /// cs-examples' four stars of one client each had the client on top and the server
    /// in the middle of its region, the lower half of the stage empty.
    @Test(arguments: sizes)
    func aStarOfOneClientUsesItsRegionsHeight(size: String) throws {
        let (_, height) = try Self.extent("cs-examples", step: 0, size: size)
        #expect(height >= 0.75, "\(size): \(height)")
    }

    /// cdn's clients ask the far origin before the edges take over: each request's path,
    /// bent round the captions and the other clients, reaches the client on the side that
    /// faces the origin (at 100x30 the paths to w1 and e1 ran under their rows and came
    /// up into them from below).
    @Test(arguments: sizes)
    func aPathReachesAClientOnTheSideFacingTheServer(size: String) throws {
        let scene = try #require(StageLegibilityTests.state("cdn", step: 1).lesson).stage.scene
        let geometry = scene.geometry(in: StageLegibilityTests.stage(size), roomy: false)
        let origin = try #require(scene.nodes.first { $0.name == "origin" })
        let from = try #require(geometry.placement.frames[origin.id])
        for client in scene.nodes where client.role == .client {
            let frame = try #require(geometry.placement.frames[client.id])
            var route = try #require(geometry.route(NodePair(origin.id, client.id)))
            if client.id > origin.id { route.reverse() }
            // The first cell outside the client, its label's blank column either side included.
            let beside = Rect(x: frame.x - 1, y: frame.y, width: frame.width + 2, height: frame.height)
            let outside = try #require(route.first { !beside.contains($0) })
            let fromBelow = outside.y >= frame.maxY && from.maxY <= frame.y
            #expect(!fromBelow, "\(size): \(client.name) reached from below at \(outside)")
        }
    }

    /// An arrowhead ends its line: whatever the dashes' parity, the cell behind the head
    /// is drawn (a lone "▾" mid-stage read as a stray glyph to play-testers).
    @Test func anArrowheadAlwaysEndsItsLine() {
        let theme = Theme(.full)
        let light = theme.glyphs.light
        let strokes: Set<Character> = [light.horizontal, light.vertical, theme.glyphs.rising, theme.glyphs.falling]
        let peers = (0..<2).map { SceneNode(id: $0, name: "p\($0 + 1)", role: .peer) }
        var heads = 0
        for width in 14...21 {
            for height in [3, 6, 7, 9] {
                let scene = Scene(nodes: peers, packets: [ScenePacket(id: 1, kind: .chunk, from: 0, to: 1, progress: 0.1)], layout: .mesh)
                var canvas = Canvas(width: width, height: height)
                StageRenderer(scene: scene, theme: theme).draw(into: &canvas, rect: canvas.bounds)
                for y in 0..<height {
                    for x in 0..<width where ["▸", "◂", "▴", "▾"].contains(canvas[x, y].text) {
                        heads += 1
                        let beside = (y - 1...y + 1).flatMap { ny in (x - 1...x + 1).map { canvas[$0, ny].text.first ?? " " } }
                        #expect(beside.contains { strokes.contains($0) || $0 == theme.glyph(.chunk) }, "\(width)x\(height):\n\(canvas.text)")
                    }
                }
            }
        }
        #expect(heads > 0)
    }
}
