import Canvas
import NetSim

extension StageRenderer {
    /// A node's marks, drawn beside its icon so that the icon goes on saying what kind of
    /// node it is (every client marked still shows its clients as clients, and the legend
    /// still names them). In a box: set into its top border from the left, as many as fit
    /// before the sending badge on the right. On a one-line label: the first mark, in the
    /// cell before the label when it is blank and no other node's label ends there (a
    /// line's arrowhead there stays), else in the space between icon and name; a search's
    /// holder with another mark too keeps its star in the cell after the label when that
    /// is blank. A grid's one-cell node shows its first mark in its place (`drawNode`).
    func drawMarks(
        of node: SceneNode, frame: Rect, placement: StagePlacement, within rect: Rect, into canvas: inout Canvas, ink: inout StageInk
    ) {
        guard !node.marks.isEmpty else { return }
        switch placement.form {
        case .box, .largeBox:
            let start = frame.x + (placement.form == .largeBox ? 2 : 1)
            var end = frame.maxX - 1
            if node.sending > 0, node.isUp {
                let badge = 1 + (node.sending > 1 ? 1 : 0)
                // The badge is drawn only where it fits (`drawNode`); a cell apart from it.
                if badge <= frame.width - 4 { end = frame.maxX - 2 - badge - 1 }
            }
            for (offset, mark) in node.marks.enumerated() where start + offset < end {
                canvas.put(String(theme.glyph(.mark(mark))), x: start + offset, y: frame.y, style: theme.style(.mark(mark)))
                ink.insert(.mark(mark))
            }
        case .compact, .dot:
            guard frame.width > 1 else { return }
            let before = Point(x: frame.x - 1, y: frame.y)
            let clear = rect.contains(before) && canvas[before.x, before.y] == .blank
                && placement.frames.values.allSatisfy { !$0.contains(before) && !$0.contains(x: before.x - 1, y: before.y) }
                && !placement.captions.contains { $0.frame.contains(before) }
            // The holder of what a search asks for keeps its star after the name when that
            // cell is free, so the mark in front can still say what else is so.
            let after = Point(x: frame.maxX, y: frame.y)
            let afterClear = rect.contains(after) && canvas[after.x, after.y] == .blank
                && placement.frames.values.allSatisfy { !$0.contains(after) && !$0.contains(x: after.x + 1, y: after.y) }
                && !placement.captions.contains { $0.frame.contains(after) }
            var marks = node.marks
            if marks.count > 1, afterClear, let holder = marks.firstIndex(of: .holder) {
                put(marks.remove(at: holder), at: after, into: &canvas, ink: &ink)
            }
            guard let shown = marks.first else { return }
            put(shown, at: clear ? before : Point(x: frame.x + 1, y: frame.y), into: &canvas, ink: &ink)
        }
    }

    private func put(_ mark: StageMark, at point: Point, into canvas: inout Canvas, ink: inout StageInk) {
        canvas.put(String(theme.glyph(.mark(mark))), x: point.x, y: point.y, style: theme.style(.mark(mark)))
        ink.insert(.mark(mark))
    }
}
