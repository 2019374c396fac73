#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// Points spaced evenly around an ellipse, for laying nodes out in a ring.
enum Ellipse {
    /// `count` cells on the ellipse centred at `center` with radii `rx` (columns) and
    /// `ry` (rows), the first at the top (or `turn` of a spacing past it) and the rest
    /// clockwise.
    static func points(count: Int, center: Point, rx: Double, ry: Double, turn: Double = 0) -> [Point] {
        (0..<count).map { index in
            let angle = -Double.pi / 2 + 2 * Double.pi * (Double(index) + turn) / Double(count)
            return Point(x: center.x + Int((rx * cos(angle)).rounded()), y: center.y + Int((ry * sin(angle)).rounded()))
        }
    }
}
