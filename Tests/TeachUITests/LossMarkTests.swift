import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// A request that never got through is marked on the client that sent it, in a glyph and
/// word that say what happened to it (not an arrow, which read as "download").
@Suite struct LossMarkTests {
    /// The troubles lesson's first step stops at the drop: the server that threw the
    /// request away shows ⊗ beside its icon (cat, whose request it was, did nothing wrong
    /// and is not marked), and the legend says "dropped"; in ASCII, D.
    @Test func aDropIsMarkedAtTheServerThatDroppedIt() throws {
        let state = StageMarkTests.played(StageMarkTests.troubles, step: 0)
        let scene = try #require(state.lesson?.stage.scene)
        let dropped = scene.nodes.filter { $0.marks.contains(.dropped) }.map(\.name)
        #expect(dropped == ["server"])
        let text = screen(state)
        #expect(text.contains("▦ server⊗") && !text.contains("□ cat⊗") && text.contains("⊗ dropped"))
        let plain = screen(state, capabilities: .plain)
        #expect(plain.contains("S serverD") && !plain.contains("c catD") && plain.contains("D dropped"))
        #expect(!text.contains("↓"), "no arrow stands for a drop")
    }

    /// cs-basics, the server down: each client's lost request marks that client ⊖ until
    /// it stops waiting, and then it shows that it gave up. The legend and the inspector
    /// say the message was lost, not the client.
    @Test func lostRequestsAreMarkedOnTheirClientsUntilTheyStopWaiting() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-basics" })
        let step = try #require(lesson.steps.firstIndex { $0.title.contains("without the server") })
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: step))
        var sawLost = false, sawGaveUp = false
        for _ in 0..<80 {
            switch state.lesson?.stage.driver.runner.pending {
            case let .quiz(quiz)?:
                for answer in quiz.answers.sorted() { send(&state, .key(.character(Character(String(answer + 1))))) }
                send(&state, .key(.character(" ")))
            case let .ask(ask)?: send(&state, .key(.character(ask.key)))
            case .running?:
                send(&state, .key(.right))
                while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
                let scene = try #require(state.lesson?.stage.scene)
                let lost = scene.nodes.filter { $0.marks.first == .lost }
                if !lost.isEmpty {
                    sawLost = true
                    #expect(lost.allSatisfy { $0.role == .client }, "the mark is on the clients whose requests were lost")
                    #expect(screen(state).contains("⊖ message lost"))
                    #expect(screen(state, capabilities: .plain).contains("L message lost"))
                    var inspected = state
                    inspected.lesson?.stage.selection = .node(lost[0].id)
                    let inspector = try #require(inspected.lesson?.stage.inspector)
                    #expect(inspector.facts.contains { $0.label == "marked" && $0.value.hasPrefix("message lost") })
                    #expect(inspector.explanation.contains("**message lost**: its request, or the answer to it, could not arrive"))
                }
                if scene.nodes.contains(where: { $0.marks.first == .gaveUp }) { sawGaveUp = true }
            default: break
            }
        }
        #expect(sawLost)
        #expect(sawGaveUp, "after its last wait a client shows that it gave up")
    }

    /// resilience step 6: the server seeding the file is switched off early, and the
    /// survivors trade what they have and then stall. Each is marked as having no source
    /// for a chunk it lacks (they looked like finished peers), and the legend says so.
    @Test func survivorsWithNoSourceLeftAreMarked() throws {
        let state = try TestLessons.playedToStepEnd("resilience", step: 5)
        let scene = try #require(state.lesson?.stage.scene)
        let stranded = scene.nodes.filter { $0.marks.contains(.stranded) }
        #expect(!stranded.isEmpty)
        #expect(stranded.allSatisfy { ($0.share ?? 1) < 1 }, "only peers that lack part of the file")
        #expect(screen(state).contains("◔ no source"))
    }
}
