import Canvas

/// The stage's legend set into its two borders: who is who along the top, what happens
/// along the bottom, and what does not fit on its own border goes on along the other.
/// Every glyph on the stage keeps its entry: where the entries do not all fit, the
/// longest words give way to their shorter forms first (a sentence about the whole stage
/// before any glyph's word), and only when every word is at its shortest is anything
/// left out, the least important first, with an ellipsis to say so.
extension StageLegend {
    /// The entries on each border, each in the form it is drawn in, and whether some were
    /// left out (the bottom border ends in an ellipsis then).
    struct Borders: Hashable, Sendable {
        var top: [LegendEntry] = []
        var bottom: [LegendEntry] = []
        var leftOut = false
    }

    /// Columns a border of `stage` holds for entries: it keeps its corner and a line cell
    /// at each end, and a space after the last entry ("shown ─┐", never "shown ┐").
    static func room(along stage: Rect) -> Int { max(0, stage.width - 5) }

    /// Columns an entry takes in a legend: a space, its glyphs, and its words after a
    /// space. An entry without glyphs is a sentence about the whole stage ("no lines: any
    /// peer reaches any other"): a second space sets it apart from an entry before it.
    static func width(of entry: LegendEntry, after others: Bool) -> Int {
        let gap = entry.glyphs.isEmpty ? (others ? 1 : 0) : 1
        return 1 + DisplayWidth.of(entry.glyphs) + gap + DisplayWidth.of(entry.title)
    }

    /// Where each entry goes, for borders of `room` columns each; `ellipsis` is the width
    /// of the glyph that says something was left out.
    func borders(room: Int, ellipsis: Int = 1) -> Borders {
        let entries = all
        let onTop = cast.count
        // Each entry's forms, longest first; `form[i]` is the one it takes now.
        let forms = entries.map { [$0.title] + $0.shorter }
        var form = Array(repeating: 0, count: entries.count)
        var kept = Array(entries.indices)
        var leftOut = false
        while true {
            func entry(_ index: Int) -> LegendEntry {
                var entry = entries[index]
                entry.title = forms[index][form[index]]
                entry.shorter = []
                return entry
            }
            // The bottom border keeps room for the ellipsis once anything is left out.
            let bottomRoom = room - (leftOut ? 1 + ellipsis : 0)
            if let (top, bottom) = Self.pack(kept.filter { $0 < onTop }, kept.filter { $0 >= onTop },
                                             width: { Self.width(of: entry($0), after: $1) }, room: room, bottomRoom: bottomRoom) {
                return Borders(top: top.map(entry), bottom: bottom.map(entry), leftOut: leftOut)
            }
            // A sentence gives way first, then the longest words, the less important first.
            let shortenable = kept.filter { form[$0] < forms[$0].count - 1 }
            if let next = shortenable.max(by: { a, b in
                let (ea, eb) = (entries[a], entries[b])
                return (ea.glyphs.isEmpty ? 1 : 0, DisplayWidth.of(forms[a][form[a]]), a)
                    < (eb.glyphs.isEmpty ? 1 : 0, DisplayWidth.of(forms[b][form[b]]), b)
            }) {
                form[next] += 1
                continue
            }
            guard !kept.isEmpty else { return Borders(leftOut: leftOut) }
            // Left out: a sentence first, then the last of what happens (the problems come
            // first), then the last of who is who.
            let dropped = kept.last { entries[$0].glyphs.isEmpty } ?? kept.last { $0 >= onTop } ?? kept.last!
            kept.removeAll { $0 == dropped }
            leftOut = true
        }
    }

    /// Fills the two borders, first fit: who is who along the top and what happens along
    /// the bottom, then what did not fit there on the other border, after what is on it.
    /// Nil when something fits neither.
    private static func pack(
        _ cast: [Int], _ events: [Int], width: (Int, Bool) -> Int, room: Int, bottomRoom: Int
    ) -> (top: [Int], bottom: [Int])? {
        var top: [Int] = [], bottom: [Int] = []
        var topUsed = 0, bottomUsed = 0
        func put(_ index: Int, onTop: Bool) -> Bool {
            let used = onTop ? topUsed : bottomUsed
            let line = onTop ? top : bottom
            let taken = width(index, !line.isEmpty)
            guard used + taken <= (onTop ? room : bottomRoom) else { return false }
            if onTop { top.append(index); topUsed += taken } else { bottom.append(index); bottomUsed += taken }
            return true
        }
        let castLeft = cast.filter { !put($0, onTop: true) }
        let eventsLeft = events.filter { !put($0, onTop: false) }
        guard eventsLeft.allSatisfy({ put($0, onTop: true) }), castLeft.allSatisfy({ put($0, onTop: false) }) else { return nil }
        return (top, bottom)
    }

    /// Draws the legend into the top and bottom borders of `stage`.
    func draw(into canvas: inout Canvas, along stage: Rect, theme: Theme) {
        let borders = borders(room: Self.room(along: stage), ellipsis: DisplayWidth.of(theme.glyphs.ellipsis))
        Self.drawLine(borders.top, into: &canvas, along: stage, y: stage.y, theme: theme)
        Self.drawLine(borders.bottom, into: &canvas, along: stage, y: stage.maxY - 1, theme: theme, leftOut: borders.leftOut)
    }

    /// Sets entries, in the forms given, into one border of `stage` at row `y`, each after
    /// a space; an ellipsis at the end when some were left out.
    static func drawLine(_ entries: [LegendEntry], into canvas: inout Canvas, along stage: Rect, y: Int, theme: Theme, leftOut: Bool = false) {
        let start = stage.x + 2
        var x = start
        for entry in entries {
            let gap = entry.glyphs.isEmpty ? (x > start ? " " : "") : " "
            canvas.put(" ", x: x, y: y)
            canvas.put(entry.glyphs, x: x + 1, y: y, style: entry.style)
            canvas.put(gap + entry.title, x: x + 1 + DisplayWidth.of(entry.glyphs), y: y, style: theme.dim)
            x += width(of: entry, after: x > start)
        }
        if leftOut {
            canvas.put(" " + theme.glyphs.ellipsis, x: x, y: y, style: theme.dim)
            x += 1 + DisplayWidth.of(theme.glyphs.ellipsis)
        }
        if x > start { canvas.put(" ", x: x, y: y) }
    }
}
