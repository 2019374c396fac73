extension Canvas {
    /// The last `width` values as a one-row chart, scaled so that `maximum` (or the
    /// largest value shown, when nil) reaches the top level. Older values scroll off the left.
    public mutating func sparkline(
        _ values: [Double], x: Int, y: Int, width: Int, maximum: Double? = nil, glyphs: GlyphSet, style: Style = .plain
    ) {
        guard width > 0, !values.isEmpty else { return }
        let shown = values.suffix(width)
        let top = maximum ?? shown.max() ?? 0
        let levels = glyphs.sparks.count
        var text = ""
        for value in shown {
            let level = top > 0 && value.isFinite ? Int((min(1, max(0, value / top)) * Double(levels - 1)).rounded()) : 0
            text.append(glyphs.sparks[level])
        }
        put(text, x: x, y: y, style: style)
    }
}
