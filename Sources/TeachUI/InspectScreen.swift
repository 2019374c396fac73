import Canvas

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

    /// Draws the inspector over `stage`, so the narration beside it stays readable (over
    /// the whole screen when the stage is too small to hold all of it).
    func draw(into canvas: inout Canvas, theme: Theme, stage: Rect) {
        let labelWidth = facts.map { DisplayWidth.of($0.label) }.max() ?? 0
        let widest = max(36, facts.map { labelWidth + 2 + DisplayWidth.of($0.value) }.max() ?? 0)
        func size(in area: Rect) -> (width: Int, height: Int) {
            let width = min(widest, max(20, area.width - 4))
            return (width, facts.count + 1 + StyledText(markup: explanation).wrapped(width: width).count + 2)
        }
        let fitsStage = size(in: stage).width + 4 <= stage.width && size(in: stage).height + 2 <= stage.height
        let area = fitsStage ? stage : canvas.bounds
        let (width, height) = size(in: area)
        let why = StyledText(markup: explanation).wrapped(width: width)
        let inside = Overlay.frame(width: width, height: height, title: title, into: &canvas, theme: theme, area: area)
        var y = inside.y
        for fact in facts where y < inside.maxY {
            canvas.put(fact.label, x: inside.x, y: y, style: theme.dim)
            canvas.put(fact.value, x: inside.x + labelWidth + 2, y: y, limit: inside.width - labelWidth - 2)
            y += 1
        }
        y += 1
        for line in why where y < inside.maxY {
            canvas.put(line, x: inside.x, y: y, style: theme.text)
            y += 1
        }
        KeyHint.drawLine([KeyHint("Tab", "next"), KeyHint("i Esc", "close")], into: &canvas,
                         rect: Rect(x: inside.x - 1, y: inside.maxY - 1, width: inside.width + 1, height: 1), theme: theme)
    }
}
