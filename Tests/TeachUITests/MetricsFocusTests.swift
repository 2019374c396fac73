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

/// The file's "done" count and its "finished" trend read the same thing: who holds the
/// whole of the file being shared now.
@Suite struct FileDoneTests {
    /// Twenty-five clients get a file, then are sent it again.
    static let sentTwice = TestLessons.load("""
        ---
        id: test-sent-twice
        title: A file sent twice
        summary: One server sends twenty-five clients a file, then sends it again.
        essay: [4]
        claims: [C8]
        network:
          layout: star
          nodes:
            server: { role: server, upload: 10Mbps, download: 100Mbps }
          groups:
            crowd: { count: 25, prefix: c, role: client, upload: 1Mbps, download: 20Mbps }
        ---

        ## First copy

        ```sim
        - serve-file: { from: server, to: crowd, size: 4Mb }
        - run: idle
        ```

        ## Second copy

        ```sim
        - serve-file: { from: server, to: crowd, size: 4Mb }
        - run: 5s
        - pause: Halfway through the second copy.
        ```
        """, path: "05-sent-twice.md")

    /// The panel's rows for the file: the crowd's two bars and the trend.
    private func fileRows(step: Int) -> (received: String, done: String, trend: String) {
        var state = AppState(lessons: [Self.sentTwice], start: .lesson(id: "test-sent-twice", step: step))
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        let rows = screen(state, width: 100, height: 30).split(separator: "\n").map(String.init)
        func row(_ start: String) -> String {
            rows.first { $0.contains("│ \(start) ") }.map { String($0.split(separator: "│")[0]) } ?? ""
        }
        // The two bars side by side: "received ███ 48%  done ··· 0 of 25".
        let bars = row("received").components(separatedBy: "  done ")
        return (bars[0], bars.count > 1 ? "done " + bars[1] : "", row("finished"))
    }

    @Test func clientsSentTheFileAgainAreNotCountedFinishedByTheTrend() {
        let first = fileRows(step: 0)
        #expect(first.done.hasSuffix(" 25 of 25 "))
        #expect(first.trend.hasSuffix(" 25 "))
        let second = fileRows(step: 1)
        #expect(second.done.hasSuffix(" 0 of 25 "), "halfway through the second copy, no client has it yet")
        #expect(second.trend.hasSuffix(" 0 "), "the trend agrees: not 25 from the first copy")
    }

    /// Each bar shows what its figure says (testers saw a bar nearly full beside
    /// "0 done"): halfway through the second copy the received bar is half full and the
    /// done bar empty.
    @Test func theCrowdsBarsShowWhatTheirFiguresSay() {
        let second = fileRows(step: 1)
        let received = second.received.filter { "█▉▊▋▌▍▎▏·".contains($0) }
        let filled = received.filter { $0 != "·" }.count
        let percent = Int(second.received.split(separator: " ").last?.dropLast() ?? "") ?? -100
        #expect(abs(Double(filled) / Double(received.count) - Double(percent) / 100) < 0.1, "\(second.received)")
        #expect((20...80).contains(percent), "\(second.received)")
        #expect(!second.done.contains("█") && !second.done.contains("▏"), "\(second.done)")
    }
}
