import Canvas
import Testing
@testable import TeachUI

/// The metrics panel drawn on its own: figures are never cut short.
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
}
