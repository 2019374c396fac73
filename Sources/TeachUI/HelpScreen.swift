import Canvas

/// Which screen the help is for: each lists its own keys first.
enum HelpContext: Hashable, Sendable {
    case menu, lesson, sandbox
}

/// Every key of the screen, grouped by what it is for. The hint line shows a few; this
/// shows all.
enum HelpScreen {
    /// `leaving` is how the screen is left: back to the menu, or quitting where there is
    /// no menu behind it.
    static func sections(for context: HelpContext, leaving: KeyHint, unicode: Bool) -> [(String, [KeyHint])] {
        let (right, left) = unicode ? ("→", "←") : ("Right", "Left")
        let anywhere = ("Anywhere", [KeyHint("?", "this help"), leaving])
        if context == .menu {
            return [
                ("Menu", [
                    KeyHint(unicode ? "↑ ↓" : "Up Down", "choose a lesson"),
                    KeyHint("Enter", "open it"),
                    KeyHint("1-9", "open lesson by number"),
                    KeyHint("s", "the sandbox"),
                ]),
                anywhere,
            ]
        }
        var stepping = [
            KeyHint("\(right) Space", "one event forward"),
            KeyHint(left, "one event back"),
            KeyHint("Enter", "play or pause"),
            KeyHint("+ -", "faster, slower"),
        ]
        var closer = [
            KeyHint("Tab", "select next node or message"),
            KeyHint("i", "inspect the selection"),
            KeyHint("e", "event list"),
            KeyHint("click", "inspect a node or message"),
        ]
        if context == .sandbox {
            return [
                ("Sandbox", [
                    KeyHint("r", "every client or peer asks"),
                    KeyHint("f", "share a file (not p2p)"),
                    KeyHint("a x", "add a node, remove one"),
                    KeyHint("k", "kill or revive the selection"),
                    KeyHint("u U", "double, halve its upload"),
                    KeyHint("m v", "malicious peer, verification"),
                ]),
                ("Stepping", stepping), ("Looking closer", closer), anywhere,
            ]
        }
        stepping += [
            KeyHint("n PgDn", "next step"),
            KeyHint("p PgUp", "previous step"),
            KeyHint("g", "go to step (type a number)"),
            KeyHint("r R", "restart step, lesson"),
        ]
        closer += [KeyHint("1-9", "answer the quiz"), KeyHint("h", "a hint for the step"),
                   KeyHint(unicode ? "↑ ↓" : "Up Down", "scroll the narration")]
        return [
            ("Stepping", stepping), ("Looking closer", closer),
            ("Presenting", [KeyHint("PgDn", "play, then next step"), KeyHint("PgUp", "previous step"), KeyHint(". b", "blank the screen")]),
            anywhere,
        ]
    }

    /// One column when the window is tall enough, else two, split between sections.
    static func draw(for context: HelpContext, leaving: KeyHint, into canvas: inout Canvas, theme: Theme) {
        let sections = sections(for: context, leaving: leaving, unicode: theme.unicode)
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
        for (index, column) in columns.enumerated() {
            let x = inside.x + index * (columnWidth + 3)
            var y = inside.y
            for (title, hints) in column {
                guard y < inside.maxY else { break }
                canvas.put(title, x: x, y: y, style: theme.panelTitle, limit: columnWidth)
                y += 1
                for hint in hints where y < inside.maxY {
                    canvas.put(hint.keys, x: x, y: y, style: theme.key, limit: columnWidth)
                    canvas.put(hint.action, x: x + keyWidth + 2, y: y, limit: max(0, inside.maxX - x - keyWidth - 2))
                    y += 1
                }
                y += 1
            }
        }
    }
}
