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
        let horizontal = String(repeating: border.horizontal, count: rect.width - 2)
        put(String(border.topLeft) + horizontal + String(border.topRight), x: rect.x, y: rect.y, style: style)
        put(String(border.bottomLeft) + horizontal + String(border.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(String(border.vertical), x: rect.x, y: y, style: style)
            put(String(border.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        if let title, rect.width > 4 {
            put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, limit: rect.width - 2)
        }
    }
}
