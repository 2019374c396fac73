import Foundation
import LessonKit
import Testing
@testable import TeachUI

/// Every step of the bundled course, played on the lesson screen the way a learner does
/// (Enter and the clock's ticks, each interaction taken), ends in exactly the state the
/// plain transcript reaches for that step: playing never runs past a step's stop.
@Suite struct CoursePlayTests {
    static let lessons: [Lesson] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }
        let files = names.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map {
                Course.SourceFile(path: "Lessons/" + name, contents: [UInt8]($0))
            }
        }
        return Course(files: files).lessons
    }()

    @Test func theCourseIsThere() {
        #expect(Self.lessons.count >= 10)
    }

    @Test(arguments: lessons.map(\.id))
    func playingEachStepOnScreenEndsWhereThePlainRunnerDoes(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        for step in lesson.steps.indices {
            var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            var moves = 0
            while let runner = state.lesson?.stage.driver.runner, runner.pending != .done, moves < 10_000 {
                moves += 1
                switch runner.pending {
                case .running:
                    var reference = runner
                    let position = runner.scriptPosition
                    while reference.scriptPosition == position, reference.stepEvent() != nil {}
                    send(&state, .key(.enter))
                    while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
                    let stopped = try #require(state.lesson?.stage.driver.runner)
                    #expect(stopped.scriptPosition == reference.scriptPosition, "\(id) step \(step + 1) stops at the end of each wait")
                    #expect(stopped.simulation.eventCount == reference.simulation.eventCount, "\(id) step \(step + 1)")
                case let .ask(ask):
                    send(&state, .key(.character(ask.key)))
                case .pause:
                    send(&state, .key(.character(" ")))
                case let .quiz(quiz):
                    for digit in quiz.numeric.map({ String($0.value) }) ?? "" { send(&state, .key(.character(digit))) }
                    if quiz.numeric != nil { send(&state, .key(.enter)) }
                    for answer in quiz.answers.sorted() { send(&state, .key(.character(Character(String(answer + 1))))) }
                    if quiz.multiple { send(&state, .key(.enter)) }
                    send(&state, .key(.character(" ")))
                case .done:
                    break
                }
            }
            let played = try #require(state.lesson?.stage.driver.runner)
            var plain = LessonRunner(lesson: lesson)
            plain.jump(to: step)
            plain.finishStep()
            #expect(played.pending == .done, "\(id) step \(step + 1)")
            #expect(played.simulation.eventCount == plain.simulation.eventCount, "\(id) step \(step + 1)")
            #expect(played.simulation.now == plain.simulation.now, "\(id) step \(step + 1)")
            #expect(state.lesson?.stage.playback.playing == false)
        }
    }
}
