import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// → always shows a change, ← goes back through the same stops (and, at a step's start,
/// into the step before), and the status line says what a step covered.
@Suite struct StepStopTests {
    static let width = 100, height = 30

    /// The stage's cells as the learner sees them, once any glide is over.
    private static func stage(_ state: AppState) -> [Cell] {
        let canvas = render(state, width: width, height: height, capabilities: .full)
        let rect = state.screenLayout.stage.inset(by: 1)
        return (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { canvas[$0, y] } }
    }

    private static func settle(_ state: inout AppState) {
        var ticks = 0
        while state.wantsTicks, ticks < 1_000 {
            send(&state, .tick(elapsedMicroseconds: 100_000))
            ticks += 1
        }
    }

    /// The moment a lesson's stage shows: the events behind it and its instant.
    private static func moment(_ state: AppState) -> [Int] {
        guard let stage = state.lesson?.stage else { return [] }
        return [stage.shown.simulation.eventCount, Int(stage.clock)]
    }

    private static func open(_ lesson: Lesson, step: Int) -> AppState {
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: step))
        send(&state, .resize(width: width, height: height))
        return state
    }

    /// Whether the stage is stepping through a wait (not an interaction the key answers).
    private static func stepping(_ state: AppState) -> Bool {
        if case .running = state.lesson?.shownPending { true } else { false }
    }

    /// The learner does what an interaction asks, so the step goes on.
    private static func answer(_ state: inout AppState) {
        switch state.lesson?.shownPending {
        case let .ask(ask)?: send(&state, .key(.character(ask.key)))
        case let .quiz(quiz)?:
            for choice in quiz.answers.sorted() { send(&state, .key(.character(Character(String(choice + 1))))) }
            if quiz.multiple { send(&state, .key(.enter)) }
            send(&state, .key(.right))
        default: send(&state, .key(.right))
        }
        settle(&state)
    }

    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func rightShowsAChangeOnAlmostEveryPress(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        for step in lesson.steps.indices {
            var state = Self.open(lesson, step: step)
            var presses = 0, changed = 0, moves = 0
            while let session = state.lesson, session.runner.stepIndex == step, session.shownPending != .done, moves < 600 {
                moves += 1
                guard Self.stepping(state) else {
                    Self.answer(&state)
                    continue
                }
                let before = Self.stage(state)
                send(&state, .key(.right))
                Self.settle(&state)
                presses += 1
                if Self.stage(state) != before { changed += 1 }
            }
            #expect(changed * 10 >= presses * 9, "\(id) step \(step + 1): \(changed) of \(presses) presses of → changed the stage")
        }
    }

    /// The moments → stops at through every wait of a step, and then ← from the last one.
    private static func stops(_ lesson: Lesson, step: Int) -> (forward: [[Int]], backward: [[Int]]) {
        var state = open(lesson, step: step)
        while !stepping(state), state.lesson?.shownPending != .done { answer(&state) }
        var forward = [moment(state)]
        while stepping(state), forward.count < 300 {
            send(&state, .key(.right))
            settle(&state)
            forward.append(moment(state))
        }
        var backward = [moment(state)]
        while backward.count < forward.count + 5 {
            send(&state, .key(.left))
            // ← at the step's start goes on into the step before: that is another test.
            if state.lesson?.runner.stepIndex != step { break }
            let now = moment(state)
            if now == backward.last { break }
            backward.append(now)
        }
        return (forward, backward)
    }

    @Test(arguments: [("cs-bottleneck", 1), ("cs-basics", 1), ("choosing", 2), ("p2p-scaling", 1)])
    func leftStopsWhereRightDidInReverse(id: String, step: Int) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        let (forward, backward) = Self.stops(lesson, step: step)
        #expect(forward.count > 2, "\(id) step \(step + 1) has stops to walk back through")
        #expect(backward == Array(forward.reversed()), "\(id) step \(step + 1)")
    }

    @Test func aLongTransferIsShownInStages() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "choosing" })
        var state = Self.open(lesson, step: 2)
        while !Self.stepping(state) { Self.answer(&state) }
        var times: [SimTime] = []
        while Self.stepping(state), times.count < 100 {
            send(&state, .key(.right))
            Self.settle(&state)
            times.append(state.lesson?.stage.clock ?? 0)
        }
        let longest = zip(times, times.dropFirst()).map { $1 - $0 }.max() ?? 0
        let span = (times.last ?? 0) - (times.first ?? 0)
        #expect(longest * 4 <= span, "no single press jumps over most of the transfer (longest \(longest) µs of \(span))")
    }

    @Test func theStatusLineSaysHowManyEventsAStepCovered() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-bottleneck" })
        var state = Self.open(lesson, step: 1)
        let start = try #require(state.lesson?.stage.shown.simulation.eventCount)
        send(&state, .key(.right))
        Self.settle(&state)
        let reached = try #require(state.lesson?.stage.shown.simulation.eventCount)
        #expect(reached - start > 1, "the six sends in one instant are one step")
        let text = render(state, width: Self.width, height: Self.height, capabilities: .full).text
        #expect(text.contains("events \(start + 1)\u{2013}\(reached)"))
        send(&state, .key(.left))
        let back = render(state, width: Self.width, height: Self.height, capabilities: .full).text
        #expect(back.contains("event \(start) (\(reached - start) undone)"))
    }

    @Test func leftAtAStepsStartGoesBackToTheEndOfTheStepBeforeAndRightReturns() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-bottleneck" })
        var state = Self.open(lesson, step: 1)
        let start = screen(state, width: Self.width, height: Self.height)
        var previous = LessonRunner(lesson: lesson)
        previous.finishStep()
        send(&state, .key(.left))
        let back = try #require(state.lesson)
        #expect(back.runner.stepIndex == 0)
        #expect(back.runner.pending == .done)
        #expect(back.stage.shown.simulation.eventCount == previous.simulation.eventCount)
        #expect(screen(state, width: Self.width, height: Self.height).contains("→ Enter next step"))
        send(&state, .key(.right))
        #expect(screen(state, width: Self.width, height: Self.height) == start, "→ comes back to the step's start as it was")
    }
}
