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
        case .help: HelpScreen.draw(for: lesson != nil ? .lesson : sandbox != nil ? .sandbox : .menu, into: &canvas, theme: theme)
        case let .events(selected):
            (lesson?.stage.events(selected: selected) ?? sandbox?.stage.events(selected: selected))?.draw(into: &canvas, theme: theme)
        case .inspect: (lesson?.stage.inspector ?? sandbox?.stage.inspector)?.draw(into: &canvas, theme: theme)
        case nil: break
        }
        if let digits = lesson?.jumpDigits, let count = lesson?.lesson.steps.count {
            let inside = Overlay.frame(width: 30, height: 2, title: "go to step", into: &canvas, theme: theme)
            canvas.put("Step (1-\(count)): \(digits)_", x: inside.x, y: inside.y, style: theme.key)
            canvas.put("Enter go  Esc cancel", x: inside.x, y: inside.y + 1, style: theme.dim)
        }
        if !reloadProblems.isEmpty { drawReloadProblems(into: &canvas, theme: theme) }
    }

    /// A broken edit of the lesson on screen: what is wrong and where, over the lesson
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

    /// Where the learner stopped last: the lesson they were in most recently is not
    /// recorded, so the first unfinished lesson with a step recorded past the first.
    var resumePlace: LessonPlace? {
        for (index, lesson) in lessons.enumerated() {
            guard let record = progress.lessons[lesson.id], !record.finished, record.step > 0 else { continue }
            return LessonPlace(lesson: index, step: min(record.step, max(0, lesson.steps.count - 1)))
        }
        return nil
    }

    var menuView: MenuView {
        MenuView(
            entries: lessons.map {
                MenuEntry(title: $0.title, summary: $0.summary, stepCount: $0.steps.count,
                          finished: progress.lessons[$0.id]?.finished ?? false)
            },
            resume: resumePlace, selected: menuSelection)
    }

    /// Keys on the hint line of any simulation screen, after the screen's own.
    func stageHints(unicode: Bool) -> [KeyHint] {
        let (right, left) = unicode ? ("→", "←") : (">", "<")
        return [KeyHint(right, "step"), KeyHint(left, "back"), KeyHint("Enter", "play"), KeyHint("+-", "speed"),
                KeyHint("Tab i", "inspect"), KeyHint("e", "events"), KeyHint("?", "help"), KeyHint("q", "back")]
    }

    func sandboxView(_ sandbox: SandboxSession, theme: Theme) -> LessonScreenView {
        let stage = sandbox.stage
        let simulation = stage.shown.simulation
        let nodes = simulation.nodeIDs.filter { !simulation.node($0).hasLeft }.count
        let text = """
            A **\(sandbox.model.rawValue)** network of \(nodes) nodes. Change it with the keys below and watch the metrics answer.

            Select a node with *Tab* or a click; `k` takes it down or brings it back, `x` removes it, `u` and `U` double or halve its upload.
            """
        let narration = NarrationView(
            blocks: text.split(separator: "\n\n").map { NarrationBlock(kind: .text, text: StyledText(markup: String($0))) },
            prompt: StyledText(markup: sandbox.message))
        return LessonScreenView(
            title: "Sandbox", stepTitle: sandbox.model.rawValue, scene: stage.scene, selection: stage.selection,
            narration: narration, metrics: stage.metrics, panelTitle: "sandbox",
            status: StatusView(
                playing: stage.playback.playing, position: "sandbox", time: Units.format(duration: stage.shown.time),
                speed: stage.playback.speedLabel(unicode: theme.unicode), events: simulation.eventCount),
            hints: SandboxSession.hints(model: sandbox.model) + stageHints(unicode: theme.unicode), presenting: presenting)
    }
}
