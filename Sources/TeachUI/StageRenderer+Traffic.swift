import Canvas
import NetSim

/// The links and the messages on them: what the stage draws between the nodes.
extension StageRenderer {
    /// Above this many pairs exchanging messages at once, a grid of cells draws no lines
    /// between them (they would cover it): it marks who sends and who receives instead.
    static let largestGridWeb = 16

    /// The units' captions ("small · 5 clients"), dim, on the rows kept for them; one too
    /// long for its row ends in an ellipsis.
    func drawCaptions(into canvas: inout Canvas, placement: StagePlacement) {
        for caption in placement.captions {
            canvas.put(caption.text, x: caption.frame.x, y: caption.frame.y, style: theme.dim, limit: caption.frame.width,
                       ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// Draws every configured link between nodes on the stage (a busy one stands out, a
    /// cut one or one to a node that is down is drawn dead), and then, for each pair of
    /// nodes exchanging messages, the path the messages take: their link's, or a faint
    /// line of its own where the network lets any node reach any other (or the pair
    /// belongs to a unit whose nodes are all linked). A message between nodes that
    /// cannot reach each other gets no path. Returns each pair's drawn path (the cells
    /// outside the nodes and captions), from the lower id to the higher.
    func drawLinks(into canvas: inout Canvas, geometry: StageGeometry, within rect: Rect) -> [NodePair: [Point]] {
        let placement = geometry.placement
        let walls = placement.walls
        var linkUp: [NodePair: Bool] = [:]
        for link in scene.links { linkUp[NodePair(link.a, link.b)] = link.isUp }
        let lines = lines(on: placement)
        let traffic = lines.standing.isEmpty ? [] : Set(scene.packets.map { NodePair($0.from, $0.to) })
        var paths: [NodePair: [Point]] = [:]
        for pair in lines.standing {
            guard let isUp = linkUp[pair], let route = geometry.route(pair) else { continue }
            let endsUp = scene.node(pair.low)?.isUp != false && scene.node(pair.high)?.isUp != false
            let style = !isUp || !endsUp ? theme.deadLink : traffic.contains(pair) ? theme.busyLink : theme.link
            paths[pair] = canvas.stroke(route, glyphs: theme.glyphs, style: style, skipping: walls)
        }
        for pair in lines.travelling {
            guard let route = geometry.route(pair) else { continue }
            let kinds = scene.packets.filter { NodePair($0.from, $0.to) == pair }
            let style = kinds.first.map { Style(foreground: theme.style($0.kind).foreground, attributes: .dim) } ?? theme.busyLink
            let open = canvas.dash(route, glyphs: theme.glyphs, style: style, skipping: walls)
            paths[pair] = open
            for receiver in Set(kinds.map(\.to)).sorted() {
                drawArrowhead(into: &canvas, path: receiver == pair.high ? open : open.reversed(), style: style)
            }
        }
        return paths
    }

    /// A path in flight ends in an arrowhead at its receiver, so who sends to whom reads
    /// off a still picture: on the last cell before the receiver, pointing along the way
    /// the path comes in (the arrow of a slanting path points along its larger slope).
    private func drawArrowhead(into canvas: inout Canvas, path: [Point], style: Style) {
        guard theme.unicode, path.count >= 3 else { return }
        let head = path[path.count - 1], back = path[max(0, path.count - 3)]
        let dx = head.x - back.x, dy = head.y - back.y
        let glyph: String = abs(dx) >= 2 * abs(dy) ? (dx >= 0 ? "▸" : "◂") : (dy > 0 ? "▾" : "▴")
        canvas.put(glyph, x: head.x, y: head.y, style: style)
    }

    /// The lines the stage draws: the configured links between nodes on it (none in a
    /// grid), then a path for each pair exchanging messages with no line of its own,
    /// where they can reach each other (any node reaches any other, or they are linked
    /// inside a unit that draws no links) and, in a grid, only while few pairs are busy.
    func lines(on placement: StagePlacement) -> (standing: [NodePair], travelling: [NodePair]) {
        let linked = Set(scene.links.map { NodePair($0.a, $0.b) })
        let standing = placement.form == .dot ? [] : placement.drawnLinks.filter(linked.contains)
        let drawn = Set(standing)
        var travelling: Set<NodePair> = []
        for packet in scene.packets {
            let pair = NodePair(packet.from, packet.to)
            guard !drawn.contains(pair), scene.anyReachesAny || linked.contains(pair) else { continue }
            travelling.insert(pair)
            // A busy grid draws no paths at all: no need to count further.
            if placement.form == .dot, travelling.count > Self.largestGridWeb { return (standing, []) }
        }
        return (standing, travelling.sorted())
    }

    /// Draws the messages in flight where their progress puts them on their pair's
    /// path, and says which cell each went to. Messages of one kind between the same
    /// two nodes in the same direction (a swarm's pipelined chunks) are drawn once, at
    /// the one furthest along, with their count beside it in an open cell. Messages keep
    /// to the path's open cells, off the labels. One with no path (its nodes cannot reach
    /// each other) waits beside its sender; one whose path has no open cell marks its
    /// receiver, as in a busy grid.
    func drawPackets(into canvas: inout Canvas, paths: [NodePair: [Point]], placement: StagePlacement) -> [Point: Int] {
        if placement.form == .dot, paths.isEmpty, !scene.packets.isEmpty {
            markEnds(into: &canvas, placement: placement)
            return [:]
        }
        struct Leg: Hashable { var from: Int, to: Int, kind: MessageKind }
        var legs: [Leg: (packet: ScenePacket, count: Int)] = [:]
        var order: [Leg] = []
        for packet in scene.packets {
            let leg = Leg(from: packet.from, to: packet.to, kind: packet.kind)
            if let (leading, count) = legs[leg] {
                legs[leg] = (packet.progress > leading.progress ? packet : leading, count + 1)
            } else {
                legs[leg] = (packet, 1)
                order.append(leg)
            }
        }
        var drawn: [Point: Int] = [:]
        var counts: [(point: Point, count: Int, kind: MessageKind)] = []
        for leg in order {
            let (packet, count) = legs[leg]!
            var path = paths[NodePair(packet.from, packet.to)] ?? []
            if path.isEmpty, let sender = placement.frames[packet.from], let receiver = placement.frames[packet.to] {
                // No way between them: the message stays beside its sender.
                path = Array(LinePath.cells(from: sender.center, to: receiver.center).filter(placement.isOpen).prefix(1))
            } else if packet.from > packet.to {
                path.reverse()
            }
            let open = path.filter(placement.isOpen)
            guard !open.isEmpty else {
                if let frame = placement.frames[packet.to] { canvas.restyle(frame) { $0 = theme.style(packet.kind) } }
                continue
            }
            let progress = min(1, max(0, packet.progress.isFinite ? packet.progress : 0))
            let point = open[Int((progress * Double(open.count - 1)).rounded())]
            var style = theme.style(packet.kind)
            if selection == .packet(packet.id) { style.attributes.insert(.reverse) }
            canvas.put(String(theme.glyph(packet.kind)), x: point.x, y: point.y, style: style)
            drawn[point] = packet.id
            counts.append((point, count, packet.kind))
        }
        // Messages of different pairs that landed on one cell add up there too.
        var total: [Point: (count: Int, kind: MessageKind)] = [:]
        for entry in counts { total[entry.point, default: (0, entry.kind)].count += entry.count }
        for (point, shared) in total.sorted(by: { ($0.key.y, $0.key.x) < ($1.key.y, $1.key.x) }) where shared.count > 1 {
            let mark = shared.count > 9 ? "+" : String(shared.count)
            let around = [(1, 0), (-1, 0), (0, -1), (0, 1)].map { Point(x: point.x + $0.0, y: point.y + $0.1) }
            let beside = around.first { cell in
                canvas.bounds.contains(cell) && placement.isOpen(cell) && total[cell] == nil
            }
            if let beside { canvas.put(mark, x: beside.x, y: beside.y, style: theme.style(shared.kind)) }
        }
        return drawn
    }

    /// A grid too busy for lines: a node receiving something is drawn in the colour of
    /// what it receives, and a node sending in reverse video, so who sends to whom still
    /// shows as activity.
    private func markEnds(into canvas: inout Canvas, placement: StagePlacement) {
        for packet in scene.packets {
            guard let frame = placement.frames[packet.from] else { continue }
            var style = theme.style(packet.kind)
            style.attributes.insert(.reverse)
            canvas.restyle(frame) { $0 = style }
        }
        for packet in scene.packets {
            guard let frame = placement.frames[packet.to] else { continue }
            canvas.restyle(frame) { $0 = theme.style(packet.kind) }
        }
    }
}
