import Canvas
import NetSim

extension StageRenderer {
    /// Cells a one-line label keeps after its name for a mark, inside its frame
    /// (`StageLayout.size`): its first mark, else the sending arrow (a box shows them all,
    /// and how many it sends). Each cell more made rows of labels too tight for their
    /// lines: at 80x24 hybrids fell back to its grid with two.
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
            // The node's first mark, else the arrow of what it sends.
            let sending: StageMark? = node.sending > 0 && node.isUp ? .sending : nil
            guard let shown = node.marks.first ?? sending else { return }
            put(.mark(shown), at: Point(x: frame.maxX - Self.markSlot, y: frame.y), into: &canvas, ink: &ink)
        }
    }

    private func put(_ symbol: StageSymbol, at point: Point, into canvas: inout Canvas, ink: inout StageInk) {
        canvas.put(String(theme.glyph(symbol)), x: point.x, y: point.y, style: theme.style(symbol))
        ink.insert(symbol)
    }
}
