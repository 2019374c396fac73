#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
            return (0..<height).map { y in CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)])) }
        }
        // Compared in place: most of a frame is unchanged, and reading each cell out of
        // the array would copy (and retain) its text. A row whose bytes are the same is
        // unchanged (the same text storage and style); one that differs in any byte, if
        // only padding, is compared cell by cell.
        let rowBytes = width * MemoryLayout<Cell>.stride
        return cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                var runs: [CellRun] = []
                for y in 0..<height {
                    let row = y * width
                    if let a = now.baseAddress, let b = before.baseAddress, memcmp(a + row, b + row, rowBytes) == 0 { continue }
                    var x = 0
                    while x < width {
                        guard now[row + x] != before[row + x] else { x += 1; continue }
                        var start = x
                        // A changed continuation cell means its wide grapheme must be rewritten.
                        if now[row + start].isContinuation, start > 0 { start -= 1 }
                        var end = start + 1
                        while end < width, now[row + end] != before[row + end] || now[row + end].isContinuation { end += 1 }
                        runs.append(CellRun(x: start, y: y, cells: Array(now[(row + start)..<(row + end)])))
                        x = end
                    }
                }
                return runs
            }
        }
    }
}
