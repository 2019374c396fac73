import NetSim
import Testing
@testable import LessonKit

/// A `request` with a `rate:` pattern sends its requests over time, as a crowd arriving.
@Suite struct FlashCrowdTests {
    static func lesson(_ request: String, run: String = "- run: idle") -> String {
        """
        ---
        id: flash-crowd
        title: A flash crowd
        summary: Goal, see a crowd arrive.
        essay: [4]
        network:
          latency: 10ms
          nodes:
            origin: { role: server, service: 5ms }
          groups:
            clients: { count: 5, prefix: c }
        ---

        ## The crowd
        They come.

        ```sim
        \(request)
        \(run)
        - pause: Look at the queue.
        ```
        """
    }

    private func played(_ request: String, run: String = "- run: idle") throws -> LessonRunner {
        let outcome = LessonLoader.load(source: Self.lesson(request, run: run), path: "crowd.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        var runner = LessonRunner(lesson: try #require(outcome.lesson))
        while case .running = runner.pending { runner.stepEvent() }
        return runner
    }

    @Test func requestsArriveAtTheRateOfEachPhase() throws {
        let runner = try played("- request: { from: clients, to: origin, rate: [1/s for 10s, 50/s for 2s] }")
        let answered = runner.simulation.metrics.responseTimes.map(\.time)
        #expect(answered.count == 110, "10 in the slow phase, 100 in the fast one")
        #expect(answered.filter { $0 < 10_000_000 }.count == 10, "one a second before the crowd")
        #expect(answered.filter { $0 >= 10_000_000 && $0 < 12_100_000 }.count == 100)
        #expect(runner.problems.isEmpty)
    }

    @Test func aTimeWaitStopsInTheMiddleOfTheCrowd() throws {
        let runner = try played("- request: { from: clients, to: origin, rate: 2/s for 10s }", run: "- run: 3s")
        #expect(runner.simulation.now == 3_000_000)
        #expect(runner.simulation.metrics.responseTimes.count == 6, "requests at 0, 0.5, ... 2.5 s are answered by 3 s")
    }

    @Test func steppingBackThroughTheCrowdIsExact() throws {
        let outcome = LessonLoader.load(source: Self.lesson("- request: { from: clients, to: origin, rate: [5/s for 1s, 40/s for 1s] }"), path: "crowd.md")
        var runner = LessonRunner(lesson: try #require(outcome.lesson))
        var states: [Simulation] = [runner.simulation]
        while case .running = runner.pending {
            runner.stepEvent()
            states.append(runner.simulation)
        }
        #expect(states.count > 50)
        for expected in states.dropLast().reversed().prefix(40) {
            runner.stepEventBack()
            #expect(runner.simulation == expected)
        }
        runner.seekInStep(toEvent: 0)
        while case .running = runner.pending { runner.stepEvent() }
        #expect(runner.simulation == states.last)
    }

    @Test func aPatternIsCheckedWhereItIsWritten() {
        let outcome = LessonLoader.load(source: Self.lesson("- request: { from: clients, to: origin, rate: [1/s for 10s, lots] }"), path: "crowd.md")
        #expect(outcome.diagnostics.map(\.description) == [
            "crowd.md:18:61: error: 'lots' is not a rate over a time: write it like 'rate: [1/s for 10s, 50/s for 20s]': requests a second (or '/min' a minute), 'for', and how long",
        ])
        let huge = LessonLoader.load(source: Self.lesson("- request: { from: clients, to: origin, rate: 1000/s for 1min }"), path: "crowd.md")
        #expect(huge.diagnostics.map(\.description) == [
            "crowd.md:18:47: error: this pattern sends 60000 requests; a request pattern may send at most 20000",
        ])
    }

    @Test func theSummarySaysHowTheCrowdComes() throws {
        let runner = try played("- request: { from: clients, to: origin, rate: [1/s for 10s, 50/s for 2s] }")
        let summaries = runner.step.script.compactMap { item -> String? in if case let .act(action) = item.kind { action.summary } else { nil } }
        #expect(summaries == ["c1, c2, c3, c4, c5 ask origin for \"GET /\" (3.2 kb, answer 80 kb) at 1/s for 10s, then 50/s for 2s (110 requests, taking turns)"])
    }
}
