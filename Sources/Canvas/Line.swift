/// Straight lines across the grid, as the cells a link between two nodes passes through.
public enum LinePath {
    /// The cells from `start` to `end`, both included, one per step of the longer axis
    /// (Bresenham), so a line has no gaps and no doubled cells.
    public static func cells(from start: Point, to end: Point) -> [Point] {
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let sx = start.x < end.x ? 1 : -1, sy = start.y < end.y ? 1 : -1
        var error = dx + dy
        var point = start
        var points: [Point] = []
        points.reserveCapacity(max(dx, -dy) + 1)
        while true {
            points.append(point)
            if point == end { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; point.x += sx }
            if doubled <= dx { error += dx; point.y += sy }
        }
        return points
    }

    /// The stroke for each cell of a path: a diagonal where the path moved on both axes
    /// into that cell, otherwise a horizontal or vertical stroke along the step.
    public static func strokes(for path: [Point], glyphs: GlyphSet) -> [Character] {
        guard path.count > 1 else { return path.map { _ in glyphs.light.horizontal } }
        return path.indices.map { index in
            let (from, to) = index == 0 ? (path[0], path[1]) : (path[index - 1], path[index])
            let dx = to.x - from.x, dy = to.y - from.y
            if dx != 0, dy != 0 { return dx * dy > 0 ? glyphs.falling : glyphs.rising }
            return dy == 0 ? glyphs.light.horizontal : glyphs.light.vertical
        }
    }
}

extension Canvas {
    /// Draws a line between two cells, around every box in `avoiding` except those
    /// holding its ends (see `LineRouter`) and inside `bounds` (the whole canvas when
    /// nil), straight through when no way around exists. Cells inside any of `avoiding`
    /// are skipped; returns the cells it drew, in order.
    @discardableResult
    public mutating func line(
        from start: Point, to end: Point, glyphs: GlyphSet, style: Style = .plain, avoiding: [Rect] = [], within bounds: Rect? = nil
    ) -> [Point] {
        let path = LineRouter(around: avoiding, within: bounds ?? self.bounds).route(from: start, to: end)
            ?? LinePath.cells(from: start, to: end)
        return stroke(path, glyphs: glyphs, style: style, skipping: avoiding)
    }

    /// Draws a path dashed: its strokes on every other cell, counted from its start, so
    /// a path a message takes for a moment never reads as a standing link. Skips the cells
    /// inside any of `boxes` and returns every cell outside them, drawn or not, in order
    /// (a message travels along all of them).
    @discardableResult
    public mutating func dash(_ path: [Point], glyphs: GlyphSet, style: Style = .plain, skipping boxes: [Rect] = []) -> [Point] {
        var open: [Point] = []
        for (point, stroke) in zip(path, LinePath.strokes(for: path, glyphs: glyphs)) where !boxes.contains(where: { $0.contains(point) }) {
            if open.count % 2 == 0 { put(String(stroke), x: point.x, y: point.y, style: style) }
            open.append(point)
        }
        return open
    }
}
