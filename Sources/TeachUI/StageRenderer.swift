import Canvas
import NetSim

/// What is singled out on the stage: a node or a message in flight.
enum Selection: Hashable, Sendable {
    case node(Int)
    case packet(Int)
}

/// Where things ended up on a drawn stage, for finding what a mouse click hit.
struct StageHits {
    var placement: StagePlacement
    /// The cell each message in flight was drawn at (the last drawn wins a shared cell).
    var packets: [Point: Int]
    /// What the glyphs drawn mean, for the legend: exactly those on the stage now.
    var legend = StageLegend()

    /// The message or node drawn at a cell; messages first, as they are drawn on top.
    func selection(at point: Point) -> Selection? {
        if let packet = packets[point] { return .packet(packet) }
        return placement.node(at: point).map { .node($0) }
    }
}

/// Draws a scene into a rectangle: links first, then nodes on top, then the messages
/// in flight at their positions along the links.
struct StageRenderer {
    let scene: Scene
    let theme: Theme
    var selection: Selection?
    /// Presenting: large node boxes where they fit.
    var roomy = false

    /// Draws the stage and says where everything went (for hit testing and tests).
    @discardableResult
    func draw(into canvas: inout Canvas, rect: Rect) -> StageHits {
        let geometry = scene.geometry(in: rect, roomy: roomy)
        let placement = geometry.placement
        var ink = StageInk()
        drawCaptions(into: &canvas, placement: placement)
        let lines = lines(on: geometry)
        let (paths, heads) = drawLinks(into: &canvas, geometry: geometry, lines: lines)
        drawCalls(into: &canvas, geometry: geometry, paths: paths, ink: &ink)
        for node in scene.nodes {
            guard let frame = placement.frames[node.id] else { continue }
            drawNode(node, frame: frame, placement: placement, into: &canvas, ink: &ink)
            drawMarks(of: node, frame: frame, placement: placement, within: rect, into: &canvas, ink: &ink)
        }
        let drawn = drawPackets(into: &canvas, paths: paths, placement: placement, leftOut: lines.leftOut)
        var packets = drawn.inFlight
        var arrived = drawn.arrived
        if placement.form == .dot, paths.isEmpty {
            // A grid too busy for lines shows a message as its ends' colours, no glyph of its own.
            for packet in scene.packets where placement.frames[packet.to] != nil { ink.insert(.message(packet.kind)) }
        } else {
            // Cut marks go over any message there, so the legend's cut is always in sight;
            // a message under one is hidden, and so is one under a later message.
            let cuts = markCuts(into: &canvas, paths: paths, placement: placement)
            if !cuts.isEmpty {
                ink.insert(.mark(.cut))
                packets = packets.filter { !cuts.contains($0.key) }
                arrived = arrived.filter { !cuts.contains($0.key) }
            }
            for kind in arrived.values { ink.insert(.message(kind)) }
            // Only messages drawn as glyphs: one with no open cell on its path only tints
            // its receiver, which needs no legend of its own.
            noteMessages(packets, on: canvas, placement: placement, ink: &ink)
        }
        // Heads a message or a mark was drawn over are gone: the legend names those left.
        ink.heads = heads.contains { Self.arrowheads.contains(canvas[$0.x, $0.y].text) }
        // Messages on paths left out, or on a path with no cell to show them in, are not
        // seen travelling: the stage says how many of those in flight it draws, and why.
        let crossing = scene.packets.count { !$0.arrived && lines.leftOut.contains(NodePair($0.from, $0.to)) }
        if drawn.unseen + crossing > 0 {
            let inFlight = scene.packets.count { !$0.arrived }
            let shown = inFlight - drawn.unseen - crossing
            if !noteLeftOut(Self.leftOutNotes(shown, of: inFlight, crossing: crossing > 0), into: &canvas, rect: rect, placement: placement) {
                ink.leftOut = (shown, inFlight, crossing > 0)
            }
        }
        ink.shades = placement.form == .dot && scene.nodes.contains { $0.share != nil && placement.frames[$0.id] != nil }
        var legend = legend(ink)
        if scene.anyReachesAny, scene.links.isEmpty, placement.drawnLinks.isEmpty,
           scene.nodes.count(where: { $0.swarmRole != nil || $0.role == .peer }) > 1 {
            // No line stands for a link here, and any peer sends to any other straight: say
            // why the stage has no lines, or, while messages draw their paths, what those
            // lines are. Said only of peers: clients round a server talk to it alone, and a
            // star that said "any node reaches any other" looked wrong.
            legend.cast.append(lines.travelling.isEmpty
                ? LegendEntry(glyphs: "", style: theme.dim, title: Self.noLines, shorter: Self.noLinesShorter)
                : LegendEntry(glyphs: "", style: theme.dim, title: Self.travellingLines, shorter: Self.travellingLinesShorter))
        } else if lines.direct, !lines.standing.isEmpty {
            let dash = String(theme.glyphs.light.horizontal)
            legend.cast.append(LegendEntry(glyphs: dash + " " + dash, style: theme.dim, title: Self.directPath[0],
                                           shorter: Array(Self.directPath.dropFirst())))
        }
        return StageHits(placement: placement, packets: packets, legend: legend)
    }

    /// What the stage says when it leaves messages in flight out, longest first: how many
    /// it draws of how many, and, when paths were left out so as not to cross the others,
    /// why (play-test: "16 of 29 in flight shown" read as a riddle). The help (`?`)
    /// explains the short form.
    static func leftOutNotes(_ shown: Int, of inFlight: Int, crossing: Bool) -> [String] {
        let why = crossing ? ": the rest would cross" : ""
        return ["\(shown) of \(inFlight) messages drawn\(why)", "\(shown) of \(inFlight) drawn\(why)", "\(shown) of \(inFlight) drawn"]
    }

    /// Says how many of the messages in flight a busy stage draws, in a corner of the
    /// stage (the bottom right, else the top right) where nothing is drawn, in the
    /// longest of `notes` that fits; false when none fits (the legend says it then).
    private func noteLeftOut(_ notes: [String], into canvas: inout Canvas, rect: Rect, placement: StagePlacement) -> Bool {
        for note in notes.map({ " \($0) " }) {
            let width = DisplayWidth.of(note)
            for y in [rect.maxY - 1, rect.y] {
                let cells = (rect.maxX - width..<rect.maxX).map { Point(x: $0, y: y) }
                guard width < rect.width, cells.allSatisfy({ canvas.bounds.contains($0) && placement.isOpen($0) && canvas[$0.x, $0.y].text == " " })
                else { continue }
                canvas.put(note, x: rect.maxX - width, y: y, style: theme.dim)
                return true
            }
        }
        return false
    }

    /// Records the messages drawn as glyphs, and a count set right after one (in the
    /// message's style): the topmost, leftmost one, so the legend does not depend on the
    /// order the messages are visited in.
    private func noteMessages(_ packets: [Point: Int], on canvas: Canvas, placement: StagePlacement, ink: inout StageInk) {
        guard !packets.isEmpty else { return }
        var kinds: [Int: MessageKind] = [:]
        for packet in scene.packets { kinds[packet.id] = packet.kind }
        var first: (point: Point, kind: MessageKind, text: String)?
        for (point, id) in packets {
            guard let kind = kinds[id] else { continue }
            ink.insert(.message(kind))
            if let first, (first.point.y, first.point.x) < (point.y, point.x) { continue }
            let cell = Point(x: point.x + 1, y: point.y)
            guard canvas.bounds.contains(cell), placement.isOpen(cell), packets[cell] == nil else { continue }
            let drawn = canvas[cell.x, cell.y]
            if drawn.style == theme.style(kind), drawn.text == "+" || drawn.text.first.map({ ("2"..."9").contains($0) }) == true {
                first = (point, kind, drawn.text)
            }
        }
        ink.count = first.map { ($0.kind, $0.text) }
    }

    /// The legend for what was drawn. Along the bottom: what went wrong first (it is what
    /// a lesson is about, and a narrow stage keeps the first entries), then who sends, a
    /// grid's shades, the messages in flight, a count beside them and a server's queue.
    /// Along the top: the nodes' icons (each, even beside a name that says the same: the
    /// legend lists every glyph on screen), the boxes the lesson points at and what lines
    /// mean. Two symbols drawn alike (a refused answer and a refused client) are one entry.
    private func legend(_ ink: StageInk) -> StageLegend {
        func entries(_ candidates: [StageSymbol]) -> [LegendEntry] {
            var entries: [LegendEntry] = []
            for symbol in candidates where ink.contains(symbol) {
                let look = SymbolLook.of(symbol)
                let entry = LegendEntry(glyphs: String(theme.glyph(symbol)), style: look.style, title: look.word, shorter: look.shorter)
                if !entries.contains(entry) { entries.append(entry) }
            }
            return entries
        }
        var legend = StageLegend()
        legend.cast = entries([.seed] + Role.allCases.map(StageSymbol.role))
        if ink.focus {
            let border = theme.glyphs.heavy
            legend.cast.append(LegendEntry(glyphs: String([border.topLeft, border.horizontal]), style: theme.dim, title: "watch this", shorter: ["watch"]))
        }
        legend.events = entries(StageMark.allCases.filter { $0 != .sending && !$0.isSearch }.map(StageSymbol.mark))
        if let rejected = ink.rejectedCount, let index = legend.events.firstIndex(where: { $0.title == SymbolLook.of(.mark(.rejected)).word }) {
            // "⊠3": the count beside the mark is the chunks that node threw away.
            legend.events[index].glyphs += Self.rejectedCount(rejected)
            legend.events[index].title = "rejected \(rejected) chunk" + (rejected == 1 ? "" : "s")
            legend.events[index].shorter = ["rejected \(rejected)", "rejected"]
        }
        legend.events += searchLegend(ink)
        if ink.shades {
            legend.events.append(LegendEntry(glyphs: String(theme.glyphs.shades), style: .plain, title: "share of the file", shorter: ["share"]))
        }
        legend.events += entries([.mark(.sending)] + MessageKind.allCases.map(StageSymbol.message)).filter { !legend.events.contains($0) }
        if let (drawn, inFlight, crossing) = ink.leftOut {
            // Paths that would cross the others were left out: how many of the messages show.
            let notes = Self.leftOutNotes(drawn, of: inFlight, crossing: crossing)
            legend.events.append(LegendEntry(glyphs: "", style: theme.dim, title: notes[1], shorter: [notes[2], "\(drawn)/\(inFlight) drawn"]))
        }
        if let count = ink.count {
            // "■3 at once" reads as a whole where "■3 3 at once" does not fit.
            legend.events.append(LegendEntry(glyphs: String(theme.glyph(count.kind)) + count.text, style: theme.style(count.kind),
                                             title: count.text == "+" ? "10 or more at once" : "\(count.text) at once",
                                             shorter: count.text == "+" ? ["10+ at once"] : ["at once"]))
        }
        if ink.heads {
            legend.events.append(LegendEntry(glyphs: "▸", style: theme.dim, title: Self.arrowheadWords[0], shorter: Array(Self.arrowheadWords.dropFirst())))
        }
        if let held = ink.held {
            legend.events.append(LegendEntry(glyphs: held, style: theme.style(.mark(.sending)), title: "of the file held", shorter: ["held"]))
        }
        if ink.busy {
            legend.events.append(LegendEntry(glyphs: Self.busy, style: theme.dim, title: "serving a request", shorter: ["serving"]))
        }
        if let waiting = ink.waiting {
            legend.events.append(LegendEntry(glyphs: "+\(waiting)", style: theme.dim, title: "queued"))
        }
        if let sending = ink.sendingCount {
            legend.events.append(LegendEntry(glyphs: String(theme.glyph(.mark(.sending))) + String(sending), style: theme.style(.mark(.sending)),
                                             title: "sending \(sending) at once", shorter: ["\(sending) at once"]))
        }
        return legend
    }

    /// A cut link gets a mark halfway along its path, in a cell of its own; returns the
    /// cells marked.
    private func markCuts(into canvas: inout Canvas, paths: [NodePair: [Point]], placement: StagePlacement) -> Set<Point> {
        var marked: Set<Point> = []
        for link in scene.links where !link.isUp {
            guard let path = paths[NodePair(link.a, link.b)]?.filter(placement.isOpen), !path.isEmpty else { continue }
            let middle = path[path.count / 2]
            canvas.put(String(theme.glyph(.mark(.cut))), x: middle.x, y: middle.y, style: theme.style(.mark(.cut)))
            marked.insert(middle)
        }
        return marked
    }

    /// Draws a node in its frame: its icon and name (its marks and what it is doing are
    /// drawn beside it, `drawMarks`).
    private func drawNode(
        _ node: SceneNode, frame: Rect, placement: StagePlacement, into canvas: inout Canvas, ink: inout StageInk
    ) {
        let form = placement.form
        let selected = selection == .node(node.id)
        let style = theme.style(node, selected: selected)
        let symbol = symbol(for: node)
        var markerStyle = node.swarmRole == .seed ? theme.style(.seed) : style
        if selected { markerStyle.attributes.insert(.reverse) }
        let name = " " + node.name
        switch form {
        case .box, .largeBox:
            var border = style
            border.attributes.remove(.reverse)
            canvas.fill(frame)
            let weight = theme.border(node, selected: selected)
            if weight == .heavy { ink.focus = true }
            canvas.box(frame, weight: weight, glyphs: theme.glyphs, style: border)
            let inset = form == .largeBox ? 3 : 1
            drawIcon(for: node, symbol: symbol, style: markerStyle, at: Point(x: frame.x + inset, y: frame.y + frame.height / 2), into: &canvas, ink: &ink)
            canvas.put(name, x: frame.x + inset + 1, y: frame.y + frame.height / 2, style: style)
        case .dot where frame.width == 1:
            if let mark = node.marks.first {
                // One cell: what went wrong speaks for the node; the grid's caption says what its cells are.
                canvas.put(String(theme.glyph(.mark(mark))), x: frame.x, y: frame.y, style: theme.style(.mark(mark)))
                ink.insert(.mark(mark))
            } else if node.role.isHub || node.share == nil || node.swarmRole == .seed {
                canvas.put(String(theme.glyph(symbol)), x: frame.x, y: frame.y, style: markerStyle)
                ink.insert(symbol)
            } else {
                canvas.put(String(dot(for: node)), x: frame.x, y: frame.y, style: markerStyle)
            }
        case .compact, .dot:
            drawIcon(for: node, symbol: symbol, style: markerStyle, at: Point(x: frame.x, y: frame.y), into: &canvas, ink: &ink)
            canvas.put(name, x: frame.x + 1, y: frame.y, style: style)
        }
    }

    /// What is drawn in front of a node's name: what it does (its part in a swarm, else
    /// its role), whatever is wrong with it. Its marks are drawn beside it
    /// (`drawMarks`), so a marked node still says what kind of node it is.
    private func symbol(for node: SceneNode) -> StageSymbol {
        if node.swarmRole == .seed { return .seed }
        return .role(node.swarmRole == .peer ? .peer : node.role)
    }

    /// In a grid, a peer's cell shows how much of the file it holds.
    private func dot(for node: SceneNode) -> Character {
        let shades = theme.glyphs.shades
        return shades[Self.shade(of: node.share ?? 0, among: shades.count)]
    }

    /// Which of `count` shades, lightest first, stands for a share of the file: the
    /// lightest only for none of it and the darkest only for all of it, so a node with
    /// a few chunks never looks empty and one a chunk short never looks done; the
    /// shades between split the rest evenly.
    static func shade(of share: Double, among count: Int) -> Int {
        guard share > 0 else { return 0 }
        guard share < 1 else { return count - 1 }
        return 1 + min(count - 3, Int((share * Double(count - 2)).rounded(.down)))
    }
}
