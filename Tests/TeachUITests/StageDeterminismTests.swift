import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The stage is a function of the state: the same moment draws the same stage after a
/// narration scroll, after a step forward and back, and in a fresh run. (A fresh process,
/// which seeds Swift's hashing anew, is checked end to end in StageDeterminismE2ETests.)
@Suite struct StageDeterminismTests {
    /// The stage's rows of a screen (where the screen puts it now: a quiz may widen the
    /// narration beside it).
    static func stage(_ state: AppState, width: Int, height: Int) -> [String] {
        let rect = state.lessonLayout(width: width, height: height).stage
        let canvas = render(state, width: width, height: height, capabilities: .full)
        return (rect.y..<rect.maxY).map { y in
            (rect.x..<rect.maxX).map { x in canvas[x, y].text + "\(canvas[x, y].style)" }.joined()
        }
    }

    static func opened(_ id: String, step: Int, events: Int) throws -> AppState {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
        for _ in 0..<events { send(&state, .key(.right)) }
        // Let the glide end, so every stage below is of the same settled moment.
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 1_000_000)) }
        return state
    }

    /// Hybrids at 100x30: at 80 columns the step's quiz, reached by the → of the
    /// forward-and-back test, widens the narration and so lays out a narrower stage.
    static let cases: [(String, Int, Int, Int, Int)] = [
        ("hybrids", 1, 6, 100, 30), ("p2p-discovery", 2, 8, 160, 45), ("cs-bottleneck", 3, 0, 100, 30), ("p2p-swarm", 1, 12, 100, 30),
    ]

    @Test(arguments: cases.indices)
    func scrollingTheNarrationLeavesTheStageAsItWas(index: Int) throws {
        let (id, step, events, width, height) = Self.cases[index]
        var state = try Self.opened(id, step: step, events: events)
        let before = Self.stage(state, width: width, height: height)
        send(&state, .key(.up), .key(.down), .key(.down), .key(.up))
        #expect(Self.stage(state, width: width, height: height) == before, "\(id)")
    }

    @Test(arguments: cases.indices)
    func aStepForwardAndBackDrawsTheSameStage(index: Int) throws {
        let (id, step, events, width, height) = Self.cases[index]
        var state = try Self.opened(id, step: step, events: events + 1)
        let before = Self.stage(state, width: width, height: height)
        send(&state, .key(.right))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 1_000_000)) }
        send(&state, .key(.left))
        #expect(Self.stage(state, width: width, height: height) == before, "\(id)")
    }

    @Test(arguments: cases.indices)
    func aFreshRunDrawsTheSameStage(index: Int) throws {
        let (id, step, events, width, height) = Self.cases[index]
        let first = Self.stage(try Self.opened(id, step: step, events: events), width: width, height: height)
        let second = Self.stage(try Self.opened(id, step: step, events: events), width: width, height: height)
        #expect(first == second, "\(id)")
    }

    /// A peer leaving changes nobody's place: the ring is not laid out again.
    @Test func aPeerLeavingMovesNobodyElse() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-peers" })
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: lesson.steps.count - 1))
        let rect = ScreenLayout(width: 100, height: 30, presenting: false).stage.inset(by: 1)
        func frames() -> [Int: Rect] { state.lesson!.stage.scene.geometry(in: rect, roomy: false).placement.frames }
        let before = frames()
        var moves = 0
        while state.lesson!.stage.driver.simulation.departedNodes.isEmpty, moves < 500 {
            send(&state, .key(.right))
            moves += 1
        }
        #expect(!state.lesson!.stage.driver.simulation.departedNodes.isEmpty, "p4 leaves in this step")
        #expect(frames() == before)
    }

    /// A swarm starting moves nobody: the network is the same, so every step of these
    /// lessons lays its nodes out alike (p2p-swarm's server jumped from the middle of its
    /// clients to the top left when step 3 started the swarm), whether the step is
    /// reached by stepping on from the first or opened on its own. resilience's server
    /// answers requests as a server in steps 1-2, so its stage is laid out for the swarm
    /// from step 3, where the swarm starts: from there on nobody moves.
    @Test(arguments: [("p2p-swarm", 0), ("resilience", 2), ("p2p-security", 0)])
    func aSwarmStartingMovesNobody(id: String, from start: Int) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        let rect = ScreenLayout(width: 80, height: 24, presenting: false).stage.inset(by: 1)
        func frames(_ state: AppState) -> [Int: Rect] { state.lesson!.stage.scene.geometry(in: rect, roomy: false).placement.frames }
        var stepped = AppState(lessons: [lesson], start: .lesson(id: id, step: 0))
        var first = frames(stepped)
        for step in lesson.steps.indices.dropFirst() {
            send(&stepped, .key(.character("n")))
            let opened = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            let nodes = opened.lesson!.stage.scene.shape.nodes.count
            #expect(frames(opened) == frames(stepped), "\(id) step \(step + 1) opened and stepped to")
            if step == start { first = frames(opened) }
            if step > start, nodes == first.count {
                #expect(frames(opened) == first, "\(id) step \(step + 1) as step \(start + 1)")
            }
        }
    }
}
