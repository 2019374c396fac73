import Canvas
import Foundation
import LessonKit
@testable import TeachUI

/// The bundled course walked once per test process and shared by every suite that checks
/// each step of each lesson. Each suite used to replay the course for itself at every
/// size, and laying out and drawing the same stages again took most of `swift test`'s
/// time. A walk is made the first time a suite asks for it, one lesson at a time (suites
/// run in parallel: the others wait for it), and kept; the checks stay in their suites,
/// reading what the walk recorded.
///
/// Two kinds of walk, because they reach different moments:
/// - `played`: each step opened on its own in a window of a size, played as a learner
///   plays it (`TestLessons.playStep`), with every look at it drawn at that size. The
///   window's size decides the pace, so each size is its own walk.
/// - `stages`: each step opened on its own at its start and ten presses of → into it, in
///   the window a state opens with; each such stage is drawn at every size.
enum CourseWalk {
    /// A window's size in cells.
    struct Size: Hashable, Sendable, CustomStringConvertible {
        var width: Int
        var height: Int

        var description: String { "\(width)x\(height)" }

        /// The stage's inside on a learner's lesson screen of this size.
        var stage: Rect { ScreenLayout(width: width, height: height, presenting: false).stage.inset(by: 1) }
    }

    /// The sizes a learner uses.
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 160, height: 45)]

    static func size(_ name: String) -> Size { sizes.first { $0.description == name }! }

    static func lesson(_ id: String) -> Lesson { CoursePlayTests.lessons.first { $0.id == id }! }

    /// One look at a step being played, drawn at the walk's size.
    struct Look: Sendable {
        /// The step, from 0.
        var step: Int
        /// The look's number within its step, from 1.
        var number: Int
        var state: AppState
        /// The whole screen as drawn, in colour and Unicode.
        var screen: Canvas
        /// What the lesson screen's stage drew on `screen` (placement, legend); nil when a
        /// curve takes the stage's place.
        var screenStage: StageHits?
        /// The network drawn by the stage renderer alone, in the stage's inside (also
        /// when a curve takes its place on the screen).
        var stage: DrawnStage

        /// "cs-cost step 2 look 3", as failures name it.
        var name: String { stage.name }
    }

    /// Every step of the lesson opened on its own in a window of `size` and played by
    /// `TestLessons.playStep`: the step's start, three looks while each play runs (when
    /// most is in flight) and each stop.
    static func played(_ id: String, at size: Size) -> [Look] {
        playedWalks.value(for: PlayedKey(lesson: id, size: size)) {
            let lesson = lesson(id)
            let theme = Theme(.full)
            var looks: [Look] = []
            for step in lesson.steps.indices {
                var state = TestLessons.open(lesson, step: step, size: (size.width, size.height))
                var number = 0
                TestLessons.playStep(&state) { state in
                    number += 1
                    let screen = render(state, width: size.width, height: size.height, capabilities: .full)
                    var screenStage: StageHits?
                    if let session = state.lesson {
                        var canvas = Canvas(width: size.width, height: size.height)
                        screenStage = state.lessonView(session, theme: theme, width: size.width, height: size.height)
                            .draw(into: &canvas, theme: theme)
                    }
                    let stage = DrawnStage(name(lesson.id, step, number), scene: state.lesson!.stage.scene, at: size)
                    looks.append(Look(step: step, number: number, state: state, screen: screen, screenStage: screenStage, stage: stage))
                }
            }
            return looks
        }
    }

    /// A step's stage at a moment of the `stages` walk.
    struct Moment: Sendable {
        /// "cdn step 2 +10": the step (from 1) and the presses of → into it.
        var name: String
        var scene: Scene
    }

    /// The stages of a lesson: each step opened on its own, at its start and after ten
    /// presses of → (fewer when the step stops sooner).
    static func stages(_ id: String) -> [Moment] {
        stageWalks.value(for: id) {
            let lesson = lesson(id)
            var moments: [Moment] = []
            for step in lesson.steps.indices {
                var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: step))
                for presses in [0, 10] {
                    for _ in 0..<presses {
                        guard case .running = state.lesson?.stage.driver.runner.pending else { break }
                        send(&state, .key(.right))
                    }
                    if let session = state.lesson { moments.append(Moment(name: "\(lesson.id) step \(step + 1) +\(presses)", scene: session.stage.scene)) }
                }
            }
            return moments
        }
    }

    /// A stage drawn by the stage renderer alone, in the stage a lesson screen of a size has.
    struct DrawnStage: Sendable {
        /// "cdn step 2 +10", "cdn step 2 look 3": which moment of which walk.
        var name: String
        var scene: Scene
        /// The stage's inside it was drawn in.
        var rect: Rect
        /// A canvas the size of the window, with the stage drawn in `rect`.
        var canvas: Canvas
        var hits: StageHits
        /// Where the renderer placed the nodes and routed the lines it drew.
        var geometry: StageGeometry

        init(_ name: String, scene: Scene, at size: Size) {
            self.name = name
            self.scene = scene
            rect = size.stage
            canvas = Canvas(width: size.width, height: size.height)
            hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
            geometry = scene.geometry(in: rect, roomy: false)
        }
    }

    /// Each of the lesson's `stages` drawn at `size`.
    static func drawnStages(_ id: String, at size: Size) -> [DrawnStage] {
        drawnWalks.value(for: PlayedKey(lesson: id, size: size)) {
            stages(id).map { DrawnStage($0.name, scene: $0.scene, at: size) }
        }
    }

    private static func name(_ lesson: String, _ step: Int, _ look: Int) -> String { "\(lesson) step \(step + 1) look \(look)" }

    private struct PlayedKey: Hashable, Sendable {
        var lesson: String
        var size: Size
    }

    private static let playedWalks = Memo<PlayedKey, [Look]>()
    private static let stageWalks = Memo<String, [Moment]>()
    private static let drawnWalks = Memo<PlayedKey, [DrawnStage]>()
}

/// Values made once per key, on first use, from any number of threads: the first to ask
/// for a key makes its value while the others asking for it wait; other keys are made
/// meanwhile.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var value: Value?
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    func value(for key: Key, make: () -> Value) -> Value {
        let entry = lock.withLock {
            if let entry = entries[key] { return entry }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
        return entry.lock.withLock {
            if let value = entry.value { return value }
            let value = make()
            entry.value = value
            return value
        }
    }
}
