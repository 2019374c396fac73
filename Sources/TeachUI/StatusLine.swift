import Canvas

/// The facts the status line shows: where the learner is and what the clock is doing.
struct StatusView: Hashable, Sendable {
    /// A play is under way (see `StageSession.isPlaying`).
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
    /// Engine events the last step covered (negative: stepped back over), so a learner
    /// sees that one press may take several events together.
    var stepped: Int? = nil
    /// Event numbers are engine detail: a presenter's class does not see them.
    var showsEvents = true

    /// "event 16"; "events 11–16" after a step over six; "event 10 (6 undone)" after
    /// stepping back over six.
    func eventsText(unicode: Bool) -> String {
        guard showsEvents else { return "" }
        switch stepped ?? 0 {
        case let covered where covered > 1: return "events \(events - covered + 1)\(unicode ? "\u{2013}" : "-")\(events)"
        case let covered where covered < 0: return "event \(events) (\(-covered) undone)"
        default: return "event \(events)"
        }
    }

    /// Draws one row: play state, step, time, speed, events, then the note. When that is
    /// too wide, the event number gives way first (engine detail, which the event list
    /// keeps), then the speed's word (`auto`), then the speed, so the note stays whole:
    /// what the step waits for, or what → did, is what a student reads the line for
    /// (play-test at 80 columns: `until 10 of the first peers have the wh…`, `→ did it
    /// for you: revoke ben's acce…`). Only then is the note cut short with an ellipsis,
    /// first beside the speed, though never below `readableNote` columns, and last
    /// further. Whether it plays (in a word beside its symbol, which alone is easy to
    /// misread), where the learner is and the time stay.
    func draw(into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, with: Cell(" ", style: theme.dim))
        let symbol = playing ? (theme.unicode ? "▶" : ">") : (theme.unicode ? "❚❚" : "||")
        let word = playing ? "playing" : "paused"
        let separator = theme.unicode ? " │ " : " | "
        let events = eventsText(unicode: theme.unicode)
        let state = symbol + " " + word
        func width(_ parts: [String]) -> Int {
            parts.filter { !$0.isEmpty }.reduce(DisplayWidth.of(state)) { $0 + DisplayWidth.of(separator) + DisplayWidth.of($1) }
        }
        let noteWidth = DisplayWidth.of(note), shortNote = min(noteWidth, Self.readableNote)
        // Each form with the room its note needs at least: whole, then cut short but readable.
        let bareSpeed = speed.split(separator: " ").first.map(String.init) ?? speed
        let candidates: [(parts: [String], noteRoom: Int)] = [
            ([position, "t \(time)", speed, events], noteWidth),
            ([position, "t \(time)", speed], noteWidth),
            ([position, "t \(time)", bareSpeed], noteWidth),
            ([position, "t \(time)"], noteWidth),
            ([position, "t \(time)", bareSpeed], shortNote),
            ([position, "t \(time)"], shortNote),
        ]
        func fits(_ candidate: (parts: [String], noteRoom: Int)) -> Bool {
            let noteCost = note.isEmpty ? 0 : DisplayWidth.of(separator) + candidate.noteRoom
            return 1 + width(candidate.parts) + noteCost <= rect.width
        }
        let chosen = (candidates.first(where: fits) ?? candidates[candidates.count - 1]).parts + [note]
        var x = rect.x + 1
        x += canvas.put(state, x: x, y: rect.y, style: playing ? theme.good : theme.key, limit: rect.maxX - x,
                        ellipsis: theme.glyphs.ellipsis)
        for part in chosen where !part.isEmpty {
            x += canvas.put(separator, x: x, y: rect.y, style: theme.dim, limit: rect.maxX - x)
            x += canvas.put(part, x: x, y: rect.y, limit: rect.maxX - x, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// Columns of the note kept before the speed gives way: "until 1 of the peers has"
    /// still says what the step waits for.
    static let readableNote = 24
}

/// One key and what it does, for the hint line and the help screen.
struct KeyHint: Hashable, Sendable {
    /// How firmly a hint line holds on to a hint when not all fit.
    enum Hold: Int, Comparable, Sendable {
        /// Shown if there is room.
        case ifRoom
        /// Shown before those only shown if there is room: the keys that make the screen
        /// worth having (stepping, playing, inspecting, the event list).
        case useful
        /// A key the step's text tells the learner to press: kept before the others.
        case asked
        /// Kept however narrow: how to get help and how to leave, without which a new
        /// user is stuck.
        case always

        static func < (lhs: Hold, rhs: Hold) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var keys: String
    var action: String
    var hold: Hold

    init(_ keys: String, _ action: String, hold: Hold = .ifRoom) {
        self.keys = keys
        self.action = action
        self.hold = hold
    }

    static let help = KeyHint("?", "help", hold: .always)

    static func leave(_ action: String) -> KeyHint { KeyHint("q", action, hold: .always) }

    /// Each key the hint stands for: "Tab i" is Tab and i, "+-" is + and -.
    var keyNames: [String] {
        keys.split(separator: " ").flatMap { name in
            name.contains { $0.isLetter || $0.isNumber } ? [String(name)] : name.map(String.init)
        }
    }

    /// This hint, held as `.asked` if `asked` names any of its keys.
    func holding(_ asked: Set<String>) -> KeyHint {
        var hint = self
        if keyNames.contains(where: asked.contains) { hint.hold = max(hold, .asked) }
        return hint
    }

    /// Columns the hint takes on a line.
    var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(action) }

    /// Draws hints in order, as many whole ones as fit on the row: when not all fit, the
    /// last of those held least firmly make way, so the keys the step asks for, help and
    /// leaving stay in view.
    static func drawLine(_ hints: [KeyHint], into canvas: inout Canvas, rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        var shown = hints
        while 1 + shown.map(\.width).reduce(0, +) + 2 * (shown.count - 1) > rect.width,
              let weakest = shown.map(\.hold).filter({ $0 < .always }).min(),
              let last = shown.lastIndex(where: { $0.hold == weakest }) {
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
