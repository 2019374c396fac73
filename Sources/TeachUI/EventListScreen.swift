import Canvas

/// The event list, like Packet Tracer's: every event so far, when it happened and between
/// whom. The selected row can be jumped to; a row too long for the panel ends in an
/// ellipsis.
struct EventListView: Hashable, Sendable {
    struct Row: Hashable, Sendable {
        var index: Int
        var time: String
        var summary: String
    }

    /// Rows around the selected one, not necessarily all.
    var rows: [Row]
    /// Events so far.
    var total: Int
    /// Index into `rows`.
    var selected: Int

    /// Rows kept on each side of the selected one: more than any window is tall.
    static let window = 200

    func draw(into canvas: inout Canvas, theme: Theme) {
        let width = max(40, canvas.width * 4 / 5), height = max(6, canvas.height - 6)
        let inside = Overlay.frame(width: width, height: height, title: "events: \(total)", into: &canvas, theme: theme)
        guard inside.height > 1 else { return }
        let listRows = inside.height - 1
        let timeWidth = rows.map { $0.time.count }.max() ?? 0
        let numberWidth = String(rows.last?.index ?? 0).count
        let start = min(max(0, selected - listRows / 2), max(0, rows.count - listRows))
        for (offset, row) in rows.dropFirst(start).prefix(listRows).enumerated() {
            let y = inside.y + offset
            let isSelected = start + offset == selected
            let style = isSelected ? theme.selection : .plain
            if isSelected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), with: Cell(" ", style: style)) }
            let number = String(repeating: " ", count: numberWidth - String(row.index).count) + String(row.index)
            let time = String(repeating: " ", count: timeWidth - row.time.count) + row.time
            let text = "\(number)  \(time)  \(row.summary)"
            canvas.put(text, x: inside.x, y: y, style: style, limit: inside.width, ellipsis: theme.glyphs.ellipsis)
        }
        if rows.isEmpty {
            canvas.put("Nothing has happened yet: step forward or play.", x: inside.x, y: inside.y, style: theme.dim, limit: inside.width)
        }
        let arrows = theme.unicode ? "↑↓" : "Up/Down"
        KeyHint.drawLine(
            [KeyHint(arrows, "move"), KeyHint("Enter", "go to that event"), KeyHint("e Esc", "close")], into: &canvas,
            rect: Rect(x: inside.x - 1, y: inside.maxY - 1, width: inside.width + 1, height: 1), theme: theme)
    }
}
