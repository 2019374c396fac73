import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The inspector tells the truth about the node it shows, in words a learner reads, and
/// never covers the narration (where a pause's instructions are).
@Suite struct InspectorTests {
    /// Clients that join a swarm the server seeds, after one request to a server whose
    /// queue has no limit and that checks who may ask.
    static let swarmingClients = TestLessons.load("""
        ---
        id: test-swarming-clients
        title: Clients in a swarm
        summary: Clients that first ask a server, then share a file.
        essay: [3]
        claims: [C5]
        seed: 2
        network:
          layout: star
          latency: 10ms
          nodes:
            files: { role: server, upload: 10Mbps, download: 10Mbps, service: 10ms }
          groups:
            clients: { count: 3, prefix: c, upload: 2Mbps, download: 10Mbps }
        ---

        ## Ask

        ```sim
        - access-control: { server: files }
        - grant: { server: files, clients: [c1] }
        - request: { from: [c1, c2], to: files, what: "GET /notes" }
        - run: idle
        - pause: "Select files with Tab and press i: the inspector counts its log entries."
        ```

        ## Share

        ```sim
        - swarm: { file: 4Mb, chunks: 8, seeds: [files], peers: clients }
        - run: idle
        ```
        """, path: "06-swarming.md")

    /// The lesson at `step`, played to its end or its pause, with `node` inspected.
    private func inspecting(_ node: String, step: Int) -> AppState {
        var state = AppState(lessons: [Self.swarmingClients], start: .lesson(id: "test-swarming-clients", step: step))
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        let index = state.lesson!.stage.shown.simulation.nodeIDs.firstIndex { state.lesson!.stage.shown.simulation.node($0).config.name == node }!
        for _ in 0...index { send(&state, .key(.tab)) }
        send(&state, .key(.character("i")))
        return state
    }

    @Test func aQueueWithoutALimitSaysSoInsteadOfAHugeNumber() {
        let shown = screen(inspecting("files", step: 0), width: 100, height: 30)
        #expect(shown.contains("queue       0 waiting, no limit"))
        #expect(!shown.contains(String(Int.max)))
        #expect(shown.contains("which has no limit, so none are"))
        #expect(!shown.contains("when the queue is full"))
    }

    /// Access control at a server is a list and a log kept in one place: the inspector
    /// shows both, not only a count (claim C7).
    @Test func aServerThatChecksSaysWhoItLetsInAndShowsItsLog() {
        let shown = screen(inspecting("files", step: 0), width: 100, height: 30)
        #expect(shown.contains("access      checked; lets in c1 "))
        #expect(shown.contains("access log  2 entries, 1 refused"))
        #expect(shown.contains("latest      11.6 ms  c1  granted"))
        #expect(shown.contains("            11.6 ms  c2  refused"))
    }

    /// A log longer than the room left keeps its newest entries and the whole explanation.
    @Test func aLongLogShowsItsNewestEntriesThatFit() {
        var canvas = Canvas(width: 60, height: 16)
        let view = InspectView(title: "node", facts: (1...6).map { Fact("fact \($0)", "value") },
                               explanation: "A short explanation.", recent: (1...9).map { "entry \($0)" })
        let area = Rect(x: 0, y: 0, width: 40, height: 16)
        view.draw(into: &canvas, theme: Theme(.full), stage: area, column: area)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.contains { $0.contains("latest  entry 6") })
        #expect(rows.contains { $0.contains("entry 9") })
        #expect(!rows.contains { $0.contains("entry 5") })
        #expect(rows.contains { $0.contains("A short explanation.") })
    }

    @Test func aClientInASwarmIsDescribedAsThePeerItIsNow() {
        let shown = screen(inspecting("c1", step: 1), width: 100, height: 30)
        #expect(shown.contains("╔ c1 "))
        #expect(shown.contains("peer (set up as a client)"))
        #expect(!shown.contains("never serves anyone"))
        #expect(!shown.contains("A client"))
        #expect(shown.contains("c1 is a peer in a swarm: it has the"))
        #expect(shown.contains("peers still missing some."))
    }

    @Test func aSwarmsSeedIsDescribedAsASeedNotAsAServerAnsweringRequests() {
        let seed = screen(inspecting("files", step: 1), width: 100, height: 30)
        #expect(seed.contains("seed (set up as a server)"))
        #expect(seed.contains("files is a seed: it started with the"))
        #expect(!seed.contains("answers requests one at a time"))
    }

    @Test func aServerOutsideASwarmAnswersRequestsOneAtATime() {
        let server = screen(inspecting("files", step: 0), width: 100, height: 30)
        #expect(server.contains("role        server"))
        #expect(server.contains("A server answers requests one at a"))
    }

    @Test func aRefusedClientIsToldItHasNoPermission() {
        let refused = screen(inspecting("c2", step: 0), width: 100, height: 30)
        #expect(refused.contains("refused: it has no permission."))
    }

    @Test func aClientOutsideASwarmStillOnlyAsks() {
        let shown = screen(inspecting("c2", step: 0), width: 100, height: 30)
        #expect(shown.contains("╔ c2 "))
        #expect(shown.contains("never serves anyone"))
    }

    /// The server's inspector is taller than the stage at these sizes: it takes in the
    /// metrics panel below the stage, never the narration beside it.
    @Test(arguments: [(100, 30), (80, 24)])
    func aTallInspectorLeavesThePausesInstructionsInView(width: Int, height: Int) {
        var state = inspecting("files", step: 0)
        let inspected = screen(state, width: width, height: height)
        send(&state, .key(.escape))
        let before = screen(state, width: width, height: height)
        #expect(before.contains("Select files with Tab"))
        let stageWidth = ScreenLayout(width: width, height: height, presenting: false).stage.width
        func narration(_ text: String) -> [String] { text.split(separator: "\n").map { String($0.dropFirst(stageWidth)) } }
        #expect(narration(inspected) == narration(before))
        #expect(inspected.contains("access log"))
        #expect(inspected.contains("dropped."), "the whole explanation is shown")
        #expect(inspected.contains("Tab next  i Esc close"))
    }

    @Test func anInspectorTooTallEvenForTheStageColumnIsCutWithAnEllipsis() {
        var canvas = Canvas(width: 60, height: 12)
        let view = InspectView(title: "node", facts: (1...6).map { Fact("fact \($0)", "value") },
                               explanation: "One sentence after another, far more than the few rows left can hold, so it is cut.")
        let area = Rect(x: 0, y: 0, width: 40, height: 12)
        view.draw(into: &canvas, theme: Theme(.full), stage: area, column: area)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.allSatisfy { $0.count <= 40 }, "nothing drawn outside the area")
        #expect(rows.contains { $0.contains("fact 6") })
        #expect(rows.contains { $0.contains("One sentence") && $0.contains("…") }, "the cut explanation ends in an ellipsis")
        #expect(rows.contains { $0.contains("Tab next  i Esc close") })
    }
}
