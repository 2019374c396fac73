import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// Fresh eyes on a lesson, in process over the real update and render: stepped from its
/// first step to its end with → alone (a quiz answered with its digits), at 80x24 and
/// 100x30. Every press changes what is on screen or moves the lesson on, no step or quiz
/// is a dead end, and (at 100x30) at least 90% of the presses of → in a step's waits
/// change the stage itself.
@Suite struct CourseReplayTests {
    struct Size: Sendable, CustomTestStringConvertible {
        var width: Int
        var height: Int
        var testDescription: String { "\(width)x\(height)" }
    }

    /// What one replay found.
    struct Replay {
        var presses = 0
        /// Presses that changed nothing on screen and moved nothing on.
        var deadPresses: [String] = []
        /// Per step: presses of → while the step played a wait, and how many changed the stage.
        var stepping: [Int: (presses: Int, changed: Int)] = [:]
        var finished = false
    }

    /// The most presses a lesson may take before the replay calls it a dead end.
    static let pressLimit = 4_000

    /// Where the lesson is, as far as a press may move it on.
    private static func position(_ state: AppState) -> [Int] {
        guard let session = state.lesson else { return [] }
        let stage = session.stage
        return [session.runner.stepIndex, session.shownScriptPosition, stage.shown.simulation.eventCount, Int(stage.clock),
                stage.isPlaying ? 1 : 0]
    }

    private static func stageCells(_ canvas: Canvas) -> [Cell] {
        let rect = ScreenLayout(width: canvas.width, height: canvas.height, presenting: false).stage.inset(by: 1)
        return (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { canvas[$0, y] } }
    }

    /// Plays the lesson with `keys` choosing each press, letting every glide end before
    /// looking at the screen.
    private static func replay(_ lesson: Lesson, size: Size, keys: (AppState) -> [Key]) -> Replay {
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: 0))
        send(&state, .resize(width: size.width, height: size.height))
        var result = Replay()
        var screen = render(state, width: size.width, height: size.height, capabilities: .full)
        var deadInARow = 0
        while let session = state.lesson, !session.runner.isFinished, result.presses < pressLimit, deadInARow < 3 {
            let step = session.runner.stepIndex
            let stepping: Bool = if case .running = session.shownPending { true } else { false }
            for key in keys(state) {
                let before = position(state)
                send(&state, .key(key))
                var ticks = 0
                while state.wantsTicks, ticks < 1 {
                    send(&state, .tick(elapsedMicroseconds: 500_000))
                    ticks += 1
                }
                let now = render(state, width: size.width, height: size.height, capabilities: .full)
                result.presses += 1
                if now == screen, position(state) == before {
                    deadInARow += 1
                    result.deadPresses.append("step \(step + 1): \(key) on \(session.shownPending)")
                } else {
                    deadInARow = 0
                }
                if stepping, key == .right {
                    var counts = result.stepping[step] ?? (0, 0)
                    counts.presses += 1
                    if stageCells(now) != stageCells(screen) { counts.changed += 1 }
                    result.stepping[step] = counts
                }
                screen = now
            }
        }
        result.finished = state.lesson?.runner.isFinished == true
        return result
    }

    /// A student with → alone: on a quiz not yet answered they press → once (the screen
    /// says the quiz waits for an answer), then answer it with its digits (a multiple
    /// answer quiz checked with →).
    private static func rightOnly(_ state: AppState) -> [Key] {
        guard let session = state.lesson, let (quiz, place) = session.pendingQuiz, session.answers[place]?.answered != true else { return [.right] }
        let digits = quiz.answers.sorted().map { Key.character(Character(String($0 + 1))) }
        return [.right] + digits + (quiz.multiple ? [.right] : [])
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30)]

    /// A lesson of requests and queues and one of big swarms (the course's longest walk).
    static let replayed = ["cs-bottleneck", "p2p-scaling"]

    @Test(arguments: replayed, sizes)
    func rightAloneGoesThroughEveryLesson(id: String, size: Size) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        let replay = Self.replay(lesson, size: size, keys: Self.rightOnly)
        #expect(replay.finished, "\(id) at \(size.width)x\(size.height): → alone did not reach the end in \(replay.presses) presses")
        #expect(replay.deadPresses.isEmpty, "\(id) at \(size.width)x\(size.height): presses that did nothing: \(replay.deadPresses.prefix(5))")
        guard size.width == 100 else { return }
        for (step, counts) in replay.stepping.sorted(by: { $0.key < $1.key }) {
            #expect(counts.changed * 10 >= counts.presses * 9, "\(id) step \(step + 1): \(counts.changed) of \(counts.presses) presses of → changed the stage")
        }
    }
}
