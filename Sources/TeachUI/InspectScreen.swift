import Canvas
import LessonKit

/// One labelled fact in the inspector: "queue", "3 waiting".
struct Fact: Hashable, Sendable {
    var label: String
    var value: String

    init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// What the inspector says about one node or message: a title and labelled facts.
struct InspectView: Hashable, Sendable {
    var title: String
    var facts: [Fact]
    /// In words, why it is there or what it is doing.
    var explanation: String
    /// The newest entries of a log the node keeps (a server's access log), oldest first,
    /// listed under the facts beside `recentLabel`: as many of the newest as leave room
    /// for the whole explanation, and at least one.
    var recent: [String] = []
    var recentLabel = "latest"

    /// Draws the inspector over the stage, so the narration beside it stays readable. A
    /// stage too small for it takes in the metrics panel below it (`column`); what does
    /// not fit even there is cut from the oldest of the recent entries, then from the
    /// explanation's end, with an ellipsis.
    func draw(into canvas: inout Canvas, theme: Theme, stage: Rect, column: Rect) {
        let rows = facts + recent.map { Fact(recentLabel, $0) }
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let widest = max(36, rows.map { labelWidth + 2 + DisplayWidth.of($0.value) }.max() ?? 0)
        func layout(in area: Rect) -> (width: Int, why: [[StyledSpan]]) {
            let width = max(1, min(widest, area.width - 4))
            return (width, StyledText(markup: explanation).wrapped(width: width))
        }
        // Inside the frame: the facts and recent entries, a blank row, the explanation, a
        // blank row, the keys.
        func height(_ why: [[StyledSpan]], recent: Int) -> Int { facts.count + recent + 1 + why.count + 2 }
        let area = [stage, column].first { area in
            let (width, why) = layout(in: area)
            return width + 4 <= area.width && height(why, recent: recent.count) + 2 <= area.height
        } ?? column
        var (width, why) = layout(in: area)
        let spare = area.height - 2 - height(why, recent: 0)
        let shown = recent.suffix(min(recent.count, max(1, spare))).enumerated().map { Fact($0 == 0 ? recentLabel : "", $1) }
        let room = max(0, area.height - 2 - height([], recent: shown.count))
        let isCut = why.count > room
        why = Array(why.prefix(room))
        let inside = Overlay.frame(width: width, height: height(why, recent: shown.count), title: title, into: &canvas, theme: theme, area: area)
        var y = inside.y
        for fact in facts + shown where y < inside.maxY - 1 {
            canvas.put(fact.label, x: inside.x, y: y, style: theme.dim)
            canvas.put(fact.value, x: inside.x + labelWidth + 2, y: y, style: .plain, limit: inside.width - labelWidth - 2, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        y += 1
        for (index, line) in why.enumerated() where y < inside.maxY - 1 {
            let last = isCut && index == why.count - 1
            let written = canvas.put(line, x: inside.x, y: y, limit: last ? width - DisplayWidth.of(theme.glyphs.ellipsis) : width, style: theme.text)
            if last { canvas.put(theme.glyphs.ellipsis, x: inside.x + written, y: y, style: theme.dim) }
            y += 1
        }
        let hints = KeyBar.hints([KeyBarEntry(.selectNext, text: "next"), KeyBarEntry(.close, text: "close", keyCount: 2)], places: [.inspector], unicode: theme.unicode)
        KeyHint.drawLine(hints, into: &canvas,
                         rect: Rect(x: inside.x - 1, y: inside.maxY - 1, width: inside.width + 1, height: 1), theme: theme)
    }
}

/// The inspector as a panel: Tab moves to the next node or message, its close keys close
/// it, and any other key closes it and goes on to the screen (a step shows the stage).
struct InspectPanel: Panel {
    var places: [KeyPlace] { [.inspector] }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply {
        switch action {
        case .selectNext:
            app.lesson?.stage.selectNext()
            app.sandbox?.stage.selectNext()
            return .used
        case .close:
            return .closes
        default:
            return .closesAndPasses
        }
    }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        let layout = app.lessonLayout(width: canvas.width, height: canvas.height)
        (app.lesson?.stage.inspector ?? app.sandbox?.stage.inspector)?.draw(into: &canvas, theme: theme, stage: layout.stage, column: layout.stageColumn)
    }
}
