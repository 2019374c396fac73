import Canvas

/// One lesson as the menu lists it.
struct MenuEntry: Hashable, Sendable {
    var title: String
    var summary: String
    var stepCount: Int
    var finished: Bool
}

/// A lesson and a step in it (both 0-based): where the learner stopped, where a row leads.
struct LessonPlace: Hashable, Sendable {
    var lesson: Int
    var step: Int
}

/// The course in order, with the learner's place in it. The first row, when the learner
/// has stopped somewhere, continues there.
struct MenuView: Hashable, Sendable {
    var entries: [MenuEntry]
    /// Where the learner stopped, if anywhere.
    var resume: LessonPlace?
    /// Row selected: 0 is "continue" when there is one, then the lessons.
    var selected: Int

    /// The lesson a row opens and the step to open it at.
    func target(ofRow row: Int) -> LessonPlace? {
        let lesson = resume == nil ? row : row - 1
        if resume != nil, row == 0 { return resume }
        return entries.indices.contains(lesson) ? LessonPlace(lesson: lesson, step: 0) : nil
    }
}

/// Draws the menu: title, the rows, the selected lesson's summary, key hints.
struct MenuRenderer {
    let menu: MenuView
    let theme: Theme

    func draw(into canvas: inout Canvas) {
        let screen = canvas.bounds
        let (title, belowTitle) = screen.splitTop(1)
        canvas.fill(title, with: Cell(" ", style: theme.title))
        canvas.put(" netstep: client-server and peer-to-peer, step by step", x: 0, y: 0, style: theme.title)
        let (body, footer) = belowTitle.splitTop(belowTitle.height - 1)
        KeyHint.drawLine(hints, into: &canvas, rect: footer, theme: theme)

        let content = Rect(x: body.x + 2, y: body.y + 1, width: body.width - 4, height: body.height - 1)
        let selectedLesson = menu.target(ofRow: menu.selected)?.lesson
        let summaryRows = selectedLesson.map { StyledText(markup: menu.entries[$0].summary).wrapped(width: max(1, content.width)).count } ?? 0
        var rows: [(text: String, finished: Bool, row: Int)] = []
        if let resume = menu.resume {
            let entry = menu.entries[resume.lesson]
            let arrow = theme.unicode ? "▶" : ">"
            rows.append(("\(arrow) Continue where you stopped: \(resume.lesson + 1). \(entry.title), step \(resume.step + 1) of \(entry.stepCount)", false, 0))
        }
        let firstLesson = menu.resume == nil ? 0 : 1
        let numberWidth = String(menu.entries.count).count
        for (index, entry) in menu.entries.enumerated() {
            let number = String(index + 1)
            let padded = String(repeating: " ", count: numberWidth - number.count) + number
            rows.append(("\(padded). \(entry.title)", entry.finished, index + firstLesson))
        }

        // Keep the selected row in view when the list is longer than the window.
        // Rows for lessons: what the continue row (and the blank after it) and the summary
        // (and the blank before it) leave.
        let visible = max(1, content.height - (menu.resume == nil ? 0 : 2) - (summaryRows + 1))
        let lessonRows = rows.filter { $0.row >= firstLesson }
        let selectedLessonRow = max(0, menu.selected - firstLesson)
        let start = min(max(0, selectedLessonRow - visible + 1), max(0, lessonRows.count - visible))
        var shown = Array(rows.prefix(firstLesson))
        if menu.resume != nil { shown.append(("", false, -1)) }
        shown += lessonRows.dropFirst(start).prefix(visible)

        let tick = theme.unicode ? "✓" : "+"
        var y = content.y
        for row in shown where y < content.maxY {
            defer { y += 1 }
            guard row.row >= 0 else { continue }
            let selected = row.row == menu.selected
            let style = selected ? theme.selection : (row.row == 0 && menu.resume != nil ? theme.key : .plain)
            if selected { canvas.fill(Rect(x: content.x, y: y, width: content.width, height: 1), with: Cell(" ", style: style)) }
            canvas.put(row.finished ? tick : " ", x: content.x, y: y, style: selected ? style : theme.good)
            canvas.put(row.text, x: content.x + 2, y: y, style: style, limit: content.width - 12)
            if row.row >= firstLesson {
                let count = menu.entries[row.row - firstLesson].stepCount
                let steps = count == 1 ? "1 step" : "\(count) steps"
                canvas.put(steps, x: content.maxX - DisplayWidth.of(steps), y: y, style: selected ? style : theme.dim)
            }
        }

        if let selectedLesson {
            let lines = StyledText(markup: menu.entries[selectedLesson].summary).wrapped(width: max(1, content.width))
            var y = max(y + 1, content.maxY - lines.count)
            for line in lines where y < content.maxY {
                canvas.put(line, x: content.x, y: y, style: theme.text)
                y += 1
            }
        }
    }

    private var hints: [KeyHint] {
        let arrows = theme.unicode ? "↑↓" : "Up/Down"
        return [KeyHint(arrows, "choose"), KeyHint("Enter", "open"), KeyHint("s", "sandbox"), .help, .leave("quit")]
    }
}
