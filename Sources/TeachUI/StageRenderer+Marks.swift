import Canvas
import NetSim

extension StageRenderer {
    /// Cells a one-line label keeps after its name for a mark, inside its frame
    /// (`StageLayout.size`): its first mark, else the sending arrow (a box shows them all,
    /// and how many it sends). Each cell more made rows of labels too tight for their
    /// lines: at 80x24 hybrids fell back to its grid with two.
    static let markSlot = 1

    /// The word a box's label says while its server handles a request.
    static let busy = "busy"

    /// A node's marks and what it is doing, drawn beside its icon so that the icon goes
    /// on saying what kind of node it is (every client marked still shows its clients as
    /// clients, and the legend still names them). A box gets a label of its own outside
    /// it (`boxLabel`): set into its borders, marks and badges read as garbage ("┏!━━━┓",
    /// "┗busy +3┛"). On a one-line label: in the slot after its name, which is part of its
    /// frame, so a name and its mark read as one with a gap to whatever comes next. A
    /// grid's one-cell node shows its first mark in its place (`drawNode`).
    func drawMarks(
        of node: SceneNode, frame: Rect, placement: StagePlacement, within stage: Rect, into canvas: inout Canvas, ink: inout StageInk
    ) {
        switch placement.form {
        case .box, .largeBox:
            drawBoxLabel(of: node, frame: frame, placement: placement, within: stage, into: &canvas, ink: &ink)
        case .compact, .dot:
            guard frame.width > Self.markSlot else { return }
            // The node's first mark, else the arrow of what it sends.
            let sending: StageMark? = node.sending > 0 && node.isUp ? .sending : nil
            guard let shown = node.marks.first ?? sending else { return }
            put(.mark(shown), at: Point(x: frame.maxX - Self.markSlot, y: frame.y), into: &canvas, ink: &ink)
            if shown == .rejected { drawRejectedCount(of: node, after: Point(x: frame.maxX, y: frame.y), placement: placement, within: stage, into: &canvas, ink: &ink) }
        }
        if placement.form == .compact, let held = Self.heldShare(of: node) {
            drawAfterLabel(" " + held, of: frame, style: theme.style(.mark(.sending)), placement: placement, within: stage, into: &canvas) {
                ink.held = ink.held ?? held
            }
        }
    }

    /// How much of the file a peer the lesson points at holds ("34%"), so a step that
    /// waits for it ("until c1 holds about a third") can be followed on the stage; nil
    /// for any other node.
    static func heldShare(of node: SceneNode) -> String? {
        guard node.isHighlighted, node.swarmRole == .peer, let share = node.share else { return nil }
        return "\(Int((share * 100).rounded(.down)))%"
    }

    /// Writes `text` beside a one-line label where those cells are open and empty: right
    /// after it, else under its name, else over it (lines drawn first may take the cells
    /// after it).
    private func drawAfterLabel(
        _ text: String, of frame: Rect, style: Style, placement: StagePlacement, within stage: Rect, into canvas: inout Canvas, noted: () -> Void
    ) {
        let trimmed = String(text.drop { $0 == " " })
        let spots = [(Point(x: frame.maxX, y: frame.y), text), (Point(x: frame.x + 2, y: frame.y + 1), trimmed),
                     (Point(x: frame.x + 2, y: frame.y - 1), trimmed)]
        for (spot, words) in spots {
            let cells = (spot.x..<spot.x + DisplayWidth.of(words)).map { Point(x: $0, y: spot.y) }
            guard cells.allSatisfy({ stage.contains($0) && canvas.bounds.contains($0) && placement.isOpen($0) && canvas[$0.x, $0.y].text == " " })
            else { continue }
            canvas.put(words, x: spot.x, y: spot.y, style: style)
            noted()
            return
        }
    }

    /// How many chunks a node rejected, right after its mark where those cells are empty
    /// ("⊠3"; "+" for ten or more), so a rejection stays readable after the moment it happened.
    private func drawRejectedCount(
        of node: SceneNode, after point: Point, placement: StagePlacement, within stage: Rect, into canvas: inout Canvas, ink: inout StageInk
    ) {
        guard node.rejectedChunks > 1 else { return }
        let text = Self.rejectedCount(node.rejectedChunks)
        let cells = (point.x..<point.x + text.count).map { Point(x: $0, y: point.y) }
        guard cells.allSatisfy({ stage.contains($0) && canvas.bounds.contains($0) && placement.isOpen($0) && canvas[$0.x, $0.y].text == " " })
        else { return }
        canvas.put(text, x: point.x, y: point.y, style: theme.style(.mark(.rejected)))
        if ink.rejectedCount == nil { ink.rejectedCount = node.rejectedChunks }
    }

    /// The count written after a rejected mark: one digit, or "+" for ten or more.
    static func rejectedCount(_ count: Int) -> String { count > 9 ? "+" : String(count) }

    /// One part of a box's label: its text and style, and what the legend says of it.
    private struct LabelPart {
        var text: String
        var style: Style
        var note: (inout StageInk) -> Void
    }

    /// What a box says beside it, most important first: its marks, then "busy" while its
    /// server handles a request, "+3" for the requests waiting behind it, and "↑4" for
    /// what it sends now (a count only above one).
    private func boxLabel(of node: SceneNode) -> [LabelPart] {
        var parts = node.marks.map { mark in
            let count = mark == .rejected && node.rejectedChunks > 1 ? node.rejectedChunks : nil
            return LabelPart(text: String(theme.glyph(.mark(mark))) + (count.map(Self.rejectedCount) ?? ""), style: theme.style(.mark(mark))) { ink in
                ink.insert(.mark(mark))
                if let count, ink.rejectedCount == nil { ink.rejectedCount = count }
            }
        }
        guard node.isUp else { return parts }
        if let held = Self.heldShare(of: node) {
            parts.append(LabelPart(text: held, style: theme.style(.mark(.sending))) { ink in ink.held = ink.held ?? held })
        }
        if node.isWorking { parts.append(LabelPart(text: Self.busy, style: theme.dim) { $0.busy = true }) }
        if node.waiting > 0 {
            let waiting = node.waiting
            parts.append(LabelPart(text: "+\(waiting)", style: theme.dim) { ink in if ink.waiting == nil { ink.waiting = waiting } })
        }
        if node.sending > 0 {
            let count = min(node.sending, 9)
            parts.append(LabelPart(text: String(theme.glyph(.mark(.sending))) + (count > 1 ? String(count) : ""), style: theme.style(.mark(.sending))) { ink in
                ink.insert(.mark(.sending))
                if count > 1, ink.sendingCount == nil { ink.sendingCount = count }
            })
        }
        return parts
    }

    /// Sets a box's label outside it, a cell apart from the box, where every cell it takes
    /// is empty: under the box, else over it, else after it, else before it, inside the
    /// stage.
    /// A label too long for any of those places loses its last parts (the marks come
    /// first); one that fits nowhere is not drawn.
    private func drawBoxLabel(
        of node: SceneNode, frame: Rect, placement: StagePlacement, within stage: Rect, into canvas: inout Canvas, ink: inout StageInk
    ) {
        var parts = boxLabel(of: node)
        let middle = frame.y + frame.height / 2
        func free(_ x: Int, _ y: Int, width: Int) -> Bool {
            (x..<x + width).allSatisfy { cell in
                let point = Point(x: cell, y: y)
                return stage.contains(point) && canvas.bounds.contains(point) && placement.isOpen(point) && canvas[cell, y].text == " "
            }
        }
        while !parts.isEmpty {
            let width = parts.reduce(-1) { $0 + 1 + DisplayWidth.of($1.text) }
            // A label keeps a blank cell on each side, so it never runs into a line or a name.
            let spots = [Point(x: frame.x + 1, y: frame.maxY), Point(x: frame.x + 1, y: frame.y - 1),
                         Point(x: frame.maxX + 1, y: middle), Point(x: frame.x - 1 - width, y: middle)]
            if let spot = spots.first(where: { free($0.x - 1, $0.y, width: width + 2) }) {
                var x = spot.x
                for part in parts {
                    canvas.put(part.text, x: x, y: spot.y, style: part.style)
                    part.note(&ink)
                    x += DisplayWidth.of(part.text) + 1
                }
                return
            }
            parts.removeLast()
        }
    }

    private func put(_ symbol: StageSymbol, at point: Point, into canvas: inout Canvas, ink: inout StageInk) {
        canvas.put(String(theme.glyph(symbol)), x: point.x, y: point.y, style: theme.style(symbol))
        ink.insert(symbol)
    }
}
