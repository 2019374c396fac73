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
        case let .quiz(quiz)? where quiz.numeric != nil:
            for digit in String(Int(quiz.numeric?.value ?? 0)) { send(&state, .key(.character(digit))) }
            send(&state, .key(.enter))
            send(&state, .key(.right))
        case let .quiz(quiz)?:
            for choice in quiz.answers.sorted() { send(&state, .key(.character(Character(String(choice + 1))))) }
            if quiz.multiple { send(&state, .key(.enter)) }
            send(&state, .key(.right))
        default: send(&state, .key(.right))
        }
        settle(&state)
    }

    /// The most → presses any bundled step takes from its start to its end: a student
    /// walks a step through, not hundreds of presses of a busy swarm.
    static let mostPresses = 60

    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func rightWalksEveryStepInAFewPressesEachShowingAChange(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        for step in lesson.steps.indices {
            var state = Self.open(lesson, step: step)
            var presses = 0, changed = 0, moves = 0
            while let session = state.lesson, session.runner.stepIndex == step, session.shownPending != .done, moves < 3_000 {
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
            #expect(state.lesson?.shownPending == .done, "\(id) step \(step + 1) walked to its end")
            #expect(presses <= Self.mostPresses, "\(id) step \(step + 1) took \(presses) presses of →")
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

    /// Steps of the bundled lessons that pause between two waits.
    static let stepsWithAPause: [(String, Int)] = CoursePlayTests.lessons.flatMap { lesson in
        lesson.steps.indices.compactMap { index -> (String, Int)? in
            let kinds = lesson.steps[index].script.map(\.kind)
            guard let pause = kinds.firstIndex(where: { if case .pause = $0 { true } else { false } }),
                  kinds.prefix(pause).contains(where: { if case .run = $0 { true } else { false } }),
                  kinds.dropFirst(pause).contains(where: { if case .run = $0 { true } else { false } }) else { return nil }
            return (lesson.id, index)
        }
    }

    /// → to the end of a step that pauses on the way, then ← all the way back: the last
    /// ← ends on the step's start, and ← stopped where → did, in reverse.
    @Test(arguments: stepsWithAPause)
    func leftPastAPauseGoesBackToTheStepsStart(id: String, step: Int) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = Self.open(lesson, step: step)
        let start = Self.moment(state)
        var forward = [start], presses = 0
        while state.lesson?.shownPending != .done, presses < 3_000 {
            presses += 1
            if Self.stepping(state) {
                send(&state, .key(.right))
                Self.settle(&state)
            } else {
                Self.answer(&state)
            }
            if Self.moment(state) != forward.last { forward.append(Self.moment(state)) }
        }
        var backward = [Self.moment(state)], backs = 0
        while state.lesson?.runner.isAtStepStart == false, backs < 3_000 {
            backs += 1
            send(&state, .key(.left))
            if Self.moment(state) != backward.last { backward.append(Self.moment(state)) }
        }
        #expect(state.lesson?.runner.stepIndex == step)
        #expect(Self.moment(state) == start, "\(id) step \(step + 1): ← back through the pause ends on the step's start")
        #expect(backward == Array(forward.reversed()), "\(id) step \(step + 1): ← stops where → did")
    }

    /// → a few times, a moment of play paused mid-way, then ← until the step's start:
    /// the last ← lands on the start itself, not an event short of it.
    @Test(arguments: [("cs-bottleneck", 1), ("p2p-swarm", 2), ("cs-basics", 1)])
    func leftAfterAPausedPlayGoesBackToTheStepsStart(id: String, step: Int) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = Self.open(lesson, step: step)
        while !Self.stepping(state) { Self.answer(&state) }
        let start = Self.moment(state)
        for _ in 0..<3 {
            send(&state, .key(.right))
            Self.settle(&state)
        }
        send(&state, .key(.enter))
        send(&state, .tick(elapsedMicroseconds: 150_000))
        send(&state, .key(.enter))
        var backs = 0
        while Self.moment(state) != start, backs < 300 {
            backs += 1
            let before = Self.moment(state)
            send(&state, .key(.left))
            if Self.moment(state) == before { break }
        }
        #expect(Self.moment(state) == start, "\(id) step \(step + 1): ← ends on the step's start")
        #expect(state.lesson?.runner.eventsInStep == 0, "\(id) step \(step + 1): no event of the step is left run")
        #expect(state.lesson?.runner.stepIndex == step)
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
        // Wide enough for every part of the status line: a narrower one gives up the
        // event numbers first, keeping what the step waits for.
        let text = render(state, width: 140, height: Self.height, capabilities: .full).text
        #expect(text.contains("events \(start + 1)\u{2013}\(reached)"))
        send(&state, .key(.left))
        let back = render(state, width: 140, height: Self.height, capabilities: .full).text
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
