import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// cdn as a play-tester met it: marks that belong to the step that made them, requests
/// to a nearby edge slow enough to follow, a wrong number told why, a definition in view
/// and narration that says what the run does.
@Suite struct CDNLessonTests {
    /// Enter goes on past the answered quiz, then a second Enter plays the run.
    private static func played(_ state: inout AppState) {
        for _ in 0..<2 where !state.wantsTicks { send(&state, .key(.enter)) }
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
    }

    /// Step 2's crowd leaves clients marked *gave up*; step 3 starts with a quiz on a
    /// clean stage, as it does for answers that arrived in the step before.
    @Test func givingUpIsMarkedInItsStepAndNotOnTheNextStepsQuiz() throws {
        var state = try StageLegibilityTests.state("cdn", step: 1, keys: [.character("4"), .character("0"), .enter, .character(" ")])
        Self.played(&state)
        let gaveUp = { (state: AppState) in
            state.lessonView(state.lesson!, theme: Theme(.full)).scene.nodes.filter { $0.marks.contains(.gaveUp) }.map(\.name)
        }
        #expect(!gaveUp(state).isEmpty, "the crowd of step 2 leaves clients that gave up")
        send(&state, .key(.character("n")))
        guard case .quiz = state.lesson!.runner.pending else {
            Issue.record("step 3 opens with its quiz")
            return
        }
        #expect(gaveUp(state) == [])
        #expect(!screen(state).contains("gave up"))
        send(&state, .key(.left))
        #expect(!gaveUp(state).isEmpty, "back at step 2's end, its marks are back")
    }

    /// At 80x24 the quiz of step 3 leaves room for the whole definition of a hit and a miss.
    @Test func theMissIsDefinedInViewAboveStepThreesQuiz() throws {
        let state = try StageLegibilityTests.state("cdn", step: 2)
        let text = screen(state, width: 80, height: 24)
        #expect(text.contains("a hit"))
        #expect(text.contains("serves everyone"))
        #expect(!text.contains("more lines"), "\(text)")
    }

    /// A request takes 5 ms from a client to its edge: played as the lesson paces it,
    /// the first one is seen on its way in several frames, not one.
    @Test func theFirstRequestToAnEdgeIsSeenTravelling() throws {
        var state = try StageLegibilityTests.state("cdn", step: 2, keys: [.character("2"), .character(" ")])
        send(&state, .key(.enter))
        var frames = 0
        for _ in 0..<200 where state.wantsTicks {
            send(&state, .tick(elapsedMicroseconds: 40_000))
            let scene = state.lesson!.stage.scene
            let names = Dictionary(uniqueKeysWithValues: scene.nodes.map { ($0.id, $0.name) })
            if scene.packets.contains(where: { !$0.arrived && $0.kind == .request && names[$0.to] == "edge1" }) { frames += 1 }
        }
        #expect(frames >= 3, "\(frames) frames of 40 ms")
    }

    /// A number that is too high is told why, in the lesson's words, before the second try.
    @Test func aTooHighCrowdRateIsToldWhy() throws {
        var state = try StageLegibilityTests.state("cdn", step: 1, keys: [.character("6"), .character("0"), .enter])
        let text = screen(state, width: 160, height: 45)
        #expect(text.contains("60 is too high. However many arrive"))
        #expect(text.contains("how many 25 ms turns fit in one second?"))
        send(&state, .key(.character("1")), .key(.character("0")), .key(.enter))
        #expect(screen(state, width: 160, height: 45).contains("The answer") || screen(state, width: 160, height: 45).contains("Not quite: you said 10"))
    }

    /// Step 4 says what it runs: five requests a second at each edge for three seconds,
    /// all hits with the origin down, and one request for something no edge holds.
    @Test func theOriginDownStepRunsWhatItSays() throws {
        var state = try StageLegibilityTests.state("cdn", step: 3, keys: [.character("f")])
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        // Played past the stop at edge1's miss, then to the step's end.
        Self.played(&state)
        Self.played(&state)
        let runner = try #require(state.lesson?.runner)
        let text = runner.shownNarration.map { runner.text(of: $0.paragraph) }.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("for three seconds each edge gets five requests a second"))
        #expect(text.contains("30 more hits"), "\(text)")
    }
}
