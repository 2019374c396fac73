import Canvas
import NetSim

extension StageRenderer {
    /// Cells a one-line label keeps after its name for its marks, inside its frame
    /// (`StageLayout.size`): its first mark, else the sending arrow.
    static let markSlot = 1

    /// A node's marks and what it is sending, drawn beside its icon so that the icon goes
    /// on saying what kind of node it is (every client marked still shows its clients as
    /// clients, and the legend still names them). In a box: marks set into its top border
    /// from the left, as many as fit before the sending badge on the right (`drawNode`).
    /// On a one-line label: in the slot after its name, which is part of its frame, so a
    /// name and its mark read as one with a gap to whatever comes next. A grid's one-cell
    /// node shows its first mark in its place (`drawNode`).
    func drawMarks(
        of node: SceneNode, frame: Rect, placement: StagePlacement, into canvas: inout Canvas, ink: inout StageInk
    ) {
        switch placement.form {
        case .box, .largeBox:
            guard !node.marks.isEmpty else { return }
            let start = frame.x + (placement.form == .largeBox ? 2 : 1)
            var end = frame.maxX - 1
            if node.sending > 0, node.isUp {
                let badge = 1 + (node.sending > 1 ? 1 : 0)
                // The badge is drawn only where it fits (`drawNode`); a cell apart from it.
                if badge <= frame.width - 4 { end = frame.maxX - 2 - badge - 1 }
            }
            for (offset, mark) in node.marks.enumerated() where start + offset < end {
                put(.mark(mark), at: Point(x: start + offset, y: frame.y), into: &canvas, ink: &ink)
            }
        case .compact, .dot:
            guard frame.width > Self.markSlot else { return }
            let slot = Point(x: frame.maxX - Self.markSlot, y: frame.y)
            for (offset, glyph) in slotGlyphs(of: node).prefix(Self.markSlot).enumerated() {
                canvas.put(String(theme.glyph(glyph.symbol)), x: slot.x + offset, y: slot.y, style: theme.style(glyph.symbol))
                if let count = glyph.count, offset + 1 < Self.markSlot {
                    canvas.put(String(count), x: slot.x + offset + 1, y: slot.y, style: theme.style(glyph.symbol))
                }
                ink.insert(glyph.symbol)
            }
        }
    }

    /// What a one-line label's slot shows, most telling first: its marks, and the arrow
    /// of what it sends (with how many, when it has no mark).
    private func slotGlyphs(of node: SceneNode) -> [(symbol: StageSymbol, count: Int?)] {
        var glyphs = node.marks.map { (symbol: StageSymbol.mark($0), count: Int?.none) }
        if node.sending > 0, node.isUp {
            let arrow = (symbol: StageSymbol.mark(.sending), count: node.marks.isEmpty && node.sending > 1 ? min(node.sending, 9) : nil)
            glyphs.insert(arrow, at: min(1, glyphs.count))
        }
        return glyphs
    }

    private func put(_ symbol: StageSymbol, at point: Point, into canvas: inout Canvas, ink: inout StageInk) {
        canvas.put(String(theme.glyph(symbol)), x: point.x, y: point.y, style: theme.style(symbol))
        ink.insert(symbol)
    }
}
