import Canvas

/// Everything the lesson screen shows, gathered from the app state; drawing it needs
/// nothing else.
struct LessonScreenView: Hashable, Sendable {
    /// "2. When the server becomes the bottleneck"
    var title: String
    /// "Twelve clients at once"
    var stepTitle: String
    var scene: Scene
    var selection: Selection?
    /// A distribution curve the step shows in the stage's place.
    var curve: CurveChart? = nil
    var narration: NarrationView
    var metrics: MetricsView
    /// The narration panel's title: "step 2/5", "sandbox".
    var panelTitle: String
    /// The metrics panel's title, saying what its counts cover: "metrics · this swarm".
    var metricsTitle = "metrics"
    var status: StatusView
    var hints: [KeyHint]
    var presenting: Bool

    /// Draws the screen; says where the stage's nodes and messages went (nil when a curve
    /// takes the stage's place).
    @discardableResult
    func draw(into canvas: inout Canvas, theme: Theme) -> StageHits? {
        var stageHits: StageHits?
        let layout = ScreenLayout(width: canvas.width, height: canvas.height, presenting: presenting)
        canvas.fill(layout.title, with: Cell(" ", style: theme.title))
        let separator = theme.unicode ? " · " : " - "
        canvas.put(" " + title + separator + stepTitle, x: layout.title.x, y: layout.title.y, style: theme.title, limit: layout.title.width,
                   ellipsis: theme.glyphs.ellipsis)

        canvas.box(layout.stage, glyphs: theme.glyphs, style: theme.panelBorder)
        if let curve {
            let chart = CurveChartRenderer(chart: curve, theme: theme)
            let bothDrawn = chart.draw(into: &canvas, rect: Self.inner(layout.stage))
            let legend = chart.legend(bothDrawn: bothDrawn).map { LegendEntry(glyphs: String($0.glyph), style: $0.style, title: $0.title) }
            StageLegend(events: legend).draw(into: &canvas, along: layout.stage, theme: theme)
        } else {
            let hits = StageRenderer(scene: scene, theme: theme, selection: selection, roomy: presenting)
                .draw(into: &canvas, rect: layout.stage.inset(by: 1))
            stageHits = hits
            hits.legend.draw(into: &canvas, along: layout.stage, theme: theme)
        }

        canvas.box(layout.narration, glyphs: theme.glyphs, style: theme.panelBorder, title: panelTitle, titleStyle: theme.panelTitle)
        NarrationRenderer(narration: narration, theme: theme).draw(into: &canvas, rect: Self.inner(layout.narration))

        if !layout.metrics.isEmpty {
            canvas.box(layout.metrics, glyphs: theme.glyphs, style: theme.panelBorder, title: metricsTitle, titleStyle: theme.panelTitle)
            MetricsRenderer(metrics: metrics, theme: theme).draw(into: &canvas, rect: Self.inner(layout.metrics))
        }
        status.draw(into: &canvas, rect: layout.status, theme: theme)
        KeyHint.drawLine(hints, into: &canvas, rect: layout.hints, theme: theme)
        return stageHits
    }

    /// A panel's inside with a column of padding on each side.
    static func inner(_ rect: Rect) -> Rect {
        Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }
}
