import Canvas

/// One labelled quantity with a bar: a queue's fill, a node's upload, a peer's share.
struct Meter: Hashable, Sendable {
    var label: String
    var fraction: Double
    /// The figure printed after the bar: "3/8", "12.0 Mb", "45%".
    var value: String
    /// Drawn in the alarm colour: a full queue, an overloaded server.
    var alarm = false
}

/// A quantity over time, as a sparkline.
struct Trend: Hashable, Sendable {
    var label: String
    var values: [Double]
    var value: String
    /// The value at the top of the chart (a queue's limit); nil: the largest shown.
    var maximum: Double? = nil
}

/// What the metrics panel shows, most important first: the gauges of the busiest
/// nodes, one trend over time, then per-node uploads and each peer's share of the file.
struct MetricsView: Hashable, Sendable {
    var gauges: [Meter] = []
    var trend: Trend? = nil
    var uploads: [Meter] = []
    var shares: [Meter] = []
    /// A line of counters: "delivered 12 · dropped 3".
    var counters: String = ""
}

/// Draws a `MetricsView` into a panel, as many rows as fit, in columns when wide.
struct MetricsRenderer {
    let metrics: MetricsView
    let theme: Theme

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        var y = rect.y
        func room() -> Bool { y < rect.maxY }
        if !metrics.counters.isEmpty, room() {
            canvas.put(metrics.counters, x: rect.x, y: y, style: theme.dim, limit: rect.width)
            y += 1
        }
        let labelWidth = metrics.gauges.map { DisplayWidth.of($0.label) }.max() ?? 0
        for meter in metrics.gauges where room() {
            draw(meter, labelWidth: labelWidth, x: rect.x, y: y, width: rect.width, into: &canvas)
            y += 1
        }
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
        for (title, meters) in [("upload", metrics.uploads), ("file", metrics.shares)] where !meters.isEmpty && y + 1 < rect.maxY {
            canvas.put(title, x: rect.x, y: y, style: theme.panelTitle)
            y += 1
            y = drawColumns(meters, from: y, rect: rect, into: &canvas)
        }
    }

    /// Meters side by side, at least 22 columns each, filling rows top to bottom.
    private func drawColumns(_ meters: [Meter], from top: Int, rect: Rect, into canvas: inout Canvas) -> Int {
        let columns = max(1, min(meters.count, (rect.width + 2) / 24))
        let columnWidth = (rect.width - 2 * (columns - 1)) / columns
        let labelWidth = meters.map { DisplayWidth.of($0.label) }.max() ?? 0
        let rows = (meters.count + columns - 1) / columns
        let shownRows = min(rows, rect.maxY - top)
        guard shownRows > 0 else { return top }
        for (index, meter) in meters.enumerated() {
            let row = index / columns, column = index % columns
            guard row < shownRows else { break }
            let x = rect.x + column * (columnWidth + 2)
            draw(meter, labelWidth: labelWidth, x: x, y: top + row, width: columnWidth, into: &canvas)
        }
        if shownRows < rows {
            let more = " +\(meters.count - shownRows * columns) "
            canvas.put(more, x: rect.maxX - DisplayWidth.of(more), y: top + shownRows - 1, style: theme.dim)
        }
        return top + shownRows
    }

    private func draw(_ meter: Meter, labelWidth: Int, x: Int, y: Int, width: Int, into canvas: inout Canvas) {
        let padded = meter.label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(meter.label)))
        canvas.gauge(
            label: padded, value: meter.value, fraction: meter.fraction, x: x, y: y, width: width, glyphs: theme.glyphs,
            labelStyle: meter.alarm ? theme.alarm : .plain, filled: meter.alarm ? theme.alarm : theme.meterFill,
            empty: theme.meterEmpty)
    }
}
