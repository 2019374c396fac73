import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// The stage's ↑ marks, the metrics panel's upload gauges and the event list tell one
/// story of who is sending: the engine's transfers under way.
@Suite struct SendingAgreementTests {
    /// Every moment → stops at while a swarm runs in p2p-swarm and hybrids: the nodes
    /// marked ↑N on the stage are exactly the senders of the data transfers under way in
    /// the engine, N each; the event list names the same senders with the same counts
    /// below its rows; and every chunk drawn on the stage is either under way from a
    /// sender it names or has its "sent" row.
    @Test(arguments: ["p2p-swarm", "hybrids"])
    func theStagesUploadersAreTheEnginesAndTheEventListNamesThem(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var moments = 0, peerUploads = 0
        for step in lesson.steps.indices {
            var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            for _ in 0..<40 {
                guard case .running = state.lesson?.stage.driver.runner.pending else { break }
                send(&state, .key(.right))
                while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
                let session = try #require(state.lesson?.stage)
                let simulation = session.shown.simulation
                let names = { (id: NodeID) in simulation.network.nodes[id.rawValue].name }
                var engine: [String: Int] = [:]
                for message in simulation.transmitting where message.kind.carriesData { engine[names(message.from), default: 0] += 1 }
                var stage: [String: Int] = [:]
                for node in session.scene.nodes where node.sending > 0 { stage[node.name] = node.sending }
                #expect(stage == engine, "\(id) step \(step + 1) at event \(simulation.eventCount)")
                moments += 1
                peerUploads += engine.keys.filter { $0.hasPrefix("p") }.count

                let line = EventListPanel.sendingNow(simulation, theme: Theme(.full))
                #expect(line.map { listed in engine.allSatisfy { listed.contains("\($0.key) ↑\($0.value)") } } ?? engine.isEmpty)
                let sent = Set(session.shownReports.filter { $0.kind == .transmitted }.compactMap(\.message?.id))
                let underWay = Set(simulation.transmitting.map(\.id))
                for message in simulation.inFlight where message.kind == .chunk {
                    #expect(underWay.contains(message.id) || sent.contains(message.id),
                            "\(id): \(message.label) from \(names(message.from)) is on the stage but nowhere in the event list")
                }
            }
        }
        #expect(moments > 10)
        #expect(peerUploads > 0, "peers upload to each other in \(id), and the check saw it")
    }
}
