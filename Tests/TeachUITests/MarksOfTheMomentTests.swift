import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// What the stage marks, and what the metrics panel counts, are true of the moment and
/// the scenario on screen: nothing stale from a moment, a step or a run before.
@Suite struct MarksOfTheMomentTests {
    private static func rows(_ state: AppState, of rect: (ScreenLayout) -> Rect, width: Int = 80, height: Int = 24) -> String {
        let text = screen(state, width: width, height: height).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let area = rect(ScreenLayout(width: width, height: height, presenting: false))
        return text[area.y..<area.maxY].joined(separator: "\n")
    }

    /// cs-basics step 4 ends when c2's answer is in and nothing more happens: the panel
    /// reads "in flight 0", and no answer is left drawn beside c2.
    @Test func anAnswerIsNotLeftDrawnOnceAllIsQuiet() throws {
        let state = try TestLessons.playedToStepEnd("cs-basics", step: 3)
        #expect(state.lesson?.stage.frame.inFlight.isEmpty == true)
        let scene = state.lessonView(state.lesson!, theme: Theme(.full)).scene
        #expect(scene.packets.isEmpty, "\(scene.packets)")
        let stage = Self.rows(state, of: \.stage)
        #expect(!stage.contains("◆"), "\(stage)")
    }

    /// Marks an event leaves (rather than a state that lasts, like down or left, or the
    /// chunks a peer rejected in the swarm running, counted beside its mark as the metrics
    /// panel counts them for the swarm).
    static let eventMarks: [StageMark] = [.refused, .gaveUp, .dropped, .lost, .hit]

    /// No step of a bundled lesson opens with a mark that an event of an earlier step
    /// made (a drop, a loss, a hit, a refusal, a client giving up).
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func noStepOpensWithTheMarksOfTheStepBefore(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        for step in lesson.steps.indices.dropFirst() {
            let state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
            let scene = state.lessonView(state.lesson!, theme: Theme(.full)).scene
            let stale = scene.nodes.filter { $0.marks.contains(where: Self.eventMarks.contains) }.map { "\($0.name) \($0.marks)" }
            #expect(stale.isEmpty, "step \(step + 1): \(stale)")
        }
    }

    /// resilience step 5 opens after three peers left the swarm: they are drawn as peers
    /// that left, not as the clients they were set up as.
    @Test func aPeerThatLeftIsDrawnAsAPeer() throws {
        let state = try StageLegibilityTests.state("resilience", step: 4)
        let scene = state.lessonView(state.lesson!, theme: Theme(.full)).scene
        let left = scene.nodes.filter(\.hasLeft)
        #expect(left.count == 3)
        #expect(left.allSatisfy { $0.swarmRole == .peer }, "\(left)")
        let stage = Self.rows(state, of: \.stage, width: 100, height: 30)
        #expect(!stage.contains("◌□"), "\(stage)")
    }

    /// cs-basics step 4 brings the server back and begins again: the panel counts its
    /// run, not the losses of step 3, and its title says so.
    @Test func countsStartAgainWhenTheServerIsBack() throws {
        let state = try TestLessons.playedToStepEnd("cs-basics", step: 3)
        let metrics = Self.rows(state, of: \.metrics)
        #expect(metrics.contains("metrics · since step 4"), "\(metrics)")
        #expect(!metrics.contains("lost"), "\(metrics)")
    }

    /// An answer still travelling from a server that has just gone down is drawn on the
    /// way ahead of it: no path runs out of the down server as if it still talked.
    @Test func noPathRunsOutOfADownServer() {
        let lesson = TestLessons.load("""
            ---
            id: test-down-sender
            title: Down sender
            summary: An answer on its way from a server that went down.
            essay: [2]
            claims: [C1]
            network:
              layout: star
              nodes:
                server: { role: server }
              groups:
                clients: { count: 4, prefix: c, role: client }
            ---

            ## Look

            Look at the answer.
            """, path: "down-sender.md")
        let simulation = LessonRunner(lesson: lesson).simulation
        var scene = Scene(Frame(simulation: simulation, time: 0), plan: StagePlan(lesson.network))
        let server = scene.nodes.first { $0.name == "server" }!.id, client = scene.nodes.first { $0.name == "c1" }!.id
        scene.packets = [ScenePacket(id: 1, kind: .response, from: server, to: client, progress: 0.7)]
        func besideServer(up: Bool) -> [Point] {
            var shown = scene
            shown.nodes[shown.nodes.firstIndex { $0.id == server }!].isUp = up
            var canvas = Canvas(width: 80, height: 24)
            let hits = StageRenderer(scene: shown, theme: Theme(.plain)).draw(into: &canvas, rect: canvas.bounds)
            let frame = hits.placement.frames[server]!
            let around = Rect(x: frame.x - 2, y: frame.y - 2, width: frame.width + 4, height: frame.height + 4)
            return (around.y..<around.maxY).flatMap { y in (around.x..<around.maxX).map { Point(x: $0, y: y) } }
                .filter { canvas.bounds.contains($0) && hits.placement.isOpen($0) && canvas[$0.x, $0.y].text != " " }
        }
        #expect(!besideServer(up: true).isEmpty, "a server that is up is seen sending")
        #expect(besideServer(up: false).isEmpty)
    }

    /// hybrids' call comes after its swarm and its failed tracker: the panel counts the
    /// call and shows no file bars or seed's share, and the tracker, back on, carries no ✕.
    @Test func aCallAfterTheSwarmIsAScenarioOfItsOwn() throws {
        let state = try TestLessons.playedToStepEnd("hybrids", step: 3)
        let scene = state.lessonView(state.lesson!, theme: Theme(.full)).scene
        let tracker = try #require(scene.nodes.first { $0.name == "tracker" })
        #expect(!tracker.marks.contains(.down), "\(tracker.marks)")
        let metrics = Self.rows(state, of: \.metrics)
        #expect(metrics.contains("metrics · this call"), "\(metrics)")
        #expect(!metrics.contains("file") && !metrics.contains("from seed"), "\(metrics)")
    }

    /// cdn's edges are marked "miss: fetching" only while they fetch: never after the
    /// copy is in.
    @Test func aCacheIsMarkedFetchingOnlyWhileItFetches() throws {
        var state = try StageLegibilityTests.state("cdn", step: 2, keys: [.character("2")])
        var marked = 0
        for _ in 0..<60 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            let session = try #require(state.lesson?.stage)
            let nodes = Dictionary(uniqueKeysWithValues: session.frame.nodes.map { ($0.id.rawValue, $0) })
            for node in session.scene.nodes where node.marks.contains(.miss) {
                marked += 1
                #expect(nodes[node.id]?.cache?.fetching.isEmpty == false, "\(node.name) at \(session.frame.time)")
            }
        }
        #expect(marked > 0)
    }
}
