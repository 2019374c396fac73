import Canvas
import LessonKit

/// Every key of the screen under it, grouped by what it is for, read from the keymap.
/// The key bar shows a few; this shows all. Any key closes it.
struct HelpPanel: Panel {
    var places: [KeyPlace] { [.help] }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply { .closes }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        HelpScreen.draw(Self.sections(places: app.screenPlaces, presenting: app.presentingLesson, leaving: app.leaveHint, unicode: theme.unicode),
                        into: &canvas, theme: theme)
    }

    /// The keys bound where the screen looks keys up, grouped by their section in the
    /// keymap's order; keys doing the same thing share a line. `leaving` says what q does
    /// here (back to the menu, or quit).
    static func sections(places: [KeyPlace], presenting: Bool, leaving: KeyHint, unicode: Bool) -> [(String, [KeyHint])] {
        var sections: [(String, [(action: KeyAction, keys: [String], help: String)])] = []
        for binding in Keymap.bindings(in: places, presenting: presenting) {
            let help = binding.action == .leave ? leaving.action : binding.help
            let keys = binding.keyNames(unicode: unicode)
            if let s = sections.firstIndex(where: { $0.0 == binding.section }) {
                if let line = sections[s].1.firstIndex(where: { $0.action == binding.action && $0.help == help }) {
                    sections[s].1[line].keys.append(keys)
                } else {
                    sections[s].1.append((binding.action, [keys], help))
                }
            } else {
                sections.append((binding.section, [(binding.action, [keys], help)]))
            }
        }
        // The screen's own keys, then the stage's, then what works anywhere.
        let order = ["Menu", "Sandbox", "Stepping", "Steps", "Looking closer", "Presenting"]
        sections = sections.enumerated().sorted {
            (order.firstIndex(of: $0.element.0) ?? order.count, $0.offset) < (order.firstIndex(of: $1.element.0) ?? order.count, $1.offset)
        }.map(\.element)
        let keys = sections.map { title, lines in (title, lines.map { KeyHint($0.keys.joined(separator: " "), $0.help) }) }
        return places.contains(.stage) ? keys + [("On the stage", stageNotes(unicode: unicode))] : keys
    }

    /// What the stage says in few glyphs that its legend has no room to explain: where a
    /// message goes, and the note a busy stage writes when it leaves some messages out
    /// ("16 of 29 drawn: the rest would cross", see `StageRenderer.leftOutNotes`).
    static func stageNotes(unicode: Bool) -> [KeyHint] {
        let heads = unicode ? [KeyHint("─▸", "where a message is going")] : []
        return heads + [KeyHint("3 of 8", "drawn: the rest would cross")]
    }
}

/// Draws the help's sections in a frame.
enum HelpScreen {
    /// One column when the window is tall enough, else two, split between sections.
    static func draw(_ sections: [(String, [KeyHint])], into canvas: inout Canvas, theme: Theme) {
        let hints = sections.flatMap(\.1)
        let keyWidth = hints.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let columnWidth = hints.map { keyWidth + 2 + DisplayWidth.of($0.action) }.max() ?? 0
        let heights = sections.map { $0.1.count + 2 }
        let total = heights.reduce(0, +) - 1
        var split = sections.count
        if total + 2 > canvas.height {
            var running = 0
            split = sections.count - 1
            for (index, height) in heights.enumerated() {
                running += height
                if running * 2 >= total { split = index + 1; break }
            }
        }
        let columns = [Array(sections[..<split]), Array(sections[split...])].filter { !$0.isEmpty }
        let rows = columns.map { $0.reduce(0) { $0 + $1.1.count + 2 } - 1 }.max() ?? 0
        let width = columnWidth * columns.count + 3 * (columns.count - 1)
        let inside = Overlay.frame(width: width, height: rows, title: "keys", into: &canvas, theme: theme)
        let column = (inside.width - 3 * (columns.count - 1)) / max(1, columns.count)
        for (index, sectionColumn) in columns.enumerated() {
            let x = inside.x + index * (column + 3)
            var y = inside.y
            for (title, hints) in sectionColumn {
                guard y < inside.maxY else { break }
                canvas.put(title, x: x, y: y, style: theme.panelTitle, limit: column, ellipsis: theme.glyphs.ellipsis)
                y += 1
                for hint in hints where y < inside.maxY {
                    canvas.put(hint.keys, x: x, y: y, style: theme.key, limit: column, ellipsis: theme.glyphs.ellipsis)
                    canvas.put(hint.action, x: x + keyWidth + 2, y: y, limit: max(0, x + column - x - keyWidth - 2), ellipsis: theme.glyphs.ellipsis)
                    y += 1
                }
                y += 1
            }
        }
    }
}
