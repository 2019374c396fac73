import Canvas
import LessonKit
import NetSim

/// Draws the app into a fresh canvas of the window's size. Pure: the same state, size
/// and capabilities always give the same cells. Screens draw in colour and Unicode; the
/// result is reduced at the end for terminals without them.
public func render(_ state: AppState, width: Int, height: Int, capabilities: Capabilities) -> Canvas {
    var canvas = Canvas(width: 0, height: 0)
    render(state, into: &canvas, width: width, height: height, capabilities: capabilities)
    return canvas
}

/// `render` into a canvas kept from an earlier frame: the same cells, drawn over its
/// storage, which a loop alternating two canvases (this frame and the last, for the
/// diff) then never allocates again. Nothing of what the canvas held shows through.
public func render(_ state: AppState, into canvas: inout Canvas, width: Int, height: Int, capabilities: Capabilities) {
    canvas.reset(width: width, height: height)
    let theme = Theme(capabilities)
    if !ScreenLayout.fits(width: width, height: height) {
        TooSmall.draw(into: &canvas, theme: theme)
    } else if !state.blanked {
        state.draw(into: &canvas, theme: theme)
    }
    if !capabilities.color { canvas.reduceToMonochrome() }
    if !capabilities.unicode { canvas.reduceToASCII() }
}

extension AppState {
    func draw(into canvas: inout Canvas, theme: Theme) {
        if let lesson {
            lessonView(lesson, theme: theme, width: canvas.width, height: canvas.height).draw(into: &canvas, theme: theme)
        } else if let sandbox {
            sandboxView(sandbox, theme: theme).draw(into: &canvas, theme: theme)
        } else {
            MenuRenderer(menu: menuView, theme: theme).draw(into: &canvas)
        }
        drawClass(into: &canvas, theme: theme)
        overlay?.draw(self, into: &canvas, theme: theme)
        if !reloadProblems.isEmpty, lesson?.index == watchedLesson {
            ReloadProblemsPanel(problems: reloadProblems).draw(self, into: &canvas, theme: theme)
        }
    }
}
