import Canvas
import LessonKit
import NetSim

/// The event list, like Packet Tracer's: every event so far, when it happened, what
/// happened and between whom. `/` narrows it to the events matching what is typed (words
/// of the text, a node's name, a kind such as "corrupt" or "dropped"); n and N go from
/// match to match; Enter shows the stage at the selected event, exactly as stepping
/// there would.
struct EventListPanel: Panel {
    /// The selected event, 0-based among the events so far.
    var selected: Int
    /// What was searched for; empty: every event is listed.
    var query = ""
    /// A search is being typed: letters go into it.
    var typing = false
    /// The events matching `query` (0-based, in order), found when it changed.
    var matches: [Int] = []
    /// The event selected when the search began: the search finds the first match after
    /// it, wrapping round to the first event, whatever is typed next.
    var searchFrom = 0
    /// Why the last Enter did not move the stage.
    var note: String?

    init(selected: Int) {
        self.selected = selected
    }

    var places: [KeyPlace] { typing ? [.search] : [.eventList] }

    /// The events listed: the matches while searching, else all of `count`.
    private func listed(_ count: Int) -> [Int] {
        query.isEmpty ? Array(0..<count) : matches.filter { $0 < count }
    }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply {
        let reports = app.shownReports
        note = nil
        if typing {
            switch action {
            case .close: typing = false
            case .erase:
                if !query.isEmpty { query.removeLast() }
                find(in: reports)
            default:
                guard case let .character(c) = key else { break }
                query.append(c)
                find(in: reports)
            }
            return .used
        }
        let rows = listed(reports.count)
        let row = rows.lastIndex { $0 <= selected } ?? 0
        func select(row: Int) {
            guard !rows.isEmpty else { return }
            selected = rows[min(max(0, row), rows.count - 1)]
        }
        switch action {
        case .moveUp: select(row: row - 1)
        case .moveDown: select(row: row + 1)
        case .pageUp: select(row: row - 10)
        case .pageDown: select(row: row + 10)
        case .first: select(row: 0)
        case .last: select(row: rows.count - 1)
        case .search:
            typing = true
            query = ""
            matches = []
            searchFrom = selected
        case .nextMatch:
            guard !rows.isEmpty else { break }
            selected = rows.first { $0 > selected } ?? rows[0]
        case .previousMatch:
            guard !rows.isEmpty else { break }
            selected = rows.last { $0 < selected } ?? rows[rows.count - 1]
        case .goToSelected:
            guard reports.indices.contains(reports.startIndex + selected) else { return .closes }
            if app.seekStage(toEvent: selected + 1) { return .closes }
            note = "Event \(selected + 1) came before this step: p goes back a step."
        case .close:
            return .closes
        default:
            break
        }
        return .used
    }

    /// Finds the events matching the query and selects the first one after the event
    /// selected when the search began, wrapping round: opened on the latest event, that
    /// is the first match of all, as a reader expects.
    private mutating func find(in reports: Slice<EventReports>) {
        let words = query.lowercased().split(separator: " ").map(String.init)
        matches = words.isEmpty ? [] : reports.enumerated().compactMap { offset, report in
            let text = Self.searchText(report)
            return words.allSatisfy(text.contains) ? offset : nil
        }
        if let match = matches.first(where: { $0 > searchFrom }) ?? matches.first { selected = match }
    }

    /// "match 3 of 17", or "no match", while a search is in force.
    var matchText: String? {
        guard !query.isEmpty else { return nil }
        guard let index = matches.firstIndex(of: selected) else { return matches.isEmpty ? "no match" : "\(matches.count) matches" }
        return "match \(index + 1) of \(matches.count)"
    }

    /// What a search looks in: the verb, the kind and the line, in lower case ("sent"
    /// finds a message done sending: its line says "sent").
    static func searchText(_ report: StepReport) -> String {
        [verb(report.kind), report.kind.rawValue, report.message?.kind.title ?? "", report.summary].joined(separator: " ").lowercased()
    }

    /// What happened, in a word or two that lead every row: cut short, a row keeps them.
    /// A message's row comes when its last bit has left the sender, which a bare "sent"
    /// read as "started" hid: "done sending", then "arrived" (its start is in the text,
    /// and the senders still at it are listed below the rows).
    static func verb(_ kind: EventKind) -> String {
        switch kind {
        case .transmitted: "done sending"
        case .delivered: "arrived"
        case .completed: "arrived"
        case .lost: "lost"
        case .accepted: "starts"
        case .queued: "queued"
        case .dropped: "dropped"
        case .refused: "refused"
        case .served: "answers"
        case .timedOut: "retries"
        case .gaveUp: "gave up"
        case .rejected: "rejects"
        case .rechoked: "rechoke"
        case .found: "found"
        case .connected: "call"
        case .timer: "timer"
        case .hit: "hit"
        case .miss: "miss"
        case .left: "left"
        }
    }

    /// The widest verb, for the column the rows' texts start after.
    static let verbWidth = EventKind.allCases.map { DisplayWidth.of(verb($0)) }.max() ?? 0

    /// The row's text after its verb: the summary without the words the verb says, and
    /// for a message done sending, when it started (sending takes time on a slow link).
    static func text(_ report: StepReport) -> String {
        let summary = report.summary
        for ending in [" sent, travelling"] where summary.hasSuffix(ending) {
            let started = report.message.map { ", began at " + Units.format(duration: $0.departs) } ?? ""
            return String(summary.dropLast(ending.count)) + started
        }
        return summary
    }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        let reports = app.shownReports
        let rows = listed(reports.count)
        let width = max(40, canvas.width - 8), height = max(6, canvas.height - 6)
        let title = matchText.map { "events: \u{201C}\(query)\u{201D} \($0) (\(reports.count) in all)" } ?? "events: \(reports.count)"
        let inside = Overlay.frame(width: width, height: height, title: title, into: &canvas, theme: theme)
        guard inside.height > 2 else { return }
        let listRows = inside.height - 2
        let selectedRow = rows.lastIndex { $0 <= selected } ?? 0
        let start = min(max(0, selectedRow - listRows / 2), max(0, rows.count - listRows))
        let shown = rows.dropFirst(start).prefix(listRows).map { reports[reports.startIndex + $0] }
        let timeWidth = shown.map { Units.format(duration: $0.time).count }.max() ?? 0
        let numberWidth = String(shown.last?.index ?? 0).count
        let verbWidth = Self.verbWidth
        for (offset, report) in shown.enumerated() {
            let y = inside.y + offset
            let isSelected = report.index == selected + 1
            let style = isSelected ? theme.selection : .plain
            if isSelected { canvas.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), with: Cell(" ", style: style)) }
            let time = Units.format(duration: report.time)
            let head = Self.padded(String(report.index), numberWidth) + "  " + Self.padded(time, timeWidth) + "  "
            var x = inside.x
            x += canvas.put(head, x: x, y: y, style: isSelected ? style : theme.dim, limit: inside.maxX - x, ellipsis: theme.glyphs.ellipsis)
            let verb = Self.verb(report.kind)
            canvas.put(verb, x: x, y: y, style: isSelected ? style : Self.verbStyle(report.kind, theme: theme), limit: inside.maxX - x,
                       ellipsis: theme.glyphs.ellipsis)
            x += verbWidth + 1
            guard x < inside.maxX else { continue }
            canvas.put(Self.text(report), x: x, y: y, style: style, limit: inside.maxX - x, ellipsis: theme.glyphs.ellipsis)
        }
        if rows.isEmpty {
            let empty = reports.isEmpty ? "Nothing has happened yet: step forward or play." : "No event matches: / searches again."
            canvas.put(empty, x: inside.x, y: inside.y, style: theme.dim, limit: inside.width, ellipsis: theme.glyphs.ellipsis)
        }
        if !rows.isEmpty, let simulation = app.shownSimulation, let sending = Self.sendingNow(simulation, theme: theme) {
            canvas.put(sending, x: inside.x, y: inside.maxY - 2, style: theme.dim, limit: inside.width, ellipsis: theme.glyphs.ellipsis)
        }
        let footer = Rect(x: inside.x - 1, y: inside.maxY - 1, width: inside.width + 1, height: 1)
        if typing {
            let prompt = canvas.put("/" + query + "_", x: inside.x, y: footer.y, style: theme.key, limit: inside.width)
            KeyHint.drawLine(KeyBar.hints([KeyBarEntry(.close, text: "keep"), KeyBarEntry(.erase, text: "erase")], places: places, unicode: theme.unicode),
                             into: &canvas, rect: Rect(x: inside.x + prompt + 1, y: footer.y, width: max(0, inside.width - prompt - 1), height: 1), theme: theme)
        } else if let note {
            canvas.put(note, x: inside.x, y: footer.y, style: theme.alarm, limit: inside.width, ellipsis: theme.glyphs.ellipsis)
        } else {
            KeyHint.drawLine(KeyBar.hints([
                KeyBarEntry(.moveUp, .moveDown, text: "move"), KeyBarEntry(.goToSelected, text: "show it"),
                KeyBarEntry(.search, text: "search"), KeyBarEntry(.nextMatch, .previousMatch, text: "next/prev match"),
                KeyBarEntry(.close, text: "close", keyCount: 2),
            ], places: places, unicode: theme.unicode), into: &canvas, rect: footer, theme: theme)
        }
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// What went wrong stands out: the verbs of losses, refusals and rejections in the alarm colour.
    private static func verbStyle(_ kind: EventKind, theme: Theme) -> Style {
        switch kind {
        case .lost, .dropped, .refused, .gaveUp, .rejected: theme.alarm
        default: theme.key
        }
    }
}
