import NetSim
import Testing
@testable import LessonKit

/// A lesson sets how its runs play on screen: `speed:` on a run, the `speed` action, and
/// slow motion around an event; mistakes are reported where they are written.
@Suite struct PaceTests {
    /// A lesson whose one step is `script` (one entry a line, from line 16 of the file).
    private func load(_ script: String) -> LoadOutcome {
        let source = """
        ---
        id: pace
        title: Pace
        summary: Goal, play at the tutor's pace.
        essay: [4]
        network:
          latency: 10ms
          nodes:
            server: { role: server, service: 40ms, queue: 1 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## Pace
        ```sim
        - request: { from: clients, to: server }
        \(script)
        ```
        """
        return LessonLoader.load(source: source, path: "pace.md")
    }

    private func pace(_ script: String) throws -> Pace? {
        let outcome = load(script)
        let lesson = try #require(outcome.lesson, "\(outcome.diagnostics)")
        return LessonRunner(lesson: lesson).pace
    }

    private func errors(_ script: String) -> [String] {
        load(script).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aRunSetsItsOwnSpeed() throws {
        #expect(try pace("- run: { until: idle, speed: 0.01 }")?.speed == 0.01)
        #expect(try pace("- run: { until: idle, speed: x30 }")?.speed == 30)
        #expect(try pace("- run: idle")?.speed == nil, "without pacing the screen picks the speed")
    }

    @Test func theSpeedActionPacesTheRunsAfterItUnlessOneSetsItsOwn() throws {
        #expect(try pace("- speed: 0.003\n- run: idle")?.speed == 0.003)
        #expect(try pace("- speed: 0.003\n- run: { until: idle, speed: 1 }")?.speed == 1)
    }

    @Test func theSpeedActionLastsOnlyForItsStep() throws {
        let outcome = load("- speed: 0.003\n- run: { event: dropped }\n```\n\n## Next\n```sim\n- run: idle")
        var runner = LessonRunner(lesson: try #require(outcome.lesson, "\(outcome.diagnostics)"))
        runner.nextStep()
        #expect(runner.pace != nil)
        #expect(runner.pace?.speed == nil)
    }

    @Test func slowMotionNamesAnEventAndMaySetItsSpeedAndWindow() throws {
        #expect(try pace("- run: { until: idle, slow: dropped }")?.slow == SlowMotion(around: .dropped))
        let full = try pace("- run: { until: idle, slow: { around: timed-out, speed: 0.001, window: 5ms } }")
        #expect(full?.slow == SlowMotion(around: .timedOut, speed: 0.001, window: 5_000))
    }

    @Test func eachWaitIsPacedOnItsOwn() throws {
        let outcome = load("- run: { event: dropped, speed: 0.001 }\n- run: idle")
        var runner = LessonRunner(lesson: try #require(outcome.lesson, "\(outcome.diagnostics)"))
        let first = try #require(runner.pace)
        while runner.scriptPosition == first.wait[1], runner.stepEvent() != nil {}
        let second = try #require(runner.pace)
        #expect(first.wait != second.wait)
        #expect(second.speed == nil)
    }

    @Test func mistakesAreReportedWhereTheyAreWritten() {
        #expect(errors("- run: { until: idle, speed: 0.02 }") == [
            "pace.md:17:30: error: speed '0.02' is not one the screen offers; use one of 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000 (simulated seconds per second)",
        ])
        #expect(errors("- speed: fast").first?.hasPrefix("pace.md:17:10: error: speed 'fast' is not one the screen offers") == true)
        #expect(errors("- run: { until: idle, slow: droped }") == [
            "pace.md:17:29: error: unknown event 'droped' (did you mean 'dropped'?); expected \(EventNames.all.joined(separator: ", "))",
        ])
        #expect(errors("- run: { until: idle, slow: { speed: 0.001 } }").first?.hasPrefix("pace.md:17:29: error: slow needs a 'around' field") == true)
        #expect(errors("- run: { until: idle, slow: { around: dropped, window: 0ms } }").first?.contains("must be more than 0") == true)
        #expect(errors("- run: { until: idle, slow: { around: dropped, pace: 2 } }").first?.hasPrefix("pace.md:17:") == true)
    }
}
