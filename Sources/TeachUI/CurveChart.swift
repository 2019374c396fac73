import Canvas
import LessonKit
import NetSim

/// A lesson's distribution curve as the stage shows it: time to give every peer the file
/// against the number of peers, one line for a server alone and one for a swarm.
///
/// Both axes start at zero and are linear, so a straight line through the origin reads
/// as "grows with N" and a flat one as "hardly grows" (an axis spaced by factors of ten
/// would bend both).
public struct CurveChart: Hashable, Sendable {
    /// One measured crowd size, in seconds.
    struct Point: Hashable, Sendable {
        var peers: Int
        var clientServer: Double
        var clientServerBound: Double
        var peerToPeer: Double
        var peerToPeerBound: Double
    }

    var points: [Point]

    init(_ curve: DistributionCurve) {
        self.init(curve.points)
    }

    /// The chart of measured distribution times, in crowd-size order.
    public init(_ results: [DistributionResult]) {
        // Along the axis in order of size, whatever order they were measured in.
        points = results.sorted { $0.peers < $1.peers }.map {
            Point(peers: $0.peers, clientServer: $0.clientServerSimulated, clientServerBound: $0.clientServerBound,
                  peerToPeer: $0.peerToPeerSimulated, peerToPeerBound: $0.peerToPeerBound)
        }
    }

    /// The chart as plain ASCII text `width` columns wide, with a legend line below it,
    /// for `netstep experiment distribution --plot`.
    public func text(width: Int, height: Int) -> String {
        var canvas = Canvas(width: width, height: height)
        let renderer = CurveChartRenderer(chart: self, theme: Theme(Capabilities(color: false, unicode: false)))
        let bothDrawn = renderer.draw(into: &canvas, rect: canvas.bounds)
        let legend = renderer.legend(bothDrawn: bothDrawn).map { "\($0.glyph) \($0.title)" }.joined(separator: "   ")
        return canvas.text + "\n" + String(repeating: " ", count: 8) + legend
    }

    enum Line: CaseIterable {
        case clientServer, peerToPeer

        var title: String {
            switch self {
            case .clientServer: "client-server"
            case .peerToPeer: "peer-to-peer"
            }
        }

        func seconds(_ point: Point) -> Double {
            switch self {
            case .clientServer: point.clientServer
            case .peerToPeer: point.peerToPeer
            }
        }
    }
}

/// Draws a `CurveChart` into the stage: a y axis of seconds, an x axis of peers, each
/// line's measured points marked and joined.
struct CurveChartRenderer {
    let chart: CurveChart
    let theme: Theme

    func glyph(_ line: CurveChart.Line) -> Character {
        switch line {
        case .clientServer: theme.unicode ? "●" : "c"
        case .peerToPeer: theme.unicode ? "◆" : "p"
        }
    }

    func style(_ line: CurveChart.Line) -> Style {
        switch line {
        case .clientServer: Style(foreground: .yellow, attributes: .bold)
        case .peerToPeer: Style(foreground: .green, attributes: .bold)
        }
    }

    /// Where both lines measured the same time for a crowd (within 1%), one mark stands
    /// for both.
    let bothGlyph: Character = "*"

    /// What each mark means, for the legend; the mark for both only when one was drawn.
    func legend(bothDrawn: Bool) -> [(glyph: Character, style: Style, title: String)] {
        CurveChart.Line.allCases.map { (glyph($0), style($0), $0.title) } + (bothDrawn ? [(bothGlyph, theme.panelTitle, "both")] : [])
    }

    /// Draws the chart; true when a mark stands for both lines.
    @discardableResult
    func draw(into canvas: inout Canvas, rect: Rect) -> Bool {
        let finite = chart.points.flatMap { [$0.clientServer, $0.peerToPeer] }.filter(\.isFinite)
        guard let last = chart.points.last, let highest = finite.max(), highest > 0, rect.width >= 20, rect.height >= 6 else { return false }
        let top = Self.roundedUp(highest)
        let labels = [Self.seconds(top), Self.seconds(top / 2), "0 s"]
        let labelWidth = labels.map(DisplayWidth.of).max()! + 1
        let title = "time to give every peer the file, by number of peers"
        canvas.put(DisplayWidth.of(title) <= rect.width ? title : "time to give every peer the file", x: rect.x, y: rect.y, style: theme.dim,
                   limit: rect.width)
        // The plot: below the title, above the axis line and its labels.
        let plot = Rect(x: rect.x + labelWidth + 1, y: rect.y + 1, width: rect.width - labelWidth - 1, height: rect.height - 3)
        let axisY = plot.maxY
        func column(_ peers: Int) -> Int { plot.x + Int((Double(peers) / Double(last.peers) * Double(plot.width - 1)).rounded()) }
        func row(_ seconds: Double) -> Int { plot.maxY - 1 - Int((min(seconds, top) / top * Double(plot.height - 1)).rounded()) }

        for (index, label) in labels.enumerated() {
            let y = [row(top), row(top / 2), row(0)][index]
            canvas.put(label, x: plot.x - 1 - DisplayWidth.of(label) - 1, y: y, style: theme.dim)
        }
        let glyphs = theme.glyphs.light
        for y in plot.y..<axisY { canvas.put(String(glyphs.vertical), x: plot.x - 1, y: y, style: theme.dim) }
        canvas.put(String(glyphs.bottomLeft) + String(repeating: glyphs.horizontal, count: plot.width), x: plot.x - 1, y: axisY, style: theme.dim)
        drawPeerLabels(into: &canvas, y: axisY + 1, column: column, limit: rect.maxX)

        var bothDrawn = false
        for line in CurveChart.Line.allCases {
            let dot = Character(theme.unicode ? "·" : ".")
            for (from, to) in zip(chart.points, chart.points.dropFirst()) {
                let (a, b) = (line.seconds(from), line.seconds(to))
                guard a.isFinite, b.isFinite else { continue }
                let (x0, x1) = (column(from.peers), column(to.peers))
                guard x1 > x0 else { continue }
                for x in x0...x1 {
                    let seconds = a + (b - a) * Double(x - x0) / Double(x1 - x0)
                    if canvas[x, row(seconds)].text == " " { canvas.put(String(dot), x: x, y: row(seconds), style: style(line)) }
                }
            }
        }
        for point in chart.points {
            let (server, swarm) = (point.clientServer, point.peerToPeer)
            let x = column(point.peers)
            var rows: [(CurveChart.Line, Int)] = []
            if server.isFinite { rows.append((.clientServer, row(server))) }
            if swarm.isFinite { rows.append((.peerToPeer, row(swarm))) }
            if rows.count == 2, rows[0].1 == rows[1].1 {
                // One cell for two times: one mark if they are the same time, else the
                // larger a row higher, so the order of the two stays true.
                if abs(server - swarm) <= 0.01 * max(server, swarm) {
                    canvas.put(String(bothGlyph), x: x, y: rows[0].1, style: theme.panelTitle)
                    bothDrawn = true
                    continue
                }
                let higher = server > swarm ? 0 : 1
                rows[higher].1 = max(plot.y, rows[higher].1 - 1)
            }
            for (line, y) in rows { canvas.put(String(glyph(line)), x: x, y: y, style: style(line)) }
        }
        return bothDrawn
    }

    /// The chart's figures for the metrics panel: the crowd sizes, then each line's
    /// measured times above the textbook's bound for it.
    var figureRows: [FigureRow] {
        let time = DistributionCurve.time
        return [
            FigureRow(label: "peers", shortLabel: "peers", figures: chart.points.map { String($0.peers) }, labelStyle: theme.dim),
            FigureRow(label: "\(glyph(.clientServer)) client-server", shortLabel: "\(glyph(.clientServer)) server",
                      figures: chart.points.map { time($0.clientServer) }, labelStyle: style(.clientServer)),
            FigureRow(label: "  textbook", shortLabel: "  bound", figures: chart.points.map { time($0.clientServerBound) }, labelStyle: theme.dim),
            FigureRow(label: "\(glyph(.peerToPeer)) peer-to-peer", shortLabel: "\(glyph(.peerToPeer)) swarm",
                      figures: chart.points.map { time($0.peerToPeer) }, labelStyle: style(.peerToPeer)),
            FigureRow(label: "  textbook", shortLabel: "  bound", figures: chart.points.map { time($0.peerToPeerBound) }, labelStyle: theme.dim),
        ]
    }

    /// The origin and each measured size under its column (the last one kept inside the
    /// chart), leaving out any that would run into the one before.
    private func drawPeerLabels(into canvas: inout Canvas, y: Int, column: (Int) -> Int, limit: Int) {
        var free = column(0)
        for peers in [0] + chart.points.map(\.peers) {
            let text = String(peers)
            let x = min(column(peers) - DisplayWidth.of(text) / 2, limit - DisplayWidth.of(text))
            guard x >= free else { continue }
            canvas.put(text, x: x, y: y, style: theme.dim)
            free = x + DisplayWidth.of(text) + 1
        }
    }

    /// The axis's top: the largest time rounded up to a round number whose half is round
    /// too (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), so the lines fill most
    /// of the height.
    static func roundedUp(_ value: Double) -> Double {
        precondition(value > 0 && value.isFinite, "a chart's top is a positive time")
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        return [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= value }!
    }

    /// "320 s", "38.4 s": tenths of a second below a hundred.
    static func seconds(_ value: Double) -> String {
        value >= 100 ? "\(Int(value.rounded())) s" : "\((value * 10).rounded() / 10) s"
    }
}
