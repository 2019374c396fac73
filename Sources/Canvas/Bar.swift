extension Canvas {
    /// A horizontal bar `width` cells long filled to `fraction` (clamped to 0...1), in
    /// eighths of a cell where the glyphs allow. Progress bars, gauges and upload bars
    /// are all this bar with different styles around it.
    public mutating func bar(
        fraction: Double, x: Int, y: Int, width: Int, glyphs: GlyphSet, filled: Style = .plain, empty: Style = .plain
    ) {
        guard width > 0 else { return }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let steps = glyphs.eighths.count
        let units = Int((clamped * Double(width * steps)).rounded())
        let full = units / steps, partial = units % steps
        // Each glyph is one column (`putRepeated` asserts it): runs of them are
        // written cell by cell, with no text to break into graphemes.
        putRepeated(glyphs.eighths[steps - 1], count: full, x: x, y: y, style: filled)
        var column = full
        if partial > 0 {
            putRepeated(glyphs.eighths[partial - 1], count: 1, x: x + column, y: y, style: filled)
            column += 1
        }
        putRepeated(glyphs.barEmpty, count: width - column, x: x + column, y: y, style: empty)
    }

    /// A labelled gauge on one row: `label`, a bar, then `value` (e.g. "queue ▓▓▓··· 3/8").
    /// The bar takes whatever room the two texts leave within `width`; `valueWidth`
    /// reserves room for a wider value (right-aligned), so gauges drawn one under another
    /// get bars of one length whose fill compares, whatever their figures.
    public mutating func gauge(
        label: String, value: String, fraction: Double, x: Int, y: Int, width: Int, glyphs: GlyphSet,
        valueWidth: Int = 0, labelStyle: Style = .plain, filled: Style = .plain, empty: Style = .plain
    ) {
        let labelColumns = DisplayWidth.of(label), valueColumns = DisplayWidth.of(value)
        let barWidth = width - labelColumns - max(valueColumns, valueWidth) - 2
        guard barWidth >= 3 else {
            put(label + " " + value, x: x, y: y, style: labelStyle, limit: width)
            return
        }
        put(label, x: x, y: y, style: labelStyle)
        bar(fraction: fraction, x: x + labelColumns + 1, y: y, width: barWidth, glyphs: glyphs, filled: filled, empty: empty)
        put(value, x: x + width - valueColumns, y: y, style: labelStyle)
    }
}
