import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The metrics panel shows the nodes the step is about.
@Suite struct MetricsFocusTests {
    @Test func fileProgressListsTheSwarmHighlightedFirstAndNotTheClientsServedEarlier() throws {
        var state = AppState(lessons: [TestLessons.share], start: .lesson(id: "test-share", step: 1))
        send(&state, .key(.right), .key(.right), .key(.right))
        let session = try #require(state.lesson)
        let shares = state.lessonView(session, theme: Theme(.full)).metrics.shares.map(\.label)
        #expect(shares == ["p3", "seed", "p1", "p2"])
    }

    @Test func aHighlightedServerGetsGaugesBeforeTheOthers() {
        let lesson = TestLessons.load("""
            ---
            id: test-servers
            title: Three servers
            summary: Web, mail and a database.
            essay: [2]
            claims: [C1]
            network:
              nodes:
                web: { role: server, upload: 10Mbps, download: 10Mbps, service: 10ms, queue: 4 }
                mail: { role: server, upload: 10Mbps, download: 10Mbps, service: 10ms, queue: 4 }
                db: { role: server, upload: 10Mbps, download: 10Mbps, service: 400ms, queue: 4 }
              groups:
                clients: { count: 2, prefix: c }
            ---

            ## Look at the database

            Watch db.
            """, path: "servers.md")
        let frame = Frame(simulation: LessonRunner(lesson: lesson).simulation, time: 0)
        #expect(!MetricsView(frame).gauges.map(\.label).contains("db queue"))
        let focused = MetricsView(frame, focus: MetricsFocus(highlighted: ["db"]))
        #expect(focused.gauges.map(\.label).prefix(2) == ["db queue", "db upload"])
    }
}

@Suite struct WatchedValueTests {
    @Test func chartedValuesReadInWordsAndAQueueWithAGaugeIsNotRepeated() throws {
        let lesson = TestLessons.load("""
            ---
            id: test-watch
            title: Watch
            summary: Values charted.
            essay: [4]
            claims: [C3]
            network:
              nodes:
                server: { role: server, upload: 10Mbps, download: 10Mbps, service: 10ms, queue: 4 }
              groups:
                clients: { count: 2, prefix: c }
            ---

            ## Watch

            ```sim
            - chart: server.queue
            - chart: server.served
            - request: { from: clients, to: server }
            - run: idle
            ```
            """, path: "watch.md")
        let state = AppState(lessons: [lesson], start: .lesson(id: "test-watch", step: 0))
        let session = try #require(state.lesson)
        let counters = state.lessonView(session, theme: Theme(.full)).metrics.counters.joined(separator: " · ")
        #expect(counters.hasPrefix("server served "))
        #expect(!counters.contains("server.queue") && !counters.contains("server queue"))
    }
}
