import Canvas
import NetSim

extension StageRenderer {
    /// A node's marks, drawn beside its icon so that the icon goes on saying what kind of
    /// node it is (every client marked still shows its clients as clients, and the legend
    /// still names them). In a box: set into its top border from the left, as many as fit
    /// before the sending badge on the right. On a one-line label: the first mark, in the
    /// cell before the label when it is blank and no other node's label ends there (a
    /// line's arrowhead there stays), else in the space between icon and name. A grid's one-cell node shows its first mark in its place
    /// (`drawNode`).
    func drawMarks(
        of node: SceneNode, frame: Rect, placement: StagePlacement, within rect: Rect, into canvas: inout Canvas, ink: inout StageInk
    ) {
        guard let first = node.marks.first else { return }
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
            let x = clear ? before.x : frame.x + 1
            canvas.put(String(theme.glyph(.mark(first))), x: x, y: frame.y, style: theme.style(.mark(first)))
            ink.insert(.mark(first))
        }
    }
}
