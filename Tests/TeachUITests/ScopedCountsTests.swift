import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// The metrics panel counts the scenario on screen: a new swarm or a lesson's `reset`
/// starts its counts again from zero, and its title says what they cover.
@Suite struct ScopedCountsTests {
    private func metricsRows(_ state: AppState, width: Int = 100, height: Int = 30) -> [String] {
        let text = screen(state, width: width, height: height).split(separator: "\n").map(String.init)
        let layout = ScreenLayout(width: width, height: height, presenting: false)
        // The panel's own columns: the narration beside it may quote its words.
        return text[layout.metrics.y..<layout.metrics.maxY].map { String(Array($0).dropFirst(layout.metrics.x).prefix(layout.metrics.width)) }
    }

    @Test func aSwarmWithHashChecksKeepsNoCorruptChunksOfTheRunBefore() throws {
        let state = try TestLessons.playedToStepEnd("p2p-security", step: 3)
        let rows = metricsRows(state).joined(separator: "\n")
        #expect(!rows.contains("corrupt kept"), "\(rows)")
        #expect(rows.contains("rejected"))
        #expect(rows.contains("metrics · this swarm"))
    }

    @Test func theSwarmAfterAServerFailsHasNoneOfItsLosses() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "resilience" })
        let swarmStep = try #require(lesson.steps.indices.first { index in
            lesson.steps[index].script.contains { if case let .act(action) = $0.kind { action.name == "swarm" } else { false } }
        })
        let state = try TestLessons.playedToStepEnd("resilience", step: swarmStep)
        let rows = metricsRows(state).joined(separator: "\n")
        #expect(!rows.contains("lost 16"), "\(rows)")
        #expect(rows.contains("metrics · this swarm"))
        // The server seeds it: its request queue has no part in the swarm.
        #expect(!rows.contains("server queue"), "\(rows)")
    }

    /// cdn step 2 fills the origin's queue; step 3 starts a new scenario, whose
    /// sparkline must not draw step 2's full queue under the title `since step 3`.
    @Test func theTrendStartsWhereTheScenarioDoes() throws {
        let before = metricsRows(try TestLessons.playedToStepEnd("cdn", step: 1))
        #expect(before.contains { $0.contains("│ queue ") && $0.contains("█") }, "\(before.joined(separator: "\n"))")
        let rows = metricsRows(try TestLessons.playedToStepEnd("cdn", step: 2))
        let queue = try #require(rows.first { $0.contains("│ queue ") }, "\(rows.joined(separator: "\n"))")
        #expect(rows.contains { $0.contains("metrics · since step 3") })
        #expect(!queue.contains("█") && !queue.contains("▇"), "\(queue)")
    }

    @Test func aResetStartsTheCountsAgain() throws {
        let state = try TestLessons.playedToStepEnd("choosing", step: 5)
        let rows = metricsRows(state).joined(separator: "\n")
        #expect(!rows.contains("refused"), "\(rows)")
    }

    /// The line `lesson(_:)` puts its action on: the one after the first `- run: idle`.
    private var lineOfInsertedAction: Int {
        let lines = TestLessons.requestSource.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0 == "- run: idle" } ?? 0) + 2
    }

    private func lesson(_ extra: String) -> LoadOutcome {
        let source = TestLessons.requestSource.replacingOccurrences(
            of: "- run: idle\n", with: "- run: idle\n\(extra)\n- request: { from: c2, to: server, what: \"GET /b\" }\n- run: idle\n")
        return LessonLoader.load(source: source, path: "01-request.md")
    }

    @Test func resetCountsFromZeroAndTheTitleSaysSince() throws {
        let loaded = try #require(lesson("- reset: counts").lesson)
        var state = AppState(lessons: [loaded], start: .lesson(id: loaded.id, step: 0))
        while state.lesson?.runner.pending != .done { state.lesson?.stage.playToStop() }
        let rows = metricsRows(state).joined(separator: "\n")
        #expect(rows.contains("metrics · since"))
        // Only the second request and its answer are counted.
        #expect(rows.contains("messages 2 "), "\(rows)")
    }

    /// The uploads after a reset are what each node served since: c1's exchange came
    /// before it, so the server is listed with the second answer alone (80 kb, not
    /// 96 kb with the first one's 16 kb), and c1 is not listed.
    @Test func uploadsCountFromTheResetToo() throws {
        let loaded = try #require(lesson("- reset: counts").lesson)
        var state = AppState(lessons: [loaded], start: .lesson(id: loaded.id, step: 0))
        while state.lesson?.runner.pending != .done { state.lesson?.stage.playToStop() }
        let rows = metricsRows(state)
        let uploads = try #require(rows.firstIndex { $0.contains("│ upload") }, "\(rows.joined(separator: "\n"))")
        let listed = rows[uploads...].joined(separator: "\n")
        #expect(!listed.contains(" c1 "), "\(listed)")
        #expect(rows.contains { $0.contains(" server ") && $0.contains(" 80 kb") }, "\(listed)")
    }

    @Test func aLessonPicksTheGauges() throws {
        let loaded = try #require(lesson("- gauges: [queue]").lesson)
        var state = AppState(lessons: [loaded], start: .lesson(id: loaded.id, step: 0))
        while state.lesson?.runner.pending != .done { state.lesson?.stage.playToStop() }
        let rows = metricsRows(state).joined(separator: "\n")
        #expect(rows.contains("server queue"))
        #expect(!rows.contains("server upload") && !rows.contains("messages"), "\(rows)")
    }

    @Test func badResetsAndGaugesAreReportedWhereTheyAre() {
        let line = lineOfInsertedAction
        let badReset = lesson("- reset: everything").diagnostics.map(\.description)
        #expect(badReset.contains { $0.hasPrefix("01-request.md:\(line):10: error: 'reset' takes 'counts'") }, "\(badReset)")
        let badGauge = lesson("- gauges: [queue, qeue2, lod]").diagnostics.map(\.description)
        #expect(badGauge.contains { $0.hasPrefix("01-request.md:\(line):19: error: unknown gauge 'qeue2'") }, "\(badGauge)")
    }
}
