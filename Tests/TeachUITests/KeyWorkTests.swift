import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// n, p and r answer within a frame on every step of the bundled course: once the run
/// loop has played the lesson ahead while the learner reads (`AppMessage.idle`), they
/// restore states already played and run no engine events, and the pace of the wait
/// they land on is known without playing it out. Counted in events, not timed, so a
/// busy machine cannot make it flake.
@Suite struct KeyWorkTests {
    /// Plays ahead as the run loop does between keys.
    private static func readAWhile(_ state: inout AppState) {
        var slices = 0
        while state.hasWorkAhead, slices < 100_000 {
            send(&state, .idle(budget: 500))
            slices += 1
        }
        #expect(!state.hasWorkAhead)
    }

    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func stepKeysRunNoEventsOnceReadAhead(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: 0))
        for step in lesson.steps.indices {
            Self.readAWhile(&state)
            for key in ["n", "p", "r"] {
                var pressed = state
                let before = try #require(pressed.lesson?.runner.eventsRun)
                send(&pressed, .key(.character(Character(key))))
                let runner = try #require(pressed.lesson?.runner)
                // n stopping at a quiz still to come in the step plays up to it.
                let stayed = key == "n" && runner.stepIndex == step && !lesson.steps[step].script.allSatisfy {
                    if case .quiz = $0.kind { false } else { true }
                }
                if !stayed {
                    #expect(runner.eventsRun == before, "\(id) step \(step + 1): \(key) ran \(runner.eventsRun - before) events")
                }
                if case .running = runner.pending, runner.isAtStepStart {
                    #expect(runner.knownProbeEnd != nil, "\(id) step \(step + 1): \(key) lands on a wait whose pace is unknown")
                }
            }
            // n waits for a quiz on screen to be answered, as → does.
            for _ in 0..<20 where state.lesson?.runner.stepIndex == step {
                TestLessons.answerQuiz(&state)
                send(&state, .key(.character("n")))
            }
        }
    }

    /// The pace known from playing ahead is the one a probe of the wait finds: the speed
    /// chosen for a wait does not depend on whether it was played before.
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func aKnownPaceIsWhatAProbeFinds(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: lesson.steps.count - 1)
        while runner.prepareAhead(budget: 10_000) {}
        for step in lesson.steps.indices {
            runner.jump(to: step)
            while true {
                if case .running = runner.pending {
                    let known = runner.knownProbeEnd
                    var probe = LessonDriver(runner: runner)
                    var moves = 0
                    while moves < LessonRunner.probeSteps, probe.stepForward() == .ran { moves += 1 }
                    #expect(known == probe.simulation.now, "\(id) step \(step + 1) at \(runner.scriptPosition)")
                    while case .running = runner.pending { runner.stepEvent() }
                } else if runner.pending == .done {
                    break
                } else {
                    runner.resolveInteraction()
                }
            }
        }
    }
}
