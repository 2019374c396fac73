import Canvas
import LessonKit

/// Where each panel of the lesson screen goes for a window size. Pure, so the update
/// function can find what a mouse click hit by laying the screen out again.
struct ScreenLayout: Hashable, Sendable {
    /// Below this the screen says it is too small instead of drawing a garbled picture.
    static let minimumWidth = 60
    static let minimumHeight = 16

    var title: Rect
    var stage: Rect
    var narration: Rect
    var metrics: Rect
    var status: Rect
    var hints: Rect

    /// The stage with the metrics panel under it: the most an overlay about the network
    /// (the inspector) may cover and leave the narration in view.
    var stageColumn: Rect {
        Rect(x: stage.x, y: stage.y, width: stage.width, height: metrics.maxY - stage.y)
    }

    /// The metrics panel's rows when presenting in a window under 40 rows.
    static let presentingMetricsRows = 6

    static func fits(width: Int, height: Int) -> Bool {
        width >= minimumWidth && height >= minimumHeight
    }

    /// The lesson screen: title on top, status and key hints at the bottom, the stage on
    /// the left above the metrics, narration on the right; in a tall narrow window the
    /// narration goes below instead. Presenting drops the hints and shrinks the metrics
    /// (when short of room) so the stage is as large as the window allows.
    ///
    /// The panels do not depend on the step: a quiz gets no wider narration, so the stage
    /// keeps one rectangle through a whole lesson (play-test: at 80x24 the stage was 46
    /// columns wide on most steps and 38 on steps whose quiz took room, and the nodes
    /// moved between steps). A quiz short of room keeps its question and every choice in
    /// view and scrolls the text above it instead (`NarrationRenderer`): at 80x24 the
    /// longest bundled quiz takes 18 of the panel's 19 rows.
    init(width: Int, height: Int, presenting: Bool) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (title, belowTitle) = screen.splitTop(1)
        let footerRows = presenting ? 1 : 2
        let (body, footer) = belowTitle.splitTop(belowTitle.height - footerRows)
        let (status, hints) = footer.splitTop(1)
        // Presenting keeps the stage large but not at the cost of the gauges the narration
        // points at: a short window keeps a panel of four lines of figures.
        let metricsRows = presenting && height < 40 ? Self.presentingMetricsRows : min(max(body.height / 3, 6), 12)
        let stage: Rect, metrics: Rect, narration: Rect
        if width < 100, height >= width / 2 + 8 {
            let (top, below) = body.splitTop(body.height * 11 / 20)
            (stage, metrics) = top.splitTop(top.height - min(metricsRows, top.height / 3))
            narration = below
        } else {
            let narrationWidth = min(max(width * 2 / 5, 30), presenting ? 72 : 64)
            let (left, right) = body.splitLeft(body.width - narrationWidth)
            (stage, metrics) = left.splitTop(left.height - metricsRows)
            narration = right
        }
        self.title = title
        self.stage = stage
        self.narration = narration
        self.metrics = metrics
        self.status = status
        self.hints = presenting ? Rect(x: 0, y: height, width: width, height: 0) : hints
    }
}

extension AppState {
    /// Where each panel is now, in the window's size.
    var screenLayout: ScreenLayout { lessonLayout(width: width, height: height) }

    /// Where each panel goes in a window of this size, presenting or not.
    func lessonLayout(width: Int, height: Int) -> ScreenLayout {
        ScreenLayout(width: width, height: height, presenting: presenting)
    }
}
