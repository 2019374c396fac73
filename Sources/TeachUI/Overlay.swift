import Canvas

/// A framed panel drawn over the middle of the screen (help, event list, inspector),
/// sized to its content within the window.
enum Overlay {
    /// Clears and frames a rectangle of at most `width` x `height`, centred in `area`
    /// (the whole screen unless given), and returns its inside (one column of padding
    /// on each side).
    static func frame(
        width: Int, height: Int, title: String, into canvas: inout Canvas, theme: Theme, area: Rect? = nil
    ) -> Rect {
        let area = area ?? canvas.bounds
        let w = min(width + 4, area.width), h = min(height + 2, area.height)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        canvas.fill(rect)
        canvas.box(rect, weight: .double, glyphs: theme.glyphs, style: theme.panelTitle, title: title, titleStyle: theme.panelTitle)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }
}
