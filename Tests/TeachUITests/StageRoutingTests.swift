import Canvas
import NetSim
import Testing
@testable import TeachUI

/// Lines and the messages on them never pass through a node they do not join, stay
/// visible at every size, and keep off the labels and the stage's frame.
@Suite struct StageRoutingTests {
    /// The mail lesson's network: four servers in the middle, each with its own client.
    private let mail: [SceneNode] = [
        SceneNode(id: 0, name: "web", role: .server), SceneNode(id: 1, name: "mail-a", role: .server),
        SceneNode(id: 2, name: "mail-b", role: .server), SceneNode(id: 3, name: "db", role: .server),
        SceneNode(id: 4, name: "shop", role: .client), SceneNode(id: 5, name: "bob", role: .client),
        SceneNode(id: 6, name: "alice", role: .client), SceneNode(id: 7, name: "browser", role: .client),
    ]
    private let mailLinks = [(7, 0), (6, 1), (1, 2), (5, 2), (4, 3)].map { SceneLink(a: $0.0, b: $0.1) }

    /// A server and a tracker in the middle, the server's clients and the tracker's peers around.
    private let swarm: [SceneNode] = [
        SceneNode(id: 0, name: "server", role: .server), SceneNode(id: 1, name: "seed", role: .peer),
        SceneNode(id: 2, name: "tracker", role: .tracker),
    ] + (1...6).map { SceneNode(id: 2 + $0, name: "c\($0)", role: .client) }
        + (1...6).map { SceneNode(id: 8 + $0, name: "p\($0)", role: .peer) }

    private static let stages = [(94, 31, true), (94, 31, false), (58, 17, false), (46, 12, false)]

    private func draw(_ scene: Scene, width: Int, height: Int, roomy: Bool) -> (canvas: Canvas, hits: StageHits) {
        var canvas = Canvas(width: width, height: height)
        let hits = StageRenderer(scene: scene, theme: Theme(.full), roomy: roomy).draw(into: &canvas, rect: canvas.bounds)
        return (canvas, hits)
    }

    /// The nodes, other than `a` and `b`, whose frame (or the column either side of it)
    /// the line between `a` and `b` runs through on this placement.
    private func crossed(_ a: Int, _ b: Int, on placement: StagePlacement, within rect: Rect) -> [Int] {
        let frames = placement.frames
        guard let from = frames[a], let to = frames[b] else { return [] }
        let path = LineRouter(around: placement.walls, within: rect).route(from: from.center, to: to.center)
            ?? LinePath.cells(from: from.center, to: to.center)
        return frames.filter { id, frame in
            id != a && id != b && path.contains { Rect(x: frame.x - 1, y: frame.y, width: frame.width + 2, height: frame.height).contains($0) }
        }.map(\.key)
    }

    @Test func noLinkOfTheMailNetworkRunsThroughAnotherServer() {
        let request = ScenePacket(id: 1, kind: .request, from: 5, to: 2, progress: 0.5)
        let scene = Scene(nodes: mail, links: mailLinks, packets: [request], layout: .star)
        for (width, height, roomy) in Self.stages {
            let (canvas, hits) = draw(scene, width: width, height: height, roomy: roomy)
            for link in mailLinks {
                #expect(crossed(link.a, link.b, on: hits.placement, within: canvas.bounds).isEmpty, "\(width)x\(height): \(link)")
            }
            // bob's request is on the stage, and not beside db, which it has nothing to do with.
            let shown = hits.packets.first { $0.value == 1 }?.key
            #expect(shown != nil, "\(width)x\(height)")
            if let shown, let db = hits.placement.frames[3] {
                #expect(!Rect(x: db.x - 2, y: db.y, width: db.width + 4, height: db.height).contains(shown), "\(width)x\(height)")
            }
        }
    }

    @Test func theServersFilesDoNotPassThroughTheTracker() {
        let files = (1...6).map { ScenePacket(id: $0, kind: .file, from: 0, to: 2 + $0, progress: 0.1) }
        let scene = Scene(nodes: swarm, packets: files, layout: .mesh)
        for (width, height, roomy) in Self.stages {
            let (canvas, hits) = draw(scene, width: width, height: height, roomy: roomy)
            for client in 3...8 {
                #expect(crossed(0, client, on: hits.placement, within: canvas.bounds).isEmpty, "\(width)x\(height): c\(client - 2)")
            }
            #expect(!canvas.text.contains("▬◈") && !canvas.text.contains("▬2◈"), "\(width)x\(height)\n\(canvas.text)")
            // Each file is on its line, or (where the client sits right against the
            // server, with no cell between) marks its receiver in its colour.
            for file in files where !hits.packets.values.contains(file.id) {
                let receiver = hits.placement.frames[file.to]!
                #expect(canvas[receiver.x, receiver.y].style == Theme(.full).style(.file), "\(width)x\(height)\n\(canvas.text)")
            }
        }
    }

    @Test func theMailNetworkAtItsSmallestKeepsRoomForAMessageOnEachLink() {
        // At 46x12 each server's star gets a narrow region; alice's request to mail-a
        // still has cells of its own on their link.
        let request = ScenePacket(id: 1, kind: .request, from: 6, to: 1, progress: 0.5)
        let (canvas, hits) = draw(Scene(nodes: mail, links: mailLinks, packets: [request], layout: .star), width: 46, height: 12, roomy: false)
        #expect(hits.packets.values.contains(1), "\(canvas.text)")
    }

    @Test func aMessageWithNoRoomOnItsLineMarksItsReceiver() {
        // Two rows: the labels sit one above the other and the line between them has no
        // cell of its own.
        let nodes = [SceneNode(id: 0, name: "a", role: .peer), SceneNode(id: 1, name: "b", role: .peer)]
        let scene = Scene(nodes: nodes, links: [SceneLink(a: 0, b: 1)],
                          packets: [ScenePacket(id: 1, kind: .chunk, from: 0, to: 1, progress: 0.5)], layout: .ring)
        var canvas = Canvas(width: 7, height: 2)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: canvas.bounds)
        guard let receiver = hits.placement.frames[1] else { Issue.record("b not placed"); return }
        #expect(hits.packets.isEmpty)
        #expect(canvas[receiver.x, receiver.y].style == Theme(.full).style(.chunk))
    }

    @Test func countsAndMessagesKeepOffTheLabels() {
        let nodes = [SceneNode(id: 0, name: "small", role: .server), SceneNode(id: 1, name: "large", role: .server)]
            + (1...25).map { SceneNode(id: 1 + $0, name: $0 <= 5 ? "a\($0)" : "c\($0 - 5)", role: .client) }
        for progress in [0.0, 0.05, 0.1] {
            // Four files leaving large together for each client of the left half.
            let files = (16...25).flatMap { client in
                (0..<4).map { ScenePacket(id: client * 10 + $0, kind: .file, from: 1, to: client + 1, progress: progress) }
            }
            let (canvas, _) = draw(Scene(nodes: nodes, packets: files, layout: .star), width: 58, height: 17, roomy: false)
            for name in ["▦ small", "▦ large"] {
                for row in canvas.text.split(separator: "\n") {
                    guard let range = row.range(of: name) else { continue }
                    let before = range.lowerBound == row.startIndex ? " " : row[row.index(before: range.lowerBound)]
                    let after = range.upperBound == row.endIndex ? " " : row[range.upperBound]
                    #expect(!"▬0123456789+".contains(before) && !"▬0123456789+".contains(after), "\(progress): \(row)")
                }
            }
        }
    }

    @Test func boxesKeepAColumnOffTheStageFrame() {
        let nodes = [SceneNode(id: 0, name: "files", role: .server)]
            + ["ana", "ben", "cleo", "guest"].enumerated().map { SceneNode(id: $0.offset + 1, name: $0.element, role: .client) }
        let links = (1...4).map { SceneLink(a: 0, b: $0) }
        for (width, height, roomy) in Self.stages {
            let (canvas, hits) = draw(Scene(nodes: nodes, links: links, layout: .star), width: width, height: height, roomy: roomy)
            #expect(hits.placement.form != .compact && hits.placement.form != .dot)
            #expect(hits.placement.frames.values.allSatisfy { $0.x >= 1 && $0.maxX <= width - 1 }, "\(width)x\(height)\n\(canvas.text)")
        }
    }
}
