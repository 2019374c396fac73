import Canvas
import LessonKit

/// A broken edit of the watched lesson, while it is on screen: what is wrong and where,
/// over the lesson (which keeps running as it was, taking every key) until a good edit
/// arrives.
struct ReloadProblemsPanel: Panel {
    var problems: [Diagnostic]

    var places: [KeyPlace] { [] }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply { .closesAndPasses }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        let width = min(canvas.width - 6, 100)
        let lines = problems.flatMap { StyledText([StyledSpan($0.description)]).wrapped(width: width) }
        let inside = Overlay.frame(width: width, height: min(lines.count + 2, canvas.height - 4), title: "this edit does not load",
                                   into: &canvas, theme: theme)
        canvas.put("The lesson keeps running as it was. Fix the file and save it again.", x: inside.x, y: inside.y, style: theme.dim, limit: inside.width)
        for (offset, line) in lines.enumerated() where inside.y + 2 + offset < inside.maxY {
            canvas.put(line, x: inside.x, y: inside.y + 2 + offset) { _ in theme.alarm }
        }
    }
}
