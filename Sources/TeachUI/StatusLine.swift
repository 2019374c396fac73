import Canvas

/// The facts the status line shows: where the learner is and what the clock is doing.
struct StatusView: Hashable, Sendable {
    var playing: Bool
    /// Where the learner is: "step 2/5", or "sandbox".
    var position: String
    /// Simulated time, already formatted ("1.250 s").
    var time: String
    /// "×0.1"
    var speed: String
    var events: Int
    /// What the step is waiting for, or that it is done.
    var note: String = ""

    /// Draws one row: play state, step, time, speed, events, then the note.
    func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, with: Cell(" ", style: theme.dim))
        let state = playing ? (theme.unicode ? "▶ playing" : "> playing") : (theme.unicode ? "❚❚ paused" : "|| paused")
        let separator = theme.unicode ? " │ " : " | "
        var x = rect.x + 1
        x += canvas.put(state, x: x, y: rect.y, style: playing ? theme.good : theme.key, limit: rect.maxX - x)
        for part in [position, "t \(time)", speed, "event \(events)", note] where !part.isEmpty {
            x += canvas.put(separator, x: x, y: rect.y, style: theme.dim, limit: rect.maxX - x)
            x += canvas.put(part, x: x, y: rect.y, limit: rect.maxX - x)
        }
    }
}

/// One key and what it does, for the hint line and the help screen.
struct KeyHint: Hashable, Sendable {
    var keys: String
    var action: String
    /// Kept on a hint line however narrow: how to get help and how to leave, without
    /// which a new user is stuck.
    var essential = false

    init(_ keys: String, _ action: String, essential: Bool = false) {
        self.keys = keys
        self.action = action
        self.essential = essential
    }

    static let help = KeyHint("?", "help", essential: true)

    static func leave(_ action: String) -> KeyHint { KeyHint("q", action, essential: true) }

    /// Columns the hint takes on a line.
    var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(action) }

    /// Keys on the hint line of any simulation screen, after the screen's own; q goes
    /// `leaving` ("back" to the menu, or "quit").
    static func stage(unicode: Bool, leaving: String = "back") -> [KeyHint] {
        let (right, left) = unicode ? ("→", "←") : (">", "<")
        return [KeyHint(right, "step"), KeyHint(left, "back"), KeyHint("Enter", "play"), KeyHint("+-", "speed"),
                KeyHint("Tab i", "inspect"), KeyHint("e", "events"), .help, .leave(leaving)]
    }

    /// Draws hints in order, as many whole ones as fit on the row: when not all fit, the
    /// last ones that are not essential make way, so help and leaving stay in view.
    static func drawLine(_ hints: [KeyHint], into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        var shown = hints
        while 1 + shown.map(\.width).reduce(0, +) + 2 * (shown.count - 1) > rect.width,
              let last = shown.lastIndex(where: { !$0.essential }) {
            shown.remove(at: last)
        }
        var x = rect.x + 1
        for hint in shown {
            let width = hint.width
            guard x + width <= rect.maxX else { break }
            canvas.put(hint.keys, x: x, y: rect.y, style: theme.key)
            canvas.put(hint.action, x: x + DisplayWidth.of(hint.keys) + 1, y: rect.y, style: theme.dim)
            x += width + 2
        }
    }
}
