import Canvas
import LessonKit
import NetSim

/// Draws the app into a fresh canvas of the window's size. Pure: the same state, size
/// and capabilities always give the same cells. Screens draw in colour and Unicode; the
/// result is reduced at the end for terminals without them.
public func render(_ state: AppState, width: Int, height: Int, capabilities: Capabilities) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    let theme = Theme(capabilities)
    if !ScreenLayout.fits(width: width, height: height) {
        TooSmall.draw(into: &canvas, theme: theme)
    } else if !state.blanked {
        state.draw(into: &canvas, theme: theme)
    }
    if !capabilities.color { canvas = canvas.monochrome() }
    if !capabilities.unicode { canvas = canvas.asciiOnly() }
    return canvas
}

extension AppState {
    func draw(into canvas: inout Canvas, theme: Theme) {
        if let lesson {
            lessonView(lesson, theme: theme).draw(into: &canvas, theme: theme)
        } else if let sandbox {
            sandboxView(sandbox, theme: theme).draw(into: &canvas, theme: theme)
        } else {
            MenuRenderer(menu: menuView, theme: theme).draw(into: &canvas)
        }
        switch overlay {
        case .help:
            HelpScreen.draw(for: lesson != nil ? .lesson : sandbox != nil ? .sandbox : .menu, leaving: leaveHint, into: &canvas, theme: theme)
        case let .events(selected):
            (lesson?.stage.events(selected: selected) ?? sandbox?.stage.events(selected: selected))?.draw(into: &canvas, theme: theme)
        case .inspect:
            let layout = ScreenLayout(width: canvas.width, height: canvas.height, presenting: presenting)
            (lesson?.stage.inspector ?? sandbox?.stage.inspector)?.draw(into: &canvas, theme: theme, stage: layout.stage, column: layout.stageColumn)
        case nil: break
        }
        if let digits = lesson?.jumpDigits, let count = lesson?.lesson.steps.count {
            let inside = Overlay.frame(width: 30, height: 2, title: "go to step", into: &canvas, theme: theme)
            canvas.put("Step (1-\(count)): \(digits)_", x: inside.x, y: inside.y, style: theme.key)
            canvas.put("Enter go  Esc cancel", x: inside.x, y: inside.y + 1, style: theme.dim)
        }
        if !reloadProblems.isEmpty, lesson?.index == watchedLesson { drawReloadProblems(into: &canvas, theme: theme) }
    }

    /// A broken edit of the watched lesson, while it is on screen: what is wrong and where, over the lesson
    /// (which keeps running as it was) until a good edit arrives.
    private func drawReloadProblems(into canvas: inout Canvas, theme: Theme) {
        let width = min(canvas.width - 6, 100)
        let lines = reloadProblems.flatMap { StyledText([StyledSpan($0.description)]).wrapped(width: width) }
        let inside = Overlay.frame(width: width, height: min(lines.count + 2, canvas.height - 4), title: "this edit does not load",
                                   into: &canvas, theme: theme)
        canvas.put("The lesson keeps running as it was. Fix the file and save it again.", x: inside.x, y: inside.y, style: theme.dim, limit: inside.width)
        for (offset, line) in lines.enumerated() where inside.y + 2 + offset < inside.maxY {
            canvas.put(line, x: inside.x, y: inside.y + 2 + offset) { _ in theme.alarm }
        }
    }
}
