import Canvas
import Foundation
import LessonKit
import Testing
@testable import TeachUI

/// Fresh eyes on every lesson, in process over the real update and render: stepped from
/// its first step to its end screen with → alone (a quiz answered with its digits) at 80x24 or
/// 100x30 (both with `NETSTEP_REPLAY_BOTH_SIZES=1`), and presented with PageDown alone. Every press changes what is on screen or
/// moves the lesson on, no step or quiz is a dead end, and a presenter's click never
/// moves on past narration the panel has not shown. (That → changes the stage
/// itself on at least 90% of presses is `StepStopTests`' check, step by step.)
///
/// A press that moved the lesson on (its step, script position, event or clock) is not
/// dead whatever the screen shows, so the screen is drawn only for a press that moved
/// nothing: the replays cost the simulation and the stepping, not a render per press.
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
        /// Presses that moved the lesson on while the narration panel still had lines
        /// out of view below ("↓ 3 more lines"): text the class never saw.
        var unreadLeft: [String] = []
        /// The end of the lesson was reached and shown.
        var finished = false
    }

    /// The most presses a lesson may take before the replay calls it a dead end.
    static let pressLimit = 4_000

    /// Where the lesson is, as far as a press may move it on.
    private static func position(_ state: AppState) -> [Int] {
        guard let session = state.lesson else { return [] }
        let stage = session.stage
        return [session.runner.stepIndex, session.shownScriptPosition, stage.shown.simulation.eventCount, Int(stage.clock),
                stage.isPlaying ? 1 : 0, session.answers.values.filter(\.answered).count]
    }

    /// Plays the lesson with `keys` choosing each press, with half a second of wall time
    /// after each (a glide ends in less).
    private static func replay(_ lesson: Lesson, size: Size, presenting: Bool = false, keys: (AppState) -> [Key]) -> Replay {
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: 0), presenting: presenting)
        send(&state, .resize(width: size.width, height: size.height))
        var result = Replay()
        var deadInARow = 0
        while let session = state.lesson, !state.lessonIsOver, result.presses < pressLimit, deadInARow < 3 {
            let step = session.runner.stepIndex
            for key in keys(state) {
                let before = state
                // Only a presented lesson draws every press: a presenter's clicks are few. The
                // text above a revealed quiz was paged through before the reveal.
                let revealed = session.pendingQuiz.map { session.answers[$0.1]?.answered == true } ?? false
                let unread = presenting && !before.wantsTicks && !revealed
                    && screen(before, width: size.width, height: size.height).contains(/↓ [0-9]+ more line/)
                send(&state, .key(key))
                if unread, position(state) != position(before) {
                    result.unreadLeft.append("step \(step + 1): \(key) on \(session.shownPending)")
                }
                // A presenter watches the play to its end (a click while it plays would end it at once).
                if presenting {
                    TestLessons.playOut(&state)
                } else if state.wantsTicks {
                    send(&state, .tick(elapsedMicroseconds: 500_000))
                }
                result.presses += 1
                guard position(state) == position(before) else {
                    deadInARow = 0
                    continue
                }
                if render(state, width: size.width, height: size.height, capabilities: .full)
                    == render(before, width: size.width, height: size.height, capabilities: .full) {
                    deadInARow += 1
                    result.deadPresses.append("step \(step + 1): \(key) on \(session.shownPending)")
                } else {
                    deadInARow = 0
                }
            }
        }
        result.finished = state.lessonIsOver && state.lesson?.runner.isFinished == true
        return result
    }

    /// A student with → alone: on a quiz not yet answered they press → once (the screen
    /// says the quiz waits for an answer), then answer it with its digits (a multiple
    /// answer quiz checked with →, a numeric one typed and entered).
    private static func rightOnly(_ state: AppState) -> [Key] {
        guard let session = state.lesson, let (quiz, place) = session.pendingQuiz, session.answers[place]?.answered != true else { return [.right] }
        if let numeric = quiz.numeric {
            return [.right] + String(numeric.value).map { Key.character($0) } + [.enter]
        }
        let digits = quiz.answers.sorted().map { Key.character(Character(String($0 + 1))) }
        return [.right] + digits + (quiz.multiple ? [.right] : [])
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30)]

    /// Which lessons → replays at which size. A replay with → costs a press per change
    /// on the stage, minutes for the whole course at one size on a busy machine, so by
    /// default each lesson is replayed at one of the two sizes, in turn down the course
    /// (both sizes are covered, and each lesson once); `NETSTEP_REPLAY_BOTH_SIZES=1`
    /// replays every lesson at both.
    static let rightReplays: [(id: String, size: Size)] = {
        let ids = CoursePlayTests.lessons.map(\.id)
        if ProcessInfo.processInfo.environment["NETSTEP_REPLAY_BOTH_SIZES"] == "1" {
            return ids.flatMap { id in sizes.map { (id, $0) } }
        }
        return ids.enumerated().map { ($1, sizes[$0 % sizes.count]) }
    }()

    @Test(arguments: rightReplays)
    func rightAloneGoesThroughEveryLesson(id: String, size: Size) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        let replay = Self.replay(lesson, size: size, keys: Self.rightOnly)
        #expect(replay.finished, "\(id) at \(size): → alone did not reach the end in \(replay.presses) presses")
        #expect(replay.deadPresses.isEmpty, "\(id) at \(size): presses that did nothing: \(replay.deadPresses.prefix(5))")
    }

    /// A tutor with a clicker: PageDown alone plays each wait, reveals each quiz to the
    /// class and goes on, step after step, to the end.
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func pageDownAlonePresentsEveryLesson(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        let size = Size(width: 80, height: 24)
        let replay = Self.replay(lesson, size: size, presenting: true) { _ in [.pageDown] }
        #expect(replay.finished, "\(id) presented: PageDown alone did not reach the end in \(replay.presses) presses")
        #expect(replay.deadPresses.isEmpty, "\(id) presented: presses that did nothing: \(replay.deadPresses.prefix(5))")
        #expect(replay.unreadLeft.isEmpty, "\(id) presented: clicks that moved on past narration out of view: \(replay.unreadLeft.prefix(5))")
    }
}
