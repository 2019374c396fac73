import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// A key that does nothing says why in the status line, and Tab says what it selected:
/// no press is met with silence.
@Suite struct SaidWhyTests {
    private func statusLine(_ state: AppState) -> String {
        let rows = screen(state).split(separator: "\n", omittingEmptySubsequences: false)
        return String(rows[rows.count - 2])
    }

    @Test func anAsksKeyPressedTooEarlySaysItComesLater() {
        var state = TestLessons.open(TestLessons.failure)
        send(&state, .key(.character("k")))
        #expect(statusLine(state).contains("k does nothing yet"), "\(statusLine(state))")
        #expect(state.lesson?.runner.pending.isPause == true)
    }

    @Test func hOnAStepWithoutAHintSaysSo() throws {
        var state = TestLessons.open(TestLessons.request)
        try #require(state.lesson?.runner.step.hints.isEmpty == true)
        send(&state, .key(.character("h")))
        #expect(statusLine(state).contains("no hint on this step"), "\(statusLine(state))")
    }

    @Test func aKeyWithNoMeaningPointsAtHelp() {
        var state = TestLessons.open(TestLessons.request)
        send(&state, .key(.character("x")))
        #expect(statusLine(state).contains("x does nothing here"), "\(statusLine(state))")
    }

    @Test func pOnTheFirstStepAndSpeedLimitsSaySo() {
        var state = TestLessons.open(TestLessons.request)
        send(&state, .key(.character("p")))
        #expect(statusLine(state).contains("this is the first step"))
        for _ in 0..<40 { send(&state, .key(.character("+"))) }
        #expect(statusLine(state).contains("already the fastest speed"))
    }

    @Test func theMessageLastsUntilTheNextKey() {
        var state = TestLessons.open(TestLessons.request)
        send(&state, .key(.character("h")), .key(.right))
        #expect(!statusLine(state).contains("no hint"))
    }

    @Test func tabsFirstSelectionIsNamedInTheStatusLine() {
        var state = TestLessons.open(TestLessons.request)
        send(&state, .key(.tab))
        guard case let .node(raw)? = state.lesson?.stage.selection else {
            Issue.record("Tab selected no node")
            return
        }
        let name = state.lesson!.stage.shown.simulation.node(NodeID(raw)).config.name
        #expect(statusLine(state).contains("selected \(name)"), "\(statusLine(state))")
    }
}

private extension LessonRunner.Pending {
    var isPause: Bool { if case .pause = self { true } else { false } }
}
