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
    /// The step's quizzes, each unanswered with its prompt: whether one needs room decides
    /// the layout for the whole step.
    var stepQuizzes: [NarrationView] = []
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
        let layout = ScreenLayout(width: canvas.width, height: canvas.height, presenting: presenting, quizzes: stepQuizzes, theme: theme)
        canvas.fill(layout.title, with: Cell(" ", style: theme.title))
        let separator = theme.unicode ? " · " : " - "
        canvas.put(" " + title + separator + stepTitle, x: layout.title.x, y: layout.title.y, style: theme.title, limit: layout.title.width,
                   ellipsis: theme.glyphs.ellipsis)

        canvas.box(layout.stage, glyphs: theme.glyphs, style: theme.panelBorder)
        if let curve {
            let chart = CurveChartRenderer(chart: curve, theme: theme)
            let bothDrawn = chart.draw(into: &canvas, rect: Self.inner(layout.stage))
            let legend = chart.legend(bothDrawn: bothDrawn).map { LegendEntry(glyphs: String($0.glyph), style: $0.style, title: $0.title) }
            Self.drawLegend(legend, into: &canvas, along: layout.stage, y: layout.stage.maxY - 1, theme: theme)
        } else {
            let hits = StageRenderer(scene: scene, theme: theme, selection: selection, roomy: presenting,
                                     arrangedIn: layout.arrangedStage.inset(by: 1))
                .draw(into: &canvas, rect: layout.stage.inset(by: 1))
            stageHits = hits
            // Who is who that does not fit the top border goes on along the bottom, after
            // what is happening: each glyph keeps its whole word.
            let cast = hits.legend.cast
            let onTop = Self.fitting(cast, along: layout.stage, theme: theme)
            Self.drawLegend(Array(cast[..<onTop]), into: &canvas, along: layout.stage, y: layout.stage.y, theme: theme)
            Self.drawLegend(hits.legend.events + cast[onTop...], into: &canvas, along: layout.stage, y: layout.stage.maxY - 1, theme: theme)
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

    /// What each glyph on the stage means, set into one of the stage's borders (the
    /// stage's legend puts who is who along the top and what happens along the bottom).
    /// Entries come in order of importance: those that do not fit are left out, and an
    /// ellipsis says so.
    /// How many of `entries`, from the first, fit a border of `stage` whole, as
    /// `drawLegend` sets them.
    static func fitting(_ entries: [LegendEntry], along stage: Rect, theme: Theme) -> Int {
        let start = stage.x + 2, end = stage.maxX - 1
        var x = start
        for (index, entry) in entries.enumerated() {
            let width = width(of: entry, after: x > start)
            guard x + width + 1 <= end else { return index }
            x += width
        }
        return entries.count
    }

    /// Columns an entry takes in a legend: a space, its glyphs, and its words after a
    /// space. An entry without glyphs is a sentence about the whole stage ("no lines: any
    /// peer reaches any other"): a second space sets it apart from an entry before it.
    private static func width(of entry: LegendEntry, after others: Bool) -> Int {
        let gap = entry.glyphs.isEmpty ? (others ? 1 : 0) : 1
        return 1 + DisplayWidth.of(entry.glyphs) + gap + DisplayWidth.of(entry.title)
    }

    static func drawLegend(_ entries: [LegendEntry], into canvas: inout Canvas, along stage: Rect, y: Int, theme: Theme) {
        let start = stage.x + 2, end = stage.maxX - 1
        var x = start
        for (index, full) in entries.enumerated() {
            let gap = full.glyphs.isEmpty ? (x > start ? " " : "") : " "
            let glyphs = DisplayWidth.of(full.glyphs)
            func width(_ entry: LegendEntry) -> Int { Self.width(of: entry, after: x > start) }
            // The last entry needs room for the space after it; any other, for an ellipsis too.
            let room = index == entries.count - 1 ? 1 : 1 + 1 + DisplayWidth.of(theme.glyphs.ellipsis)
            // An entry with shorter forms says the longest that fits where the whole one does not.
            let entry = ([full] + full.shorter.map { LegendEntry(glyphs: full.glyphs, style: full.style, title: $0) })
                .first { x + width($0) + room <= end } ?? full
            let width = width(entry)
            guard x + width + room <= end else {
                canvas.put(" " + theme.glyphs.ellipsis, x: x, y: y, style: theme.dim)
                x += 1 + DisplayWidth.of(theme.glyphs.ellipsis)
                break
            }
            canvas.put(" ", x: x, y: y)
            canvas.put(entry.glyphs, x: x + 1, y: y, style: entry.style)
            canvas.put(gap + entry.title, x: x + 1 + glyphs, y: y, style: theme.dim)
            x += width
        }
        if x > start { canvas.put(" ", x: x, y: y) }
    }
}
