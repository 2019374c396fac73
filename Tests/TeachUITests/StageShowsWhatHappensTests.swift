import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// What a lesson says happens is seen on the stage (issue 9): every message in flight
/// rides a visible path, arrowheads and notes are explained, and the narration's facts
/// have their marks.
@Suite struct StageShowsWhatHappensTests {
    static let sizes = [(80, 24), (100, 30), (160, 45)]
    private static let theme = Theme(.full)

    /// The messages in flight at `state`'s moment drawn at `width`x`height`: each one's
    /// (sender, receiver, kind), and those the stage drew a glyph for (a pipelined group is
    /// drawn once, so a leg counts as drawn when any of its messages is).
    static func legs(_ state: AppState, width: Int, height: Int) -> (inFlight: Set<[String]>, drawn: Set<[String]>, text: String) {
        var sized = state
        send(&sized, .resize(width: width, height: height))
        guard let session = sized.lesson else { return ([], [], "") }
        var canvas = Canvas(width: width, height: height)
        let hits = sized.lessonView(session, theme: theme, width: width, height: height).draw(into: &canvas, theme: theme)
        let scene = session.stage.scene
        let names = Dictionary(uniqueKeysWithValues: scene.nodes.map { ($0.id, $0.name) })
        let leg = { (packet: ScenePacket) in [names[packet.from] ?? "?", names[packet.to] ?? "?", "\(packet.kind)"] }
        let flying = scene.packets.filter { !$0.arrived }
        let drawnIDs = Set(hits?.packets.values.map { $0 } ?? [])
        return (Set(flying.map(leg)), Set(flying.filter { drawnIDs.contains($0.id) }.map(leg)), canvas.text)
    }

    /// cdn step 3 and 4 stepped with → as a learner does: at every stop, at every size,
    /// each message in flight is drawn (a client's request to the cache beside it was
    /// drawn nowhere at 80x24: "0 of 1 in flight shown"), and step 3 stops on the
    /// cache's fetch from the origin, step 4 on the one lost at the switched-off origin.
    @Test(arguments: [2, 3])
    func everyMessageOfTheCDNIsSeenAndTheOriginsFetchIsAStop(step: Int) throws {
        var state = try StageLegibilityTests.state("cdn", step: step, keys: step == 2 ? [.character("2")] : [.character("f")])
        var sawFetch = false
        for _ in 0..<60 where state.lesson?.runner.pending != .done {
            send(&state, .key(.right))
            TestLessons.playOut(&state)
            for (width, height) in Self.sizes {
                let (inFlight, drawn, text) = Self.legs(state, width: width, height: height)
                #expect(inFlight == drawn, "step \(step + 1) at \(width)x\(height): \(inFlight.subtracting(drawn))\n\(text)")
                if drawn.contains(["edge1", "origin", "request"]) { sawFetch = true }
            }
        }
        #expect(sawFetch, "edge1's request to the origin is seen on its way")
    }

    /// resilience steps 4 and 5: once peers leave and the server goes down, no message to
    /// or from any of them is in flight on the stage at any frame (the engine ends their
    /// transfers), so no path drawn there belongs to them.
    @Test(arguments: [3, 4])
    func nothingTravelsToOrFromANodeThatLeftOrIsDown(step: Int) throws {
        var state = try StageLegibilityTests.state("resilience", step: step, keys: step == 3 ? [.character("2")] : [])
        var frames = 0
        for _ in 0..<60 where state.lesson?.runner.pending != .done {
            if case let .ask(ask)? = state.lesson?.stage.driver.runner.pending { send(&state, .key(.character(ask.key))) }
            send(&state, .key(.right))
            var ticks = 0
            while state.wantsTicks, ticks < 400 {
                send(&state, .tick(elapsedMicroseconds: 30_000))
                ticks += 1
                frames += 1
                let scene = try #require(state.lesson).stage.scene
                let gone = Set(scene.nodes.filter { $0.marks.contains(.left) || $0.marks.contains(.down) }.map(\.id))
                let stale = scene.packets.filter { gone.contains($0.from) || gone.contains($0.to) }
                #expect(stale.isEmpty, "step \(step + 1): \(stale)")
            }
        }
        #expect(frames > 0)
    }
}

/// Narration that tells of a change the stage must show: each fact is marked on the
/// stage, from the engine's state, at the step that speaks of it, and named in the legend.
@Suite struct NarratedMarkTests {
    /// The mark's glyph drawn on the stage and its word in the legend, at every size.
    static func expectShown(_ mark: StageMark, in state: AppState, _ context: String) {
        let look = SymbolLook.of(.mark(mark))
        for (width, height) in StageShowsWhatHappensTests.sizes {
            let (text, legend, _) = LessonMarkTests.drawn(state, width: width, height: height)
            #expect(text.contains(look.unicode), "\(context) at \(width)x\(height): no \(look.unicode)\n\(text)")
            #expect(legend.contains("\(look.unicode) \(look.word)"), "\(context) at \(width)x\(height): \(legend)")
        }
    }

    /// cs-control step 2: access control is switched on at the server, with a list that
    /// names the three staff laptops: the server carries the list, the guest is off it.
    @Test func theServerCheckingAListAndTheGuestOffItAreMarked() throws {
        let state = try StageLegibilityTests.state("cs-control", step: 1)
        #expect(try LessonMarkTests.node("files", in: state).marks.contains(.accessList))
        #expect(try LessonMarkTests.node("guest", in: state).marks.contains(.unlisted))
        #expect(try !LessonMarkTests.node("ana", in: state).marks.contains(.unlisted))
        Self.expectShown(.accessList, in: state, "cs-control step 2")
        Self.expectShown(.unlisted, in: state, "cs-control step 2")
    }

    /// cs-control step 5: the moment ben is taken off the list he is marked off it,
    /// before any request of his is refused.
    @Test func aClientTakenOffTheListIsMarkedAtOnce() throws {
        var state = try StageLegibilityTests.state("cs-control", step: 4)
        #expect(try !LessonMarkTests.node("ben", in: state).marks.contains(.unlisted))
        send(&state, .key(.character("x")))
        let ben = try LessonMarkTests.node("ben", in: state)
        #expect(ben.marks.contains(.unlisted))
        #expect(!ben.marks.contains(.refused), "no refusal has come back yet")
        Self.expectShown(.unlisted, in: state, "cs-control step 5")
    }

    /// resilience step 3 runs "until c1 holds about a third of the file": the lesson
    /// points at c1, which shows how much of the file it holds all the way.
    @Test func theWatchedPeersShareOfTheFileIsOnTheStage() throws {
        let state = try TestLessons.playedToStepEnd("resilience", step: 2)
        let c1 = try LessonMarkTests.node("c1", in: state)
        let held = try #require(StageRenderer.heldShare(of: c1))
        #expect(held == "34%", "11 of 32 chunks")
        for (width, height) in StageShowsWhatHappensTests.sizes {
            let (text, legend, _) = LessonMarkTests.drawn(state, width: width, height: height)
            #expect(text.contains("c1") && text.contains(held), "at \(width)x\(height)\n\(text)")
            #expect(legend.contains("\(held) of the file held"), "at \(width)x\(height): \(legend)")
        }
    }

    /// resilience step 5: "One survivor holds every chunk now": that survivor is marked.
    @Test func theSurvivorHoldingTheWholeFileIsMarked() throws {
        let state = try StageLegibilityTests.state("resilience", step: 4)
        let whole = try #require(state.lesson).stage.scene.nodes.filter { $0.marks.contains(.whole) }.map(\.name)
        #expect(whole == ["c1"])
        Self.expectShown(.whole, in: state, "resilience step 5")
    }
}
