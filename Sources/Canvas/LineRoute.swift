/// Finds lines that go around boxes instead of through them: a link drawn across a third
/// node's box would read as passing through that node.
///
/// Every box is a wall, widened by a blank column on either side (a line running into a
/// label's side reads as joining it), except for the boxes holding a line's own ends.
/// The walls are counted into a grid over the bounds once, so checking a path costs one
/// look-up per cell however many boxes there are.
public struct LineRouter: Sendable {
    public let bounds: Rect
    private let walls: [Rect]
    /// How many walls cover each cell of the bounds.
    private var cover: [Int]

    public init(around boxes: [Rect], within bounds: Rect) {
        self.bounds = bounds
        walls = boxes.map { Rect(x: $0.x - 1, y: $0.y, width: $0.width + 2, height: $0.height) }
        cover = Array(repeating: 0, count: bounds.width * bounds.height)
        for wall in walls {
            let area = wall.intersection(bounds)
            guard !area.isEmpty else { continue }
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX { cover[(y - bounds.y) * bounds.width + x - bounds.x] += 1 }
            }
        }
    }

    /// A line from `start` to `end` that enters no wall but those of the boxes holding its
    /// ends and stays inside the bounds: the straight line when that is clear, else the
    /// shortest line bent just outside a wall's corners (once, or twice to go along one
    /// of its sides), else just outside the side of an end's box that faces the other
    /// end; nil when none exists. A line that reaches a box from its far side (into a client
    /// from below while its server is above) is taken only when no other exists: it reads
    /// as coming from somewhere else.
    public func route(from start: Point, to end: Point) -> [Point]? {
        let own = walls.filter { $0.contains(x: start.x, y: start.y) || $0.contains(x: end.x, y: end.y) }
        func clear(_ path: [Point]) -> Bool { path.allSatisfy { isFree($0, except: own) } }
        let straight = LinePath.cells(from: start, to: end)
        if clear(straight) { return straight }
        let startWall = own.first { $0.contains(x: start.x, y: start.y) }
        let endWall = own.first { $0.contains(x: end.x, y: end.y) }
        var best: (path: [Point], cost: (Int, Int))?
        func consider(_ bends: [Point]) {
            guard bends.allSatisfy({ isFree($0, except: own) }) else { return }
            let stops = [start] + bends + [end]
            let length = zip(stops, stops.dropFirst()).reduce(1) { $0 + max(abs($1.1.x - $1.0.x), abs($1.1.y - $1.0.y)) }
            guard length < best?.path.count ?? .max || best.map({ $0.cost.0 > 0 }) == true else { return }
            let legs = zip(stops, stops.dropFirst()).map { LinePath.cells(from: $0.0, to: $0.1) }
            guard legs.allSatisfy(clear) else { return }
            let path = legs.dropFirst().reduce(legs[0]) { $0 + $1.dropFirst() }
            let wrong = (endWall.map { Self.entersFromFarSide(Array(path.reversed()), wall: $0, other: start) } ?? false ? 1 : 0)
                + (startWall.map { Self.entersFromFarSide(path, wall: $0, other: end) } ?? false ? 1 : 0)
            let cost = (wrong, path.count)
            if best.map({ cost < $0.cost }) ?? true { best = (path, cost) }
        }
        for wall in walls {
            let topLeft = Point(x: wall.x - 1, y: wall.y - 1), topRight = Point(x: wall.maxX, y: wall.y - 1)
            let bottomLeft = Point(x: wall.x - 1, y: wall.maxY), bottomRight = Point(x: wall.maxX, y: wall.maxY)
            for corner in [topLeft, topRight, bottomLeft, bottomRight] { consider([corner]) }
            for (a, b) in [(topLeft, topRight), (bottomLeft, bottomRight), (topLeft, bottomLeft), (topRight, bottomRight)] {
                consider([a, b])
                consider([b, a])
            }
        }
        guard best.map({ $0.cost.0 > 0 }) ?? true else { return best?.path }
        // Every way round a corner reaches an end from its far side: the way through the
        // cell just outside the side of each end's box that faces the other end, straight
        // or bent once round a corner. Tried only then: paths to several nodes through
        // one such cell would converge there.
        let facing = [endWall.map { Self.facingCell(of: $0, centre: end, toward: start) },
                      startWall.map { Self.facingCell(of: $0, centre: start, toward: end) }].compactMap(\.self)
        for cell in facing { consider([cell]) }
        if facing.count == 2 { consider([facing[1], facing[0]]) }
        for wall in walls {
            let corners = [Point(x: wall.x - 1, y: wall.y - 1), Point(x: wall.maxX, y: wall.y - 1),
                           Point(x: wall.x - 1, y: wall.maxY), Point(x: wall.maxX, y: wall.maxY)]
            for corner in corners {
                if facing.count > 0 { consider([corner, facing[0]]) }
                if facing.count > 1 { consider([facing[1], corner]) }
            }
        }
        return best?.path
    }

    /// The cell just outside `wall` on the side facing `other`, in line with `centre`:
    /// above or below when `other` is above or below the wall, else beside it.
    private static func facingCell(of wall: Rect, centre: Point, toward other: Point) -> Point {
        if other.y < wall.y { return Point(x: centre.x, y: wall.y - 1) }
        if other.y >= wall.maxY { return Point(x: centre.x, y: wall.maxY) }
        return Point(x: other.x < wall.x ? wall.x - 1 : wall.maxX, y: centre.y)
    }

    /// Whether `path`, read from its end inside `wall` outwards, leaves the wall on the
    /// side away from `other` (below it while `other` is above, and so on).
    private static func entersFromFarSide(_ path: [Point], wall: Rect, other: Point) -> Bool {
        guard let outside = path.first(where: { !wall.contains(x: $0.x, y: $0.y) }) else { return false }
        if other.y < wall.y, outside.y >= wall.maxY { return true }
        if other.y >= wall.maxY, outside.y < wall.y { return true }
        if other.x < wall.x, outside.x >= wall.maxX { return true }
        if other.x >= wall.maxX, outside.x < wall.x { return true }
        return false
    }

    /// Whether the straight line between two cells is clear of every other wall.
    public func isClear(from start: Point, to end: Point) -> Bool {
        let own = walls.filter { $0.contains(x: start.x, y: start.y) || $0.contains(x: end.x, y: end.y) }
        return LinePath.cells(from: start, to: end).allSatisfy { isFree($0, except: own) }
    }

    /// Inside the bounds and under no wall but the line's own.
    private func isFree(_ point: Point, except own: [Rect]) -> Bool {
        guard bounds.contains(point) else { return false }
        let covering = cover[(point.y - bounds.y) * bounds.width + point.x - bounds.x]
        return covering == 0 || covering == own.count(where: { $0.contains(point) })
    }
}

extension Canvas {
    /// Draws a path of cells with the strokes its steps call for, skipping the cells
    /// inside any of `skipping` (the boxes it joins), and returns the cells it drew. Where
    /// it crosses a line already drawn at right angles, or a diagonal the other way, the
    /// cell shows both (`┼`, `╳`): a line drawn over would look broken there.
    @discardableResult
    public mutating func stroke(_ path: [Point], glyphs: GlyphSet, style: Style = .plain, skipping boxes: [Rect] = []) -> [Point] {
        var drawn: [Point] = []
        for (point, stroke) in zip(path, LinePath.strokes(for: path, glyphs: glyphs)) where !boxes.contains(where: { $0.contains(point) }) {
            let under = bounds.contains(point) ? self[point.x, point.y].text : ""
            put(String(glyphs.crossing(stroke, over: under) ?? stroke), x: point.x, y: point.y, style: style)
            drawn.append(point)
        }
        return drawn
    }
}

extension GlyphSet {
    /// The glyph for a line's `stroke` drawn over `under` when the two cross: a horizontal
    /// and a vertical make a cross, two diagonals (in Unicode) a diagonal cross; nil when
    /// they do not cross.
    func crossing(_ stroke: Character, over under: String) -> Character? {
        guard let under = under.first, under != stroke else { return nil }
        let upright: Set<Character> = [light.horizontal, light.vertical]
        if upright.contains(stroke), upright.contains(under) { return light.cross }
        let slanted: Set<Character> = [rising, falling]
        if unicode, slanted.contains(stroke), slanted.contains(under) { return "╳" }
        return nil
    }
}
