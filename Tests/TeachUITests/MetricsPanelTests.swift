import Canvas
import Testing
@testable import TeachUI

/// The metrics panel drawn on its own: figures are never cut short, and bars that sit
/// one under another compare by length.
@Suite struct MetricsPanelTests {
    static func draw(_ metrics: MetricsView, width: Int, height: Int = 6) -> [String] {
        var canvas = Canvas(width: width, height: height)
        MetricsRenderer(metrics: metrics, theme: Theme(.full)).draw(into: &canvas, rect: Rect(x: 0, y: 0, width: width, height: height))
        return canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func countersThatDoNotFitAreLeftOutWholeFromTheLast() {
        let metrics = MetricsView(counters: ["rejected 44", "corrupt kept 44", "messages 626", "in flight 0"])
        #expect(Self.draw(metrics, width: 58).first == "rejected 44 · corrupt kept 44 · messages 626 · in flight 0")
        #expect(Self.draw(metrics, width: 40).first == "rejected 44 · corrupt kept 44", "not '· messages 6'")
        #expect(Self.draw(metrics, width: 28).first == "rejected 44", "not 'corrupt kept 4'")
    }

    @Test func whatWentWrongComesBeforeTheMessageTotals() {
        var state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 0))
        send(&state, .key(.character(" ")), .key(.character("k")), .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        #expect(screen(state).contains("│ lost 1 · messages 1 · in flight 0"))
    }

    @Test func barsOfOneSectionShareOneLengthWhateverTheirFigures() {
        var metrics = MetricsView()
        metrics.gauges = [Meter(label: "queue", fraction: 1, value: "8/8"), Meter(label: "upload", fraction: 1, value: "100%")]
        metrics.shares = [Meter(label: "p1", fraction: 1, value: "100%"), Meter(label: "p2", fraction: 0.96, value: "96%"),
                          Meter(label: "p3", fraction: 1, value: "100%"), Meter(label: "p4", fraction: 0.5, value: "50%")]
        let rows = Self.draw(metrics, width: 50)
        func barLength(_ row: String) -> Int { row.filter { "█▉▊▋▌▍▎▏·".contains($0) }.count }
        #expect(rows[0].hasPrefix("queue ") && rows[0].hasSuffix(" 8/8"))
        #expect(barLength(rows[0]) == barLength(rows[1]))
        #expect(rows[2] == "file")
        #expect(rows[3].hasPrefix("p1 ") && rows[3].contains("100%  p2 ") && rows[3].hasSuffix("  96%"))
        let sharesLine = rows[3].components(separatedBy: "  p2 ")
        #expect(barLength(sharesLine[0]) == barLength(sharesLine[1]), "100% and 96% bars are one length")
        #expect(barLength(rows[3]) == barLength(rows[4]))
    }
}
