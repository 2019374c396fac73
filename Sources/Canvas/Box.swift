/// Which border a box gets: light for ordinary frames, heavy to stand out (a selected or
/// central node), double for the most prominent (a dialog).
public enum BorderWeight: Hashable, Sendable {
    case light, heavy, double
}

extension Canvas {
    /// Draws a border around `rect` (the border takes its outermost cells) and, when
    /// given, a title set into the top edge. Rectangles smaller than 2x2 draw nothing.
    public mutating func box(
        _ rect: Rect, weight: BorderWeight = .light, glyphs: GlyphSet, style: Style = .plain,
        title: String? = nil, titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let border: GlyphSet.Border
        switch weight {
        case .light: border = glyphs.light
        case .heavy: border = glyphs.heavy
        case .double: border = glyphs.double
        }
        // Cell by cell: every frame draws a dozen boxes or more, and putting their edges
        // as text broke each into graphemes.
        for (y, left, right) in [(rect.y, border.topLeft, border.topRight), (rect.maxY - 1, border.bottomLeft, border.bottomRight)] {
            putRepeated(left, count: 1, x: rect.x, y: y, style: style)
            putRepeated(border.horizontal, count: rect.width - 2, x: rect.x + 1, y: y, style: style)
            putRepeated(right, count: 1, x: rect.maxX - 1, y: y, style: style)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            putRepeated(border.vertical, count: 1, x: rect.x, y: y, style: style)
            putRepeated(border.vertical, count: 1, x: rect.maxX - 1, y: y, style: style)
        }
        if let title, rect.width > 4 {
            put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, limit: rect.width - 2, ellipsis: glyphs.ellipsis)
        }
    }
}
