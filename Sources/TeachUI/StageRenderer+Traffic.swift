import Canvas
import NetSim

/// The links and the messages on them: what the stage draws between the nodes.
extension StageRenderer {
    /// An undirected pair of node ids, smaller first.
    struct Pair: Hashable {
        let low: Int, high: Int
        init(_ a: Int, _ b: Int) { (low, high) = a < b ? (a, b) : (b, a) }
    }

    /// Above this many pairs talking without a link (a busy swarm), their lines are not
    /// drawn: the messages still travel the same paths, and stay visible.
    static let largestTrafficWeb = 6

    /// Draws every configured link, and a faint line for every pair that exchanges
    /// messages without one (peers that reach each other across the internet), unless
    /// there are so many that the lines would hide the messages. A busy configured link
    /// stands out. Lines go around the other nodes. Returns each pair's path (the cells
    /// outside the nodes), from the lower id to the higher.
    func drawLinks(into canvas: inout Canvas, placement: StagePlacement, within rect: Rect) -> [Pair: [Point]] {
        var traffic: Set<Pair> = []
        for packet in scene.packets { traffic.insert(Pair(packet.from, packet.to)) }
        var links: [Pair: Bool] = [:]
        for link in scene.links { links[Pair(link.a, link.b)] = link.isUp }
        // Small protocol chatter gets no path of its own: in a swarm it would hide the chunks.
        var unlinked: Set<Pair> = []
        for packet in scene.packets where packet.kind != .control && links[Pair(packet.from, packet.to)] == nil {
            unlinked.insert(Pair(packet.from, packet.to))
        }
        let drawsTraffic = unlinked.count <= Self.largestTrafficWeb

        let frames = placement.boxes
        let router = LineRouter(around: frames, within: rect)
        var paths: [Pair: [Point]] = [:]
        for pair in (Array(links.keys) + unlinked).sorted(by: { ($0.low, $0.high) < ($1.low, $1.high) }) {
            guard let a = placement.frames[pair.low], let b = placement.frames[pair.high] else { continue }
            let path = router.route(from: a.center, to: b.center) ?? LinePath.cells(from: a.center, to: b.center)
            guard let isUp = links[pair] else {
                paths[pair] = drawsTraffic
                    ? canvas.stroke(path, glyphs: theme.glyphs, style: theme.link, skipping: frames)
                    : path.filter { point in !frames.contains { $0.contains(point) } }
                continue
            }
            let endsUp = scene.node(pair.low)?.isUp != false && scene.node(pair.high)?.isUp != false
            let style = !isUp || !endsUp ? theme.deadLink : traffic.contains(pair) ? theme.busyLink : theme.link
            paths[pair] = canvas.stroke(path, glyphs: theme.glyphs, style: style, skipping: frames)
        }
        return paths
    }

    /// Draws each message in flight where its progress puts it on its pair's path, and
    /// says which cell each went to. Messages keep to the path's open cells, off the
    /// node labels; one whose path has no cell at all marks its receiver instead, as in
    /// a grid. Messages sharing a cell (three photos leaving together on one link) would
    /// look like one, so their count is written beside the glyph, in an open cell.
    func drawPackets(into canvas: inout Canvas, paths: [Pair: [Point]], placement: StagePlacement) -> [Point: Int] {
        var drawn: [Point: Int] = [:]
        var counts: [Point: (count: Int, kind: MessageKind)] = [:]
        for packet in scene.packets {
            guard var path = paths[Pair(packet.from, packet.to)], !path.isEmpty else {
                if let frame = placement.frames[packet.to] { canvas.restyle(frame) { $0 = theme.style(packet.kind) } }
                continue
            }
            if packet.from > packet.to { path.reverse() }
            let open = path.filter(placement.isOpen)
            if !open.isEmpty { path = open }
            let progress = min(1, max(0, packet.progress.isFinite ? packet.progress : 0))
            let point = path[Int((progress * Double(path.count - 1)).rounded())]
            var style = theme.style(packet.kind)
            if selection == .packet(packet.id) { style.attributes.insert(.reverse) }
            canvas.put(String(theme.glyph(packet.kind)), x: point.x, y: point.y, style: style)
            drawn[point] = packet.id
            counts[point, default: (0, packet.kind)].count += 1
        }
        for (point, shared) in counts.sorted(by: { ($0.key.y, $0.key.x) < ($1.key.y, $1.key.x) }) where shared.count > 1 {
            let mark = shared.count > 9 ? "+" : String(shared.count)
            let around = [(1, 0), (-1, 0), (0, -1), (0, 1)].map { Point(x: point.x + $0.0, y: point.y + $0.1) }
            let beside = around.first { cell in
                canvas.bounds.contains(cell) && placement.isOpen(cell) && counts[cell] == nil
            }
            if let beside { canvas.put(mark, x: beside.x, y: beside.y, style: theme.style(shared.kind)) }
        }
        return drawn
    }

    /// A grid has no room for links: a node receiving something is drawn in the
    /// colour of what it receives, so traffic still shows as activity.
    func markReceivers(into canvas: inout Canvas, placement: StagePlacement) {
        for packet in scene.packets {
            guard let frame = placement.frames[packet.to] else { continue }
            canvas.restyle(frame) { $0 = theme.style(packet.kind) }
        }
    }
}
