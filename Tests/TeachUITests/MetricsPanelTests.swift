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

/// The panel of a lesson played at 80x24: what a swarm is doing stays in view.
@Suite struct SwarmMetricsTests {
    static func played(_ id: String, step: Int, presses: Int, each: (String) -> Void = { _ in }) throws -> AppState {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = TestLessons.open(lesson, step: step, size: (80, 24))
        for _ in 0..<presses {
            send(&state, .key(.right))
            TestLessons.playOut(&state)
            each(screen(state))
        }
        return state
    }

    /// Twelve players' bars do not fit under the gauges: one line says how far they are.
    @Test func peersWhoseBarsDoNotFitAreSummedUpInOneLine() throws {
        let state = try Self.played("choosing", step: 3, presses: 3)
        let text = screen(state)
        #expect(text.contains(/│ file 12 peers: \d+ done, \d+ at \d+(-\d+)?%/), "\(text)")
    }

    /// The seed's share of what is sent keeps its row while nobody sends for a moment,
    /// so the rows under it do not jump from frame to frame.
    @Test func theSeedsShareKeepsItsRowEveryFrame() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-swarm" })
        var state = TestLessons.open(lesson, step: 2, size: (80, 24))
        send(&state, .key(.enter))
        var seen = 0, missing = 0, frames = 0
        while state.wantsTicks, frames < 2000 {
            send(&state, .tick(elapsedMicroseconds: 50_000))
            frames += 1
            if screen(state).contains("from seed now") { seen += 1 } else if seen > 0 { missing += 1 }
        }
        #expect(seen > 0)
        #expect(missing == 0, "frames without the gauge after it first showed: \(missing)")
    }
}
