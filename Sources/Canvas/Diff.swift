/// A horizontal run of cells that changed between two frames: what the terminal layer
/// writes, and all it writes.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension Canvas {
    /// The runs of cells in `self` that differ from `previous`. With no previous frame, or
    /// one of another size, every row is one run (a full redraw).
    ///
    /// Runs are split only where cells are unchanged, so the cursor moves once per run.
    public func changes(since previous: Canvas?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in CellRun(x: 0, y: y, cells: (0..<width).map { self[$0, y] }) }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard self[x, y] != previous[x, y] else { x += 1; continue }
                var start = x
                // A changed continuation cell means its wide grapheme must be rewritten.
                if self[start, y].isContinuation, start > 0 { start -= 1 }
                var cells: [Cell] = []
                var end = start
                while end < width, self[end, y] != previous[end, y] || self[end, y].isContinuation || end == start {
                    cells.append(self[end, y])
                    end += 1
                }
                runs.append(CellRun(x: start, y: y, cells: cells))
                x = end
            }
        }
        return runs
    }
}
