import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// Playing honours the speed on screen exactly, and a lesson's pacing (its speed, slow
/// motion around an event); presenting keeps engine detail off the status line.
@Suite struct PacingTests {
    /// Four clients ask a server with room for one waiting request, played as `run` says.
    private static func lesson(_ run: String) throws -> Lesson {
        let source = """
        ---
        id: paced
        title: Paced
        summary: Goal, watch a drop.
        essay: [4]
        seed: 1
        network:
          latency: 10ms
          nodes:
            server: { role: server, service: 40ms, queue: 1 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## Drop
        ```sim
        - request: { from: clients, to: server }
        - \(run)
        ```
        """
        let outcome = LessonLoader.load(source: source, path: "paced.md")
        return try #require(outcome.lesson, "\(outcome.diagnostics)")
    }

    /// Enter, then ticks of `tick` µs of wall time until the play stops: the simulated
    /// time each tick moved the clock on, from where it was.
    private static func play(_ state: inout AppState, tick: Int64 = 100_000) -> [(at: SimTime, by: SimTime)] {
        send(&state, .key(.enter))
        var moves: [(SimTime, SimTime)] = []
        while state.lesson?.stage.isPlaying == true, moves.count < 10_000 {
            let before = state.lesson?.stage.clock ?? 0
            send(&state, .tick(elapsedMicroseconds: tick))
            moves.append((before, (state.lesson?.stage.clock ?? 0) - before))
        }
        return moves
    }

    @Test func aTenMillisecondTripAtOneThousandthTakesTenSeconds() throws {
        var state = AppState(lessons: [try Self.lesson("run: { event: dropped, speed: 0.001 }")], start: .lesson(id: "paced", step: 0))
        #expect(screen(state).contains("×0.001"))
        let moves = Self.play(&state)
        let wall = Double(moves.count) * 0.1
        #expect(abs(wall - 10) <= 0.2, "the trip to the full server played in \(wall) s")
        #expect(moves.dropLast().allSatisfy { $0.by == 100 }, "each tenth of a second moved the clock by 0.1 ms")
        #expect(state.lesson?.runner.timeline.reports.last?.kind == .dropped)
    }

    @Test func theSpeedTheLearnerPicksIsHonouredToo() throws {
        var state = AppState(lessons: [try Self.lesson("run: idle")], start: .lesson(id: "paced", step: 0))
        send(&state, .key(.character("+")))
        let speed = try #require(state.lesson?.stage.playback.speed)
        let moves = Self.play(&state, tick: 33_000)
        #expect(moves.count > 3)
        #expect(moves.dropLast().allSatisfy { $0.by == SimTime((33_000 * speed).rounded()) })
    }

    @Test func slowMotionPlaysTheMomentsAroundEachDropSlower() throws {
        let run = "run: { until: idle, speed: 0.01, slow: { around: dropped, speed: 0.001, window: 5ms } }"
        var state = AppState(lessons: [try Self.lesson(run)], start: .lesson(id: "paced", step: 0))
        let moves = Self.play(&state).dropLast()
        let drops = try #require(state.lesson?.runner.timeline.reports.filter { $0.kind == .dropped }.map(\.time))
        #expect(!drops.isEmpty)
        for move in moves {
            let near = drops.contains { abs($0 - move.at) < 4_900 && abs($0 - (move.at + move.by)) < 5_000 }
            let far = drops.allSatisfy { abs($0 - move.at) > 5_000 && move.at + move.by < $0 - 5_000 || move.at > $0 + 5_000 }
            if near { #expect(move.by == 100, "slow around a drop at \(move.at)") }
            if far { #expect(move.by == 1_000, "full speed away from the drops at \(move.at)") }
        }
        #expect(moves.contains { $0.by == 100 })
    }

    @Test func presentingKeepsEngineDetailOffTheStatusLine() throws {
        let lesson = try Self.lesson("run: { until: queue-full }")
        let learner = AppState(lessons: [lesson], start: .lesson(id: "paced", step: 0))
        let status = { (state: AppState) in
            screen(state, width: 100, height: 30).split(separator: "\n").first { $0.contains("paused") || $0.contains("playing") }.map(String.init) ?? ""
        }
        #expect(status(learner).contains("event "))
        #expect(status(learner).contains("until a server's queue is full"))
        var presented = AppState(lessons: [lesson], start: .lesson(id: "paced", step: 0), presenting: true)
        send(&presented, .key(.right))
        let shown = status(presented)
        #expect(shown.contains("step 1/1"))
        #expect(!shown.contains("event"))
        #expect(!shown.contains("until:"), "the wait in the class's words, not as written")
    }

    /// p2p-swarm step 3: the first peer finishes about 24 ms before the last. Played at
    /// ×1, the speed used to drop to ×0.003 by itself to spread those 24 ms over eight
    /// seconds; the speed on screen stays until the learner changes it.
    @Test func theSpeedDoesNotDropByItselfWhenAShortWaitFollowsALongOne() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-swarm" })
        var state = AppState(lessons: [lesson], start: .lesson(id: "p2p-swarm", step: 2))
        let speed = try #require(state.lesson?.stage.playback.speed)
        let label = try #require(state.lesson?.stage.playback.speedLabel(unicode: true))
        _ = Self.play(&state, tick: 1_000_000)
        guard case .running? = state.lesson?.shownPending else {
            Issue.record("the step should stop between its two waits")
            return
        }
        #expect(state.lesson?.stage.playback.speed == speed, "×\(speed) became ×\(state.lesson?.stage.playback.speed ?? 0)")
        #expect(screen(state, width: 100, height: 30).contains("│ \(label) │"), "the status line still shows \(label)")
    }
}

/// The pace that shows a wait's first change within a quarter of a second depends on the
/// stage's size (a message moves a cell sooner on a small stage): it is measured again
/// when the window is resized, not only at the size before the first resize.
@Suite struct PaceOnResizeTests {
    static let sizes = [(width: 60, height: 20), (width: 200, height: 60)]

    static func speed(_ id: String, step: Int, sizes: [(width: Int, height: Int)]) throws -> Int? {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
        for size in sizes { send(&state, .resize(width: size.width, height: size.height)) }
        return state.lesson?.stage.playback.speedIndex
    }

    @Test func aResizeMeasuresThePaceAgain() throws {
        // A step whose first change comes at a different pace at the two sizes.
        let candidates = ["cs-basics", "cs-bottleneck", "cs-examples", "cs-control"].flatMap { id in
            (CoursePlayTests.lessons.first { $0.id == id }?.steps.indices).map { $0.map { (id, $0) } } ?? []
        }
        var found = false
        for (id, step) in candidates {
            let small = try Self.speed(id, step: step, sizes: [Self.sizes[0]])
            let large = try Self.speed(id, step: step, sizes: [Self.sizes[1]])
            guard small != large else { continue }
            found = true
            #expect(try Self.speed(id, step: step, sizes: Self.sizes) == large, "\(id) step \(step + 1): resized, the pace of the size before")
            #expect(try Self.speed(id, step: step, sizes: Self.sizes.reversed()) == small, "\(id) step \(step + 1)")
            break
        }
        #expect(found, "no step whose pace depends on the stage's size")
    }
}
