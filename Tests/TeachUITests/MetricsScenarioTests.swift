import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// What the bundled lessons' metrics panels say, checked where fresh-eyes testers found
/// them saying something else: who a summary counts, what a scenario's counts cover.
@Suite struct MetricsScenarioTests {
    private func metrics(_ state: AppState) throws -> MetricsView {
        let session = try #require(state.lesson)
        return state.lessonView(session, theme: Theme(.full)).metrics
    }

    /// p2p-scaling's first step shares one file with ten clients and ten peers: the
    /// summary counts them by role, not as "20 peers".
    @Test func aSummaryCountsClientsAndPeersApart() throws {
        let state = try TestLessons.playedToStepEnd("p2p-scaling", step: 0)
        let summary = try #require(try metrics(state).sharesSummary)
        #expect(summary.hasPrefix("10 clients, 10 peers: "), "\(summary)")
    }

    /// In p2p-security, mallory is counted apart from the eight honest peers, after
    /// their figures.
    @Test func aSummaryCountsTheMaliciousPeerApart() throws {
        let state = try TestLessons.playedToStepEnd("p2p-security", step: 1)
        let summary = try #require(try metrics(state).sharesSummary)
        #expect(summary.hasPrefix("8 peers: ") && summary.hasSuffix(", +1 malicious"), "\(summary)")
    }

    /// A summary too long for the panel loses whole parts from its end, never a figure
    /// cut short.
    @Test func aSummaryIsCutBetweenItsParts() {
        var metrics = MetricsView()
        metrics.shares = (1...12).map { Meter(label: "p\($0)", fraction: 0.5, value: "50%") }
        metrics.sharesSummary = "12 peers: 0 done, 12 at 50-68%, +1 malicious"
        let rows = MetricsPanelTests.draw(metrics, width: 40, height: 2)
        #expect(rows[0] == "file 12 peers: 0 done, 12 at 50-68%")
    }

    /// cdn's last run starts its counts afresh: the charted hits read 0 before anything
    /// of that step has run, not the 300-odd of the step before.
    @Test func chartedTotalsCountFromTheScenariosStart() throws {
        let state = AppState(lessons: CoursePlayTests.lessons, start: .lesson(id: "cdn", step: 3))
        let panel = try metrics(state)
        #expect(panel.counters.contains("hits 0"), "\(panel.counters)")
        let played = try TestLessons.playedToStepEnd("cdn", step: 3)
        let hits = try #require(try metrics(played).counters.first { $0.hasPrefix("hits ") })
        #expect(hits != "hits 0", "the step's own hits are counted")
    }

    /// A call after a swarm shares no file: its panel has no "finished" trend of nodes
    /// that finished nothing in it.
    @Test func aCallShowsNoFinishedTrend() throws {
        let state = try TestLessons.playedToStepEnd("hybrids", step: 3)
        let session = try #require(state.lesson)
        let view = state.lessonView(session, theme: Theme(.full))
        #expect(view.metricsTitle == "metrics · this call")
        #expect(view.metrics.trend?.label != "finished")
    }

    /// The same call's narration writes sn2's nothing in the unit of sn1's figure.
    @Test func aZeroInNarrationTakesItsNeighboursUnit() throws {
        let state = try TestLessons.playedToStepEnd("hybrids", step: 3)
        let session = try #require(state.lesson)
        let blocks = state.narration(session, theme: Theme(.full)).blocks.map(\.text.plainText)
        let sentence = try #require(blocks.first { $0.contains("by sn2") })
        // Figure and unit are joined by a no-break space.
        let units = try #require(sentence.firstMatch(of: /so far: [\d.]+.(\w+) by sn1, [\d.]+.(\w+) by sn2/), "\(sentence)")
        #expect(units.1 == units.2, "\(sentence)")
    }
}
