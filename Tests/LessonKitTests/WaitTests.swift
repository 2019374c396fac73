import NetSim
import Testing
@testable import LessonKit

/// Each kind of `run` stops the simulation exactly where the author's guide says.
@Suite struct WaitTests {
    /// A lesson whose one step sends four requests to a slow server, then runs `run`.
    private func runner(_ run: String) throws -> LessonRunner {
        let source = """
        ---
        id: waits
        title: Waits
        summary: Goal, stop in the right place.
        essay: [4]
        network:
          latency: 10ms
          nodes:
            server: { role: server, service: 100ms, queue: 2 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## Wait
        Four requests.

        ```sim
        - request: { from: clients, to: server }
        - \(run)
        ```
        """
        let outcome = LessonLoader.load(source: source, path: "waits.md")
        let lesson = try #require(outcome.lesson, "\(outcome.diagnostics)")
        var runner = LessonRunner(lesson: lesson)
        runner.finishStep()
        #expect(runner.problems.isEmpty)
        return runner
    }

    @Test func aDurationLetsThatMuchTimePass() throws {
        #expect(try runner("run: 250ms").simulation.now == 250_000)
    }

    @Test func untilATimeStopsTheClockThere() throws {
        #expect(try runner("run: { until: 1.5s }").simulation.now == 1_500_000)
    }

    @Test func eventsCountsEvents() throws {
        #expect(try runner("run: { events: 3 }").simulation.eventCount == 3)
    }

    @Test func anEventKindStopsRightAfterTheFirstSuchEvent() throws {
        let runner = try runner("run: { event: dropped }")
        #expect(runner.timeline.reports.last?.kind == .dropped)
        #expect(runner.timeline.reports.dropLast().allSatisfy { $0.kind != .dropped })
    }

    @Test func queueFullStopsWhenTheQueueReachesItsLimit() throws {
        let runner = try runner("run: { until: queue-full }")
        let server = try #require(runner.simulation.network.id(named: "server"))
        #expect(runner.simulation.node(server).queueLength == 2)
    }

    @Test func aComparisonStopsAsSoonAsItHolds() throws {
        let runner = try runner(#"run: { until: "server.queue >= 1" }"#)
        let server = try #require(runner.simulation.network.id(named: "server"))
        #expect(runner.simulation.node(server).queueLength == 1)
    }

    @Test func deliveredStopsWhenNothingTravelsOrWaits() throws {
        let runner = try runner("run: delivered")
        #expect(runner.simulation.inFlight.isEmpty)
        #expect(runner.simulation.metrics.messages[.response] == 3)
    }

    @Test func idleRunsEverythingOut() throws {
        #expect(try runner("run: idle").simulation.isIdle)
    }
}

/// Live values read what the engine measured, in the form narration shows.
@Suite struct LiveValueTests {
    @Test func valuesReadTheEngine() throws {
        let source = """
        ---
        id: values
        title: Values
        summary: Goal, read the engine.
        essay: [4]
        network:
          latency: 10ms
          nodes:
            server: { role: server, service: 100ms, queue: 2 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## Ask
        Four requests.

        ```sim
        - request: { from: clients, to: server }
        - run: idle
        ```

        Sent {messages.request} requests, {responses} answered, {dropped} dropped; the server logged {server.accesses}; queue {server.queue} of {server.queue-limit}, {elapsed} in all; no lookup: {lookup.hops}.
        """
        let lesson = try #require(LessonLoader.load(source: source, path: "values.md").lesson)
        var runner = LessonRunner(lesson: lesson)
        runner.finishStep()
        let paragraph = try #require(runner.visibleNarration.last)
        #expect(runner.text(of: paragraph) == "Sent 4 requests, 3 answered, 1 dropped; the server logged 4; queue 0 of 2, 320 ms in all; no lookup: none yet.")
    }

    @Test func doubleBracesGetAClearMessage() {
        let source = "---\nid: b\ntitle: B\nsummary: Goal, braces.\nessay: [2]\nnetwork:\n  nodes:\n    server: { role: server }\n---\n\n## S\nIt took {{time}}.\n"
        let outcome = LessonLoader.load(source: source, path: "b.md")
        #expect(outcome.diagnostics.map(\.description) == ["b.md:12:9: error: live values take single braces: write '{time}', not '{{time}'"])
    }
}
