import Canvas
import LessonKit
import NetSim

/// One labelled quantity with a bar: a queue's fill, a node's upload, a peer's share.
struct Meter: Hashable, Sendable {
    var label: String
    var fraction: Double
    private var figure: Figure
    /// Drawn in the alarm colour: a full queue, an overloaded server.
    var alarm = false

    /// The figure after the bar, as text or as a size written only when read: a swarm
    /// makes an upload meter for each of its hundreds of nodes every frame, and the panel
    /// shows a few dozen of them.
    private enum Figure: Hashable, Sendable {
        case text(String)
        case bits(Double)
    }

    init(label: String, fraction: Double, value: String, alarm: Bool = false) {
        self.label = label
        self.fraction = fraction
        figure = .text(value)
        self.alarm = alarm
    }

    init(label: String, fraction: Double, bits: Double, alarm: Bool = false) {
        self.label = label
        self.fraction = fraction
        figure = .bits(bits)
        self.alarm = alarm
    }

    /// The figure printed after the bar: "3/8", "12 Mb", "45%".
    var value: String {
        switch figure {
        case let .text(text): text
        case let .bits(bits): Units.format(bits: bits)
        }
    }
}

/// A quantity over time, as a sparkline.
struct Trend: Hashable, Sendable {
    var label: String
    var values: [Double]
    var value: String
    /// The value at the top of the chart (a queue's limit); nil: the largest shown.
    var maximum: Double? = nil
}

/// A row of figures under column headings, like a curve's times for each crowd size.
struct FigureRow: Hashable, Sendable {
    var label: String
    /// The label when the full one leaves too little room for the figures.
    var shortLabel: String
    var figures: [String]
    var labelStyle: Style = .plain
}

/// What the metrics panel shows, most important first: the gauges of the busiest
/// nodes, each peer's share of the file, one trend over time, then per-node uploads.
struct MetricsView: Hashable, Sendable {
    var gauges: [Meter] = []
    var trend: Trend? = nil
    var uploads: [Meter] = []
    var shares: [Meter] = []
    /// The shares in one line, said where the panel has no room for a bar each.
    var sharesSummary: String? = nil
    /// A line of counters, most important first: "delivered 12", "dropped 3". Those that
    /// do not fit the panel's width are left out, from the last.
    var counters: [String] = []
    /// A table of figures, drawn before everything else.
    var table: [FigureRow] = []
}

extension MetricsView {
    /// Keeps only the parts of the panel a lesson chose to show.
    mutating func keep(_ chosen: [Gauge]) {
        if !chosen.contains(.counts) { counters = [] }
        gauges = gauges.filter { chosen.contains($0.label.hasSuffix("queue") ? .queue : .load) }
        if !chosen.contains(.file) {
            shares = []
            sharesSummary = nil
        }
        if !chosen.contains(.trend) { trend = nil }
        if !chosen.contains(.uploads) { uploads = [] }
    }
}

/// Draws a `MetricsView` into a panel, as many rows as fit, in columns when wide.
struct MetricsRenderer {
    let metrics: MetricsView
    let theme: Theme

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        var y = drawTable(metrics.table, rect: rect, into: &canvas)
        func room() -> Bool { y < rect.maxY }
        if let line = Self.counterLine(metrics.counters, width: rect.width), room() {
            canvas.put(line, x: rect.x, y: y, style: theme.dim)
            y += 1
        }
        let labelWidth = metrics.gauges.map { DisplayWidth.of($0.label) }.max() ?? 0
        let valueWidth = metrics.gauges.map { DisplayWidth.of($0.value) }.max() ?? 0
        for meter in metrics.gauges where room() {
            draw(meter, value: meter.value, labelWidth: labelWidth, valueWidth: valueWidth, x: rect.x, y: y, width: rect.width, into: &canvas)
            y += 1
        }
        y = drawSection("file", metrics.shares, summary: metrics.sharesSummary, from: y, rect: rect, into: &canvas)
        if let trend = metrics.trend, room() {
            let label = trend.label + " ", valueWidth = DisplayWidth.of(trend.value)
            canvas.put(label, x: rect.x, y: y, style: theme.panelTitle)
            let start = rect.x + DisplayWidth.of(label)
            canvas.sparkline(
                trend.values, x: start, y: y, width: rect.maxX - start - valueWidth - 1, maximum: trend.maximum, glyphs: theme.glyphs,
                style: theme.meterFill)
            canvas.put(trend.value, x: rect.maxX - valueWidth, y: y)
            y += 1
        }
        _ = drawSection("upload", metrics.uploads, from: y, rect: rect, into: &canvas)
    }

    /// The table's rows, figures right-aligned in columns; short labels when the long ones
    /// do not leave room. Returns the row below the table.
    private func drawTable(_ rows: [FigureRow], rect: Rect, into canvas: inout Canvas) -> Int {
        guard !rows.isEmpty else { return rect.y }
        let columns = rows.map(\.figures.count).max()!
        let widths = (0..<columns).map { column in rows.map { column < $0.figures.count ? DisplayWidth.of($0.figures[column]) : 0 }.max()! }
        let figuresWidth = widths.reduce(0) { $0 + $1 + 1 }
        let longest = rows.map { DisplayWidth.of($0.label) }.max()!
        let useShort = longest + figuresWidth > rect.width
        let labelWidth = rows.map { DisplayWidth.of(useShort ? $0.shortLabel : $0.label) }.max()!
        for (index, row) in rows.enumerated() where rect.y + index < rect.maxY {
            let y = rect.y + index
            canvas.put(useShort ? row.shortLabel : row.label, x: rect.x, y: y, style: row.labelStyle, limit: rect.width)
            var x = rect.x + labelWidth
            for (column, figure) in row.figures.enumerated() {
                x += 1 + widths[column]
                guard x <= rect.maxX else { break }
                canvas.put(figure, x: x - DisplayWidth.of(figure), y: y, style: index == 0 ? theme.dim : .plain)
            }
        }
        return min(rect.maxY, rect.y + rows.count)
    }

    /// A titled block of meters side by side (at least 22 columns each), filling rows
    /// top to bottom, when there is room for the title and one row. When not all fit,
    /// the title says how many are shown, or gives the `summary` of them all (which
    /// needs no more than the title's row).
    private func drawSection(
        _ title: String, _ meters: [Meter], summary: String? = nil, from top: Int, rect: Rect, into canvas: inout Canvas
    ) -> Int {
        guard !meters.isEmpty, top < rect.maxY else { return top }
        let columns = max(1, min(meters.count, (rect.width + 2) / 24))
        let rows = min((meters.count + columns - 1) / columns, rect.maxY - top - 1)
        let shown = min(meters.count, rows * columns)
        if let summary, shown < meters.count {
            canvas.put(title, x: rect.x, y: top, style: theme.panelTitle)
            let start = rect.x + DisplayWidth.of(title) + 1
            // Whole parts only, as the counters: "4 at 50" cut from "4 at 50-68%" misreads.
            let parts = summary.components(separatedBy: ", ")
            if let line = Self.counterLine(parts, width: rect.maxX - start, separator: ", ") { canvas.put(line, x: start, y: top) }
        } else {
            guard rows > 0 else { return top }
            canvas.put(shown < meters.count ? "\(title) (\(shown) of \(meters.count))" : title, x: rect.x, y: top, style: theme.panelTitle)
        }
        let columnWidth = (rect.width - 2 * (columns - 1)) / columns
        let labelWidth = meters.map { DisplayWidth.of($0.label) }.max() ?? 0
        // Only the figures shown are written, and each once.
        let values = meters.prefix(shown).map(\.value)
        let valueWidth = values.map { DisplayWidth.of($0) }.max() ?? 0
        for (index, (meter, value)) in zip(meters.prefix(shown), values).enumerated() {
            let x = rect.x + (index % columns) * (columnWidth + 2)
            draw(meter, value: value, labelWidth: labelWidth, valueWidth: valueWidth, x: x, y: top + 1 + index / columns, width: columnWidth,
                 into: &canvas)
        }
        return top + 1 + rows
    }

    /// The counters joined as one line, as many whole ones as fit `width` (a figure cut
    /// short would misread); nil when none fits.
    static func counterLine(_ counters: [String], width: Int, separator: String = " · ") -> String? {
        var line: String?
        for counter in counters {
            let longer = line.map { $0 + separator + counter } ?? counter
            guard DisplayWidth.of(longer) <= width else { break }
            line = longer
        }
        return line
    }

    /// One meter of a block; every meter of the block has the same label and value widths,
    /// so their bars are one length.
    private func draw(_ meter: Meter, value: String, labelWidth: Int, valueWidth: Int, x: Int, y: Int, width: Int, into canvas: inout Canvas) {
        let padded = meter.label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(meter.label)))
        canvas.gauge(
            label: padded, value: value, fraction: meter.fraction, x: x, y: y, width: width, glyphs: theme.glyphs,
            valueWidth: valueWidth, labelStyle: meter.alarm ? theme.alarm : .plain, filled: meter.alarm ? theme.alarm : theme.meterFill,
            empty: theme.meterEmpty)
    }
}
