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
