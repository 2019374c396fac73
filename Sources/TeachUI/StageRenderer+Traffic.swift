import Canvas
import NetSim

/// The lines a stage draws, and the pairs whose messages it leaves out.
struct StageLines {
    /// Configured links drawn as standing lines.
    var standing: [NodePair]
    /// Pairs exchanging messages with no line of their own, each drawn as a path while
    /// its messages travel.
    var travelling: [NodePair]
    /// Pairs exchanging messages whose paths would cross those drawn: not drawn, nor
    /// their messages (the legend counts them).
    var leftOut: Set<NodePair> = []
    /// Some drawn path joins two nodes with no link between them (a hash table's question
    /// sent straight to a peer in the asker's table): on a stage whose lines are links,
    /// the legend says that a dashed path is none.
    var direct = false
}

/// The links and the messages on them: what the stage draws between the nodes.
extension StageRenderer {
    /// Above this many pairs exchanging messages at once, a grid of cells draws no lines
    /// between them (they would cover it): it marks who sends and who receives instead.
    static let largestGridWeb = 16

    /// Up to this many pairs exchanging messages at once, every path is drawn, crossing
    /// or not.
    static let fewPaths = 4

    /// The legend's words for a dashed path between two nodes with no link, on a stage
    /// whose lines are links, longest first.
    static let directPath = ["sent direct, no link", "direct, no link", "no link"]

    /// The units' captions ("small · 5 clients"), dim, on the rows kept for them, and a
    /// grid's "+N more" beside each block with nodes it has no cell for; one too long for
    /// its row ends in an ellipsis.
    func drawCaptions(into canvas: inout Canvas, placement: StagePlacement) {
        for caption in placement.captions + placement.notes {
            canvas.put(caption.text, x: caption.frame.x, y: caption.frame.y, style: theme.dim, limit: caption.frame.width,
                       ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// The heads that end a message's path, pointing to its receiver.
    static let arrowheads: Set<String> = ["▸", "◂", "▴", "▾"]

    /// The legend's words for an arrowhead, longest first.
    static let arrowheadWords = ["to its receiver", "to receiver", "to"]

    /// Draws every configured link between nodes on the stage (a busy one stands out, a
    /// cut one or one to a node that is down is drawn dead), and then, for each pair of
    /// nodes exchanging messages that `lines` keeps, the path the messages take: their
    /// link's, or a faint line of its own where the network lets any node reach any other
    /// (or the pair belongs to a unit whose nodes are all linked). A message between nodes
    /// that cannot reach each other gets no path. Returns each pair's drawn path (the
    /// cells outside the nodes and captions), from the lower id to the higher, and the
    /// cells of the arrowheads drawn.
    func drawLinks(into canvas: inout Canvas, geometry: StageGeometry, lines: StageLines) -> (paths: [NodePair: [Point]], heads: [Point]) {
        let placement = geometry.placement
        let walls = placement.walls
        var linkUp: [NodePair: Bool] = [:]
        for link in scene.links { linkUp[NodePair(link.a, link.b)] = link.isUp }
        let traffic = lines.standing.isEmpty ? [] : Set(scene.packets.map { NodePair($0.from, $0.to) })
        var paths: [NodePair: [Point]] = [:]
        for pair in lines.standing {
            guard let isUp = linkUp[pair], let route = geometry.route(pair) else { continue }
            let endsUp = scene.node(pair.low)?.isUp != false && scene.node(pair.high)?.isUp != false
            let style = !isUp || !endsUp ? theme.deadLink : traffic.contains(pair) ? theme.busyLink : theme.link
            paths[pair] = canvas.stroke(route, glyphs: theme.glyphs, style: style, skipping: walls)
        }
        var heads: [(path: [Point], style: Style)] = []
        // Clear of one-line labels by a blank cell, so no dash or head touches a mark.
        let clear = placement.pathClearances
        // Dashed where lines stand for links, so a path of the moment is not read as one;
        // whole where none stands, so it can be followed (dashes of a slanting path left
        // "╲   ╲" scattered over a small swarm).
        func trace(_ path: [Point], style: Style) -> [Point] {
            lines.standing.isEmpty
                ? canvas.stroke(path, glyphs: theme.glyphs, style: style, skipping: clear)
                : canvas.dash(path, glyphs: theme.glyphs, style: style, skipping: clear)
        }
        for pair in lines.travelling {
            guard let route = travelRoute(pair, geometry: geometry) else { continue }
            let kinds = scene.packets.filter { NodePair($0.from, $0.to) == pair }
            let style = kinds.first.map { Style(foreground: theme.style($0.kind).foreground, attributes: .dim) } ?? theme.busyLink
            let open: [Point]
            if let ahead = pathAhead(of: kinds, on: route, pair: pair, walls: clear) {
                _ = trace(ahead, style: style)
                open = route.filter { point in !clear.contains { $0.contains(point) } }
            } else {
                open = trace(route, style: style)
            }
            paths[pair] = open
            for receiver in Set(kinds.map(\.to)).sorted() {
                heads.append((receiver == pair.high ? open : open.reversed(), style))
            }
        }
        // Over every path, so that no later path's dashes hide a head and leave its line
        // headless. Paths that end side by side share one head: a row of heads ("▾▾",
        // "◂◂") read as two arrows to two places. Paths end a cell short of labels, so
        // heads to two neighbours can touch too; the first drawn speaks for both.
        var drawnHeads: [Point] = []
        for head in heads {
            guard let end = head.path.last,
                  !drawnHeads.contains(where: { max(abs($0.x - end.x), abs($0.y - end.y)) <= 1 }) else { continue }
            if drawArrowhead(into: &canvas, path: head.path, style: head.style) { drawnHeads.append(end) }
        }
        return (paths, drawnHeads)
    }

    /// The way a message between `pair` is drawn: its route, or, when two labels nearly
    /// touch and the route has no cell clear of them (a client beside its cache at
    /// 80x24), a way through the nearest open cell (`detour`), so the message is seen
    /// between them rather than not at all (play-test: cdn's "0 of 1 in flight shown").
    func travelRoute(_ pair: NodePair, geometry: StageGeometry) -> [Point]? {
        guard let route = geometry.route(pair) else { return nil }
        let placement = geometry.placement
        let clear = placement.pathClearances
        guard placement.form != .dot, !route.contains(where: { cell in placement.isOpen(cell) && !clear.contains { $0.contains(cell) } })
        else { return route }
        return detour(pair, placement: placement, within: geometry.key.rect, clear: clear) ?? route
    }

    /// The farthest a detour's cell may be from the two frames together: beyond that the
    /// labels are not side by side, and the route is what it is.
    static let longestDetour = 6

    /// A way from one node of `pair` to the other through the open cell nearest both
    /// frames (fewest steps to one plus to the other, then the topmost, leftmost): centre
    /// to that cell to centre, from the lower id to the higher. Nil when none is near.
    private func detour(_ pair: NodePair, placement: StagePlacement, within stage: Rect, clear: [Rect]) -> [Point]? {
        guard let a = placement.frames[pair.low], let b = placement.frames[pair.high] else { return nil }
        func steps(_ point: Point, _ frame: Rect) -> Int {
            let dx = max(frame.x - point.x, 0, point.x - (frame.maxX - 1))
            let dy = max(frame.y - point.y, 0, point.y - (frame.maxY - 1))
            return max(dx, dy)
        }
        let reach = Self.longestDetour
        var best: (cost: Int, cell: Point)?
        for y in max(stage.y, min(a.y, b.y) - reach)..<min(stage.maxY, max(a.maxY, b.maxY) + reach) {
            for x in max(stage.x, min(a.x, b.x) - reach)..<min(stage.maxX, max(a.maxX, b.maxX) + reach) {
                let cell = Point(x: x, y: y)
                let cost = steps(cell, a) + steps(cell, b)
                guard cost <= reach, best.map({ cost < $0.cost }) ?? true, placement.isOpen(cell),
                      !clear.contains(where: { $0.contains(cell) }) else { continue }
                best = (cost, cell)
            }
        }
        guard let via = best?.cell else { return nil }
        return LinePath.cells(from: a.center, to: via) + LinePath.cells(from: via, to: b.center).dropFirst()
    }

    /// A connected call is drawn along its two legs, caller to relay and relay to
    /// callee, with the call's glyph on every other cell: its packets flow through the
    /// relay for as long as it lasts, while its set-up messages were drawn only once.
    func drawCalls(into canvas: inout Canvas, geometry: StageGeometry, paths: [NodePair: [Point]], ink: inout StageInk) {
        let placement = geometry.placement
        let style = theme.style(.message(.call))
        for call in scene.calls {
            for leg in [NodePair(call.caller, call.relay), NodePair(call.relay, call.callee)] {
                let route = paths[leg] ?? geometry.route(leg) ?? []
                let open = route.filter { canvas.bounds.contains($0) && placement.isOpen($0) }
                for index in open.indices where index % 2 == 1 {
                    canvas.put(String(theme.glyph(.message(.call))), x: open[index].x, y: open[index].y, style: style)
                    ink.insert(.message(.call))
                }
            }
        }
    }

    /// Messages still travelling from a node that has gone down (their last bits left it
    /// before it did) are drawn on the part of their path ahead of them only: behind them
    /// the path would read as the silent node still talking. The part of `route` from
    /// the rearmost of them to the receiver; nil when a sender on the path is up.
    private func pathAhead(of packets: [ScenePacket], on route: [Point], pair: NodePair, walls: [Rect]) -> [Point]? {
        guard let sender = packets.first?.from, packets.allSatisfy({ $0.from == sender && !$0.arrived }),
              scene.node(sender)?.isUp == false else { return nil }
        let fromSender = sender == pair.low ? route : route.reversed()
        let open = fromSender.indices.filter { index in !walls.contains { $0.contains(fromSender[index]) } }
        guard !open.isEmpty else { return nil }
        let rearmost = packets.map { min(1, max(0, $0.progress.isFinite ? $0.progress : 0)) }.min() ?? 0
        let start = open[Int((rearmost * Double(open.count - 1)).rounded())]
        return Array(fromSender[start...])
    }

    /// A path in flight ends in an arrowhead at its receiver, so who sends to whom reads
    /// off a still picture: on the last cell before the receiver, pointing along the way
    /// the path comes in (the arrow of a slanting path points along its larger slope).
    /// The head is always the end of a line, never a glyph on its own (play-test: a lone
    /// "▾" mid-stage read as a stray mark): the cell behind it is stroked where the dashes
    /// left it blank, and a path that jumps a label just before its end gets no head.
    /// Returns whether it drew one.
    @discardableResult
    private func drawArrowhead(into canvas: inout Canvas, path: [Point], style: Style) -> Bool {
        guard theme.unicode, path.count >= 3 else { return false }
        let head = path[path.count - 1], behind = path[path.count - 2], back = path[path.count - 3]
        guard max(abs(head.x - behind.x), abs(head.y - behind.y)) == 1 else { return false }
        let dx = head.x - back.x, dy = head.y - back.y
        let glyph: String = abs(dx) >= 2 * abs(dy) ? (dx >= 0 ? "▸" : "◂") : (dy > 0 ? "▾" : "▴")
        if canvas[behind.x, behind.y].text == " " {
            let stroke = LinePath.strokes(for: [behind, head], glyphs: theme.glyphs)[0]
            canvas.put(String(stroke), x: behind.x, y: behind.y, style: style)
        }
        canvas.put(glyph, x: head.x, y: head.y, style: style)
        return true
    }

    /// The lines the stage draws: the configured links between nodes on it (none in a
    /// grid), then a path for each pair exchanging messages with no line of its own,
    /// where they can reach each other (any node reaches any other, or they are linked
    /// inside a unit that draws no links) and, in a grid, only while few pairs are busy.
    /// Of those paths only the ones that cross no other are kept (see `untangled`); the
    /// messages on the others are left out, and counted.
    func lines(on geometry: StageGeometry) -> StageLines {
        let placement = geometry.placement
        let linked = Set(scene.links.map { NodePair($0.a, $0.b) })
        let standing = placement.form == .dot ? [] : placement.drawnLinks.filter(linked.contains)
        let drawn = Set(standing)
        var travelling: Set<NodePair> = []
        for packet in scene.packets {
            let pair = NodePair(packet.from, packet.to)
            guard !drawn.contains(pair), scene.anyReachesAny || linked.contains(pair) else { continue }
            travelling.insert(pair)
            // A busy grid draws no paths at all: no need to count further.
            if placement.form == .dot, travelling.count > Self.largestGridWeb { return StageLines(standing: standing, travelling: []) }
        }
        let kept = untangled(travelling, geometry: geometry)
        return StageLines(standing: standing, travelling: kept.sorted(), leftOut: travelling.subtracting(kept),
                          direct: kept.contains { !linked.contains($0) })
    }

    /// The paths of messages that can all be drawn at once without crossing, when more
    /// than `fewPaths` are under way: a few crossing paths can be followed, but a busy
    /// swarm with a line for every chunk is a tangle nobody can follow. Paths that meet only
    /// beside a node they both end at do not cross. The oldest exchange of each sender
    /// comes first (so everyone uploading shows a line), senders in the order they began,
    /// then every other exchange, oldest first; a path that would cross one already kept
    /// is left out. Before all of them come the exchanges a lesson is about: a corrupt
    /// chunk or a refusal on its way, and those of a node the lesson points at
    /// (p2p-security's mallory: drawn after every honest peer's, her sends were the ones
    /// left out). Ages are the messages' ids, so the same messages in flight always
    /// keep the same paths, and a path stays drawn while its messages travel.
    private func untangled(_ pairs: Set<NodePair>, geometry: StageGeometry) -> Set<NodePair> {
        guard pairs.count > Self.fewPaths else { return pairs }
        var oldest: [NodePair: (id: Int, from: Int)] = [:]
        for packet in scene.packets {
            let pair = NodePair(packet.from, packet.to)
            guard pairs.contains(pair) else { continue }
            if let known = oldest[pair], known.id < packet.id { continue }
            oldest[pair] = (packet.id, packet.from)
        }
        let byAge = pairs.sorted { (oldest[$0]!.id, $0) < (oldest[$1]!.id, $1) }
        var firstOfSender: [NodePair] = []
        var senders: Set<Int> = []
        for pair in byAge where senders.insert(oldest[pair]!.from).inserted { firstOfSender.append(pair) }
        let highlighted = Set(scene.nodes.filter(\.isHighlighted).map(\.id))
        let wrong = Set(scene.packets.filter { $0.kind == .corruptChunk || $0.kind == .refused }.map { NodePair($0.from, $0.to) })
        let pointedAt = byAge.filter { wrong.contains($0) } + byAge.filter { highlighted.contains($0.low) || highlighted.contains($0.high) }
        let placement = geometry.placement
        func near(_ node: Int) -> Rect? {
            placement.frames[node].map { Rect(x: $0.x - 2, y: $0.y - 1, width: $0.width + 4, height: $0.height + 2) }
        }
        var taken: [Point: [NodePair]] = [:]
        var kept: Set<NodePair> = []
        for pair in pointedAt + firstOfSender + byAge where !kept.contains(pair) {
            guard let route = travelRoute(pair, geometry: geometry) else { continue }
            let crosses = route.contains { cell in
                (taken[cell] ?? []).contains { other in
                    // Sharing a cell beside a node both paths end at is converging, not crossing.
                    let shared = [pair.low, pair.high].filter { $0 == other.low || $0 == other.high }
                    return !shared.contains { near($0)?.contains(cell) == true }
                } || Self.besides(cell).contains { beside in
                    // Running right beside a path with no end in common is crossing it too:
                    // two lines a cell apart read as one tangle. (Paths to one node
                    // converge on it side by side.)
                    (taken[beside] ?? []).contains { other in
                        other.low != pair.low && other.low != pair.high && other.high != pair.low && other.high != pair.high
                    }
                }
            }
            guard !crosses else { continue }
            kept.insert(pair)
            for cell in route { taken[cell, default: []].append(pair) }
        }
        return kept
    }

    /// A cell and the eight around it.
    private static func besides(_ cell: Point) -> [Point] {
        (-1...1).flatMap { dy in (-1...1).map { dx in Point(x: cell.x + dx, y: cell.y + dy) } }
    }

    /// Draws the messages in flight where their progress puts them on their pair's
    /// path, and says which cell each went to. Messages of one kind between the same
    /// two nodes in the same direction (a swarm's pipelined chunks) are drawn once, at
    /// the one furthest along, with their count right after it ("■3") in an open cell.
    /// Messages keep to the path's open cells, off the labels and their marks. One with no
    /// way between its nodes (no link joins them) is not drawn: it never leaves its
    /// sender, which is marked for it (`StageMark.noLink`). One whose path has no open cell marks its
    /// receiver, as in a busy grid; one on a path left out is not drawn. A message that
    /// has just arrived is drawn at the end of its path and its receiver takes its colour
    /// for the moment (it is not selectable: it is no longer in flight). `unseen` counts
    /// the messages in flight drawn nowhere because their path had no open cell (two
    /// labels side by side), so the stage can say how many of them it shows.
    func drawPackets(
        into canvas: inout Canvas, paths: [NodePair: [Point]], placement: StagePlacement, leftOut: Set<NodePair>
    ) -> (inFlight: [Point: Int], arrived: [Point: MessageKind], unseen: Int) {
        if placement.form == .dot, paths.isEmpty, !scene.packets.isEmpty {
            markEnds(into: &canvas, placement: placement)
            return ([:], [:], 0)
        }
        struct Leg: Hashable { var from: Int, to: Int, kind: MessageKind, arrived: Bool }
        var legs: [Leg: (packet: ScenePacket, count: Int)] = [:]
        var order: [Leg] = []
        // Arrivals first: a message still in flight is drawn over one that has arrived.
        let packets = scene.packets.filter(\.arrived) + scene.packets.filter { !$0.arrived }
        for packet in packets where !leftOut.contains(NodePair(packet.from, packet.to)) {
            let leg = Leg(from: packet.from, to: packet.to, kind: packet.kind, arrived: packet.arrived)
            if let (leading, count) = legs[leg] {
                legs[leg] = (packet.progress > leading.progress ? packet : leading, count + 1)
            } else {
                legs[leg] = (packet, 1)
                order.append(leg)
            }
        }
        func isFree(_ cell: Point) -> Bool {
            canvas.bounds.contains(cell) && placement.isOpen(cell)
        }
        var drawn: [Point: Int] = [:]
        var arrived: [Point: MessageKind] = [:]
        var glyphs: Set<Point> = []
        var counts: [(point: Point, count: Int, kind: MessageKind)] = []
        var unseen = 0
        for leg in order {
            let (packet, count) = legs[leg]!
            var path = paths[NodePair(packet.from, packet.to)] ?? []
            // No way between them: the message never leaves its sender, whose mark says so.
            if path.isEmpty, !scene.anyReachesAny, !scene.links.contains(where: { NodePair($0.a, $0.b) == NodePair(packet.from, packet.to) }) {
                continue
            }
            if packet.from > packet.to { path.reverse() }
            let open = path.filter(isFree)
            if packet.arrived || open.isEmpty, let frame = placement.frames[packet.to] {
                canvas.restyle(frame) { $0 = theme.style(packet.kind) }
            }
            guard !open.isEmpty else {
                if !packet.arrived { unseen += count }
                continue
            }
            let progress = packet.arrived ? 1 : min(1, max(0, packet.progress.isFinite ? packet.progress : 0))
            var index = Int((progress * Double(open.count - 1)).rounded())
            if count > 1 {
                // The count goes right after the glyph: the nearest cell along the path
                // with room for it, nearer the receiver first.
                let room = open.indices.filter { isFree(Point(x: open[$0].x + 1, y: open[$0].y)) }
                index = room.min { (abs($0 - index), -$0) < (abs($1 - index), -$1) } ?? index
            }
            let point = open[index]
            var style = theme.style(packet.kind)
            if selection == .packet(packet.id) { style.attributes.insert(.reverse) }
            canvas.put(String(theme.glyph(packet.kind)), x: point.x, y: point.y, style: style)
            glyphs.insert(point)
            if packet.arrived {
                arrived[point] = packet.kind
            } else {
                arrived[point] = nil
                drawn[point] = packet.id
                counts.append((point, count, packet.kind))
            }
        }
        // Messages of different pairs that landed on one cell add up there too.
        var total: [Point: (count: Int, kind: MessageKind)] = [:]
        for entry in counts { total[entry.point, default: (0, entry.kind)].count += entry.count }
        for (point, shared) in total.sorted(by: { ($0.key.y, $0.key.x) < ($1.key.y, $1.key.x) }) where shared.count > 1 {
            let beside = Point(x: point.x + 1, y: point.y)
            guard isFree(beside), !glyphs.contains(beside) else { continue }
            canvas.put(shared.count > 9 ? "+" : String(shared.count), x: beside.x, y: beside.y, style: theme.style(shared.kind))
        }
        return (drawn, arrived, unseen)
    }

    /// A grid too busy for lines: a node receiving something is drawn in the colour of
    /// what it receives, and a node sending in reverse video, so who sends to whom still
    /// shows as activity.
    /// A restyle covers the node's whole box, so only its last packet shows: each box is
    /// restyled once, for that packet, in the order of those last packets (where boxes
    /// overlap, the later packet's still wins).
    private func markEnds(into canvas: inout Canvas, placement: StagePlacement) {
        for packet in Self.lastPackets(scene.packets, end: { $0.from }) {
            guard let frame = placement.frames[packet.from] else { continue }
            var style = theme.style(packet.kind)
            style.attributes.insert(.reverse)
            canvas.restyle(frame) { $0 = style }
        }
        for packet in Self.lastPackets(scene.packets, end: { $0.to }) {
            guard let frame = placement.frames[packet.to] else { continue }
            let style = theme.style(packet.kind)
            canvas.restyle(frame) { $0 = style }
        }
    }

    /// The last of `packets` at each node `end` gives, in their order.
    private static func lastPackets(_ packets: [ScenePacket], end: (ScenePacket) -> Int) -> [ScenePacket] {
        var seen = Array(repeating: false, count: packets.reduce(0) { max($0, end($1)) } + 1)
        var last: [ScenePacket] = []
        for packet in packets.reversed() where !seen[end(packet)] {
            seen[end(packet)] = true
            last.append(packet)
        }
        return last.reversed()
    }
}
