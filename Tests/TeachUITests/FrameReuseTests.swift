import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// What makes a frame cheap must not change what it shows: a frame drawn over an earlier
/// frame's canvas, and a play that copies the simulation only for the event past the
/// frame's instant, show exactly what a fresh canvas and a copy before every event do.
@Suite struct FrameReuseTests {
    /// A swarm sandbox sharing its file, playing.
    static func playingSwarm(nodes: Int) -> AppState {
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: nodes))
        send(&state, .key(.character("f")))
        send(&state, .key(.enter))
        return state
    }

    @Test(arguments: [(80, 24), (100, 30), (160, 45)])
    func aFrameDrawnOverAnotherIsTheFreshFrame(width: Int, height: Int) throws {
        var state = Self.playingSwarm(nodes: 30)
        send(&state, .resize(width: width, height: height))
        // Start from another screen entirely, of another size, then reuse it frame after frame.
        var canvas = render(AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3)), width: 120, height: 40, capabilities: .full)
        for _ in 0..<20 {
            send(&state, .tick(elapsedMicroseconds: 33_333))
            for capabilities in [Capabilities.full, Capabilities(color: false, unicode: false)] {
                render(state, into: &canvas, width: width, height: height, capabilities: capabilities)
                #expect(canvas == render(state, width: width, height: height, capabilities: capabilities))
            }
        }
    }

    /// The layout and the routes of the lines are computed when the network changes, not
    /// every frame: a playing swarm's frames reuse the geometry they have until a node joins.
    @Test func framesOfAnUnchangedNetworkComputeNoLayout() throws {
        var state = Self.playingSwarm(nodes: 40)
        send(&state, .resize(width: 160, height: 45))
        var canvas = render(state, width: 160, height: 45, capabilities: .full)
        let cache = try #require(state.sandbox).stage.geometry
        let computed = cache.computed
        var frames = 0
        while state.wantsTicks, frames < 30 {
            send(&state, .tick(elapsedMicroseconds: 33_333))
            render(state, into: &canvas, width: 160, height: 45, capabilities: .full)
            frames += 1
        }
        #expect(frames == 30, "the swarm played for every frame")
        #expect(computed > 0)
        #expect(cache.computed == computed)
        send(&state, .key(.character("a")))
        render(state, into: &canvas, width: 160, height: 45, capabilities: .full)
        #expect(try #require(state.sandbox).stage.geometry === cache)
        #expect(cache.computed == computed + 1, "a node joined: the stage is laid out again")
    }

    @Test func playingShowsTheSameMomentsWhetherOrNotTheNextEventIsForeseen() throws {
        let sandbox = try #require(Self.playingSwarm(nodes: 40).sandbox)
        var foreseen = sandbox.stage
        var blind = StageSession(driver: Unforeseen(timeline: foreseen.driver), plan: foreseen.plan)
        blind.playback = foreseen.playback
        blind.clock = foreseen.clock
        // Frames of every length, short ones (most events past the frame, states held)
        // and long ones (many events a frame, past the few a frame may hold).
        let frames: [Int64] = [1_000, 33_333, 5_000, 250_000, 33_333, 2_000, 1_000_000, 33_333]
        var ticks = 0, held = 0
        while foreseen.isAnimating, ticks < 400 {
            let elapsed = frames[ticks % frames.count]
            foreseen.tick(elapsed: elapsed)
            blind.tick(elapsed: elapsed)
            ticks += 1
            if foreseen.heldState != nil { held += 1 }
            #expect(foreseen.clock == blind.clock)
            #expect(foreseen.heldState?.eventCount == blind.heldState?.eventCount)
            #expect(foreseen.shown.simulation.eventCount == blind.shown.simulation.eventCount)
            #expect(foreseen.scene == blind.scene)
        }
        #expect(ticks > 30, "the swarm played for a while")
        #expect(held > 10, "states were held at the frames' instants")
        #expect(foreseen.driver.simulation.eventCount == blind.driver.timeline.simulation.eventCount)
    }
}

/// The sandbox's timeline as a driver that cannot tell when its next step lands, so
/// playing copies the simulation before each of a frame's first events.
private struct Unforeseen: SimulationDriver {
    var timeline: Timeline
    var simulation: Simulation { timeline.simulation }
    var reports: EventReports { timeline.reports }
    var forgottenEvents: Int { timeline.forgottenEvents }
    var canPlay: Bool { timeline.canPlay }
    var endOfRun: SimTime? { timeline.endOfRun }
    var lastStepEndedWait: Bool { false }
    var lastWaitEndedSilently: Bool { false }
    var scriptPosition: Int { 0 }
    var pace: Pace? { nil }

    mutating func stepForward() -> ForwardStep { timeline.stepForward() }
    func timeOfNextStep() -> SimTime? { nil }
    mutating func stepBack() -> Bool { timeline.stepBack() }
    mutating func seek(toEvent n: Int) { timeline.seek(toEvent: n) }
}
