import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// The stage's ↑ marks, the metrics panel's upload gauges and the event list tell one
/// story of who is sending: the engine's transfers under way, and a tracker's peer lists
/// (which the engine sends on latency alone, with no transfer) while they travel.
@Suite struct SendingAgreementTests {
    /// What the engine is sending now, by sender's name: data whose bits are leaving
    /// (transfers under way) and peer lists in flight.
    static func engineSending(_ simulation: Simulation) -> [String: Int] {
        let names = { (id: NodeID) in simulation.network.nodes[id.rawValue].name }
        var engine: [String: Int] = [:]
        for message in simulation.transmitting where message.kind.carriesData { engine[names(message.from), default: 0] += 1 }
        for message in simulation.inFlight where message.kind == .peerList { engine[names(message.from), default: 0] += 1 }
        return engine
    }

    /// Every moment → stops at while a swarm runs in p2p-swarm and hybrids: the nodes
    /// marked ↑N on the stage are exactly the senders of the data transfers under way in
    /// the engine (and of the peer lists travelling), N each; the event list names the
    /// same senders with the same counts below its rows; and every chunk drawn on the
    /// stage is either under way from a sender it names or has its "sent" row.
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
                let engine = Self.engineSending(simulation)
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

    /// Every sender is seen sending: at each frame of the swarms played at their pace
    /// (mallory's corrupt chunks and the tracker's peer lists included; → now covers a
    /// twentieth of a step a press and may pass the tracker's brief answers), at every
    /// size a learner uses, the stage draws ↑ on each node the engine has sending: in a box with its
    /// count when it sends more than one, on a one-line label in the cell after its name
    /// (where a mark of something wrong goes first). And the engine did have the tracker
    /// and mallory sending at some of those moments.
    @Test(arguments: ["p2p-swarm", "p2p-security"])
    func everySenderShowsItsUploadArrowAndCount(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var seen: Set<String> = []
        for step in lesson.steps.indices {
            var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            guard case .running = state.lesson?.stage.driver.runner.pending else { continue }
            // The step's first moment (a tracker's lists leave as a swarm starts), then
            // every frame of its play.
            for frame in 0..<400 {
                if frame == 1 { send(&state, .key(.enter)) }
                if frame > 1 {
                    guard state.wantsTicks else { break }
                    send(&state, .tick(elapsedMicroseconds: frame < 100 ? 5_000 : 100_000))
                }
                let session = try #require(state.lesson?.stage)
                let engine = Self.engineSending(session.shown.simulation)
                seen.formUnion(engine.keys)
                for (width, height) in StageCrossingTests.sizes {
                    let rect = ScreenLayout(width: width, height: height, presenting: false).stage.inset(by: 1)
                    var canvas = Canvas(width: width, height: height)
                    let hits = StageRenderer(scene: session.scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
                    for node in session.scene.nodes where engine[node.name] != nil {
                        let frame = try #require(hits.placement.frames[node.id])
                        let count = engine[node.name]!
                        let rows = (frame.y..<frame.maxY).map { y in (frame.x..<frame.maxX).map { canvas[$0, y].text }.joined() }
                        // A one-line label has one cell for a mark, inside its frame: the
                        // arrow, unless something wrong with the node (mallory's ☠) takes it.
                        let mark = node.marks.first.map { String(Theme(.full).glyph(.mark($0))) }
                        let badge = frame.height > 1 ? (count > 1 ? "↑\(min(count, 9))" : "↑") : mark ?? "↑"
                        #expect(rows.contains { $0.contains(badge) }, "\(id) step \(step + 1) at \(width)x\(height): \(node.name) sends \(count): \(rows)")
                    }
                }
            }
        }
        #expect(seen.isSuperset(of: id == "p2p-swarm" ? ["tracker", "seed"] : ["mallory", "seed"]), "\(id): \(seen.sorted())")
    }
}
