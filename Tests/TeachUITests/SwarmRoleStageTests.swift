import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// Roles follow the exchange, and a node keeps its glyph for its part through a lesson:
/// a seed is drawn as one from the first step when that is all it does; a server that
/// answers requests first is a server until its swarm starts, and then one of the swarm,
/// on top of its ring; a lesson whose scenarios differ lays each out for itself.
@Suite struct SwarmRoleStageTests {
    static func scene(_ id: String, step: Int, events: Int = 0) throws -> Scene {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: step))
        for _ in 0..<events {
            guard case .running = state.lesson?.stage.driver.runner.pending else { break }
            send(&state, .key(.right))
        }
        return try #require(state.lesson?.stage.scene)
    }

    static let stage = ScreenLayout(width: 80, height: 24, presenting: false).stage.inset(by: 1)

    @Test func p2pScalingsSeedIsASeedInEveryStep() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-scaling" })
        for step in lesson.steps.indices {
            let seed = try #require(try Self.scene("p2p-scaling", step: step).nodes.first { $0.name == "seed" })
            #expect(seed.swarmRole == .seed, "step \(step + 1): drawn as \(seed.role) until its swarm runs")
        }
    }

    @Test func aServerSeedingItsClientsIsOnTopOfTheirRingNotInTheMiddle() throws {
        let serving = try Self.scene("resilience", step: 0)
        let server = try #require(serving.nodes.first { $0.name == "server" })
        #expect(server.swarmRole == nil, "a server answering requests is drawn as a server")
        let star = serving.geometry(in: Self.stage, roomy: false).placement.frames
        #expect(star[server.id]?.center.y != star.values.map(\.y).min(), "the server is the star's middle")

        let swarm = try Self.scene("resilience", step: 2, events: 3)
        let seed = try #require(swarm.nodes.first { $0.name == "server" })
        #expect(seed.swarmRole == .seed)
        let ring = swarm.geometry(in: Self.stage, roomy: false).placement.frames
        #expect(ring[seed.id]?.y == ring.values.map(\.y).min(), "the seed is on top of the ring, where the chunks start")
    }

    /// A seed starts with the whole file, so a caption's count of peers leaves it out and
    /// names it apart: p2p-swarm's six peers and their seed read "6 peers, seed", not "7 peers".
    @Test func aCaptionCountsPeersWithoutTheirSeed() throws {
        let swarm = try Self.scene("p2p-swarm", step: 2, events: 3)
        let captions = swarm.geometry(in: ScreenLayout(width: 160, height: 45, presenting: false).stage.inset(by: 1), roomy: true).placement.captions.map(\.text)
        #expect(captions.contains { $0.contains("6 peers, seed") }, "\(captions)")
        #expect(!captions.contains { $0.contains("7 peers") }, "\(captions)")
    }

    @Test func anEarlierScenarioIsNotLaidOutAsTheLaterSwarm() throws {
        // choosing: the clinic's requests come before the patch's swarm.
        let clinic = try Self.scene("choosing", step: 1)
        #expect(clinic.shape.swarm.isEmpty)
        #expect(clinic.nodes.allSatisfy { $0.swarmRole == nil }, "no seeds drawn before any swarm of theirs")
        let swarm = try Self.scene("choosing", step: 3, events: 3)
        let captions = swarm.geometry(in: Self.stage, roomy: false).placement.captions.map(\.text)
        #expect(captions.contains("players, 12 peers, seed srv"), "\(captions)")
    }
}
