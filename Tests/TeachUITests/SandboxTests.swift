import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

@Suite struct SandboxTests {
    @Test func requestsMoveAlongTheirLinksAtTheirSimulatedPosition() {
        #expect(Screens.requestsInFlight() == #"""
             Sandbox · client-server
            ┌─ ▦ server □ client ──────────────────────────┐┌ sandbox ─────────────────────┐
            │                  ┌────────┐                  ││ A client-server network of 4 │
            │                  │▦ server│                  ││ nodes. Change it with the    │
            │                  └────────┘                  ││ keys below and watch the     │
            │                   ─▸  ▴  ◂                   ││ metrics answer.              │
            │                  ╱    │   ╲─                 ││                              │
            │                ─╱     │     ╲                ││ Select a node with Tab or a  │
            │              ─●       ●      ●─              ││ click; k takes it down or    │
            │             ╱         │        ╲─            ││ brings it back, x removes    │
            │           ─╱          │          ╲           ││ it, u and U double or halve  │
            │     ┌────┐         ┌────┐        ┌────┐      ││ its upload. 1 2 3 start      │
            │     │□ c1│         │□ c2│        │□ c3│      ││ again as client-server, p2p  │
            │     └────┘         └────┘        └────┘      ││ or swarm.                    │
            └─ ● request ▸ to its receiver ────────────────┘│                              │
            ┌ metrics ─────────────────────────────────────┐│ 3 requests sent              │
            │ messages 3 · in flight 3                     ││                              │
            │ server queue  ·························· 0/8 ││                              │
            │ server upload ··························  0% ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ sandbox │ t 6.20 ms │ ×0.03 auto │ event 3
             r requests  f file  → step  Enter play  Tab i inspect  e events  ? help  q quit
            """#)
    }

    @Test func aStepGlidesTheMessagesOnThenSettles() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("r")), .key(.right))
        #expect(state.wantsTicks, "the step's glide animates")
        let start = screen(state)
        send(&state, .tick(elapsedMicroseconds: 10_000))
        #expect(screen(state) != start, "the requests moved")
        send(&state, .tick(elapsedMicroseconds: 1_000_000))
        #expect(!state.wantsTicks, "once settled the loop may sleep")
    }

    @Test func stepForwardThenBackGivesTheSameScreen() {
        // The status line says what the last press covered; the rest is the moment itself.
        let moment = { (state: AppState) in screen(state).split(separator: "\n").filter { !$0.contains("❚❚") } }
        var state = sandboxWithRequestsInFlight()
        send(&state, .tick(elapsedMicroseconds: 1_000_000))
        let before = moment(state)
        send(&state, .key(.right), .tick(elapsedMicroseconds: 1_000_000))
        #expect(moment(state) != before)
        send(&state, .key(.left))
        #expect(moment(state) == before)
    }

    @Test func enterPlaysUntilNothingIsLeftAndTicksOnlyMeanwhile() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        #expect(update(&state, .key(.enter)).isEmpty, "nothing to play yet")
        #expect(!state.wantsTicks)
        send(&state, .key(.character("r")))
        #expect(update(&state, .key(.enter)) == [.animate(true)])
        var effects: [AppEffect] = []
        for _ in 0..<1_000 where state.wantsTicks {
            effects += update(&state, .tick(elapsedMicroseconds: 33_000))
        }
        #expect(effects.last == .animate(false))
        #expect(screen(state).contains("paused"))
        #expect(screen(state).contains("messages 6"), "three requests and three responses")
    }

    @Test func enterPausesAndTheClockStops() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("r")), .key(.enter), .tick(elapsedMicroseconds: 33_000))
        #expect(update(&state, .key(.enter)) == [.animate(false)])
        let paused = screen(state)
        send(&state, .tick(elapsedMicroseconds: 33_000))
        #expect(screen(state) == paused)
    }

    @Test func speedKeysChangeTheSpeedShown() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("+")), .key(.character("+")))
        #expect(screen(state).contains("×1 "))
        send(&state, .key(.character("-")), .key(.character("-")), .key(.character("-")))
        #expect(screen(state).contains("×0.03 "))
    }

    @Test func killingTheSelectedNodeMarksItDead() {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.tab), .key(.tab), .key(.character("k")))
        #expect(screen(state) == Screens.deadClient())
        #expect(Screens.deadClient() == #"""
             Sandbox · client-server
            ┌─ ▦ server □ client busy serving a request ───┐┌ sandbox ─────────────────────┐
            │                  ┌────────┐                  ││ A client-server network of 4 │
            │                  │▦ server│ busy             ││ nodes. Change it with the    │
            │                  └────────┘                  ││ keys below and watch the     │
            │                       ●  ●                   ││ metrics answer.              │
            │                       │   ╲─                 ││                              │
            │                       │     ╲                ││ Select a node with Tab or a  │
            │                       │      ╲─              ││ click; k takes it down or    │
            │                       │        ╲─            ││ brings it back, x removes    │
            │      ✕ ∅              │          ╲           ││ it, u and U double or halve  │
            │     ╔════╗         ┌────┐        ┌────┐      ││ its upload. 1 2 3 start      │
            │     ║□ c1║         │□ c2│        │□ c3│      ││ again as client-server, p2p  │
            │     ╚════╝         └────┘        └────┘      ││ or swarm.                    │
            └─ ✕ down ∅ gave up ● request ─────────────────┘│                              │
            ┌ metrics ─────────────────────────────────────┐│ c1 is down                   │
            │ messages 3 · in flight 2                     ││                              │
            │ server queue  ·························· 0/8 ││                              │
            │ server upload ··························  0% ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ sandbox │ t 13.2 ms │ ×0.03 auto │ event 4
             r requests  f file  → step  Enter play  Tab i inspect  e events  ? help  q quit
            """#)
        send(&state, .key(.character("k")))
        #expect(screen(state).contains("c1 is up again"))
        #expect(!screen(state).contains("✕"))
    }

    @Test func clickingANodeInspectsIt() {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.click(x: 22, y: 3)))
        #expect(Screens.clickedServer() == #"""
             Sandbox · client-server
            ┌─ ▦ server □ client ──────────────────────────┐┌ sandbox ─────────────────────┐
                ╔ server ══════════════════════════════╗    │ A client-server network of 4 │
                ║ role       server                    ║    │ nodes. Change it with the    │
                ║ state      up                        ║    │ keys below and watch the     │
                ║ queue      0 waiting of 8            ║    │ metrics answer.              │
                ║ service    20.0 ms per request       ║    │                              │
                ║ upload     0 Mbps of 10 Mbps         ║    │ Select a node with Tab or a  │
                ║ download   0 Mbps of 10 Mbps         ║    │ click; k takes it down or    │
                ║ sent       0 Mb                      ║    │ brings it back, x removes    │
                ║ received   9.6 kb                    ║    │ it, u and U double or halve  │
                ║ in flight  3 messages to or from it  ║    │ its upload. 1 2 3 start      │
                ║                                      ║    │ again as client-server, p2p  │
                ║ A server answers requests one at a   ║    │ or swarm.                    │
                ║ time; the rest wait in its queue,    ║    │                              │
                ║ and when the queue is full new ones  ║    │ 3 requests sent              │
                ║ are dropped.                         ║    │                              │
                ║                                      ║    │                              │
                ║ Tab next  i Esc close                ║    │                              │
                ╚══════════════════════════════════════╝    │                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ sandbox │ t 6.20 ms │ ×0.03 auto │ event 3
             r requests  f file  → step  Enter play  Tab i inspect  e events  ? help  q quit
            """#)
        send(&state, .key(.escape))
        #expect(screen(state) == screen(sandboxWithSelection(.node(0))))
    }

    @Test func clickingAMessageInspectsIt() {
        var state = sandboxWithRequestsInFlight()
        let rows = screen(state).split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let y = (2..<13).first { rows[$0].contains("●") }!
        let x = rows[y].firstIndex(of: "●")!
        send(&state, .key(.click(x: x, y: y)))
        #expect(screen(state).contains("╔ message "))
        #expect(screen(state).contains("asks server for something"))
    }

    @Test func theEventListSaysWhatHappenedWhenAndBetweenWhom() {
        #expect(Screens.eventList() == #"""
             Sandbox · client-server
            ┌─ ▦ server □ client ──────────────────────────┐┌ sandbox ─────────────────────┐
              ╔ events: 3 ═══════════════════════════════════════════════════════════════╗
              ║ 1  3.20 ms  done sending c1 → server: GET /item (request, 3.2 kb), bega… ║
              ║ 2  3.20 ms  done sending c2 → server: GET /item (request, 3.2 kb), bega… ║
              ║ 3  3.20 ms  done sending c3 → server: GET /item (request, 3.2 kb), bega… ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║                                                                          ║
              ║ ↑↓ move  Enter show it  / search  n N next/prev match  e Esc close       ║
              ╚══════════════════════════════════════════════════════════════════════════╝
             ❚❚ paused │ sandbox │ t 6.20 ms │ ×0.03 auto │ event 3
             r requests  f file  → step  Enter play  Tab i inspect  e events  ? help  q quit
            """#)
    }

    @Test func enterInTheEventListGoesBackToThatEvent() {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.character("e")), .key(.up), .key(.up), .key(.enter))
        #expect(state.sandbox?.stage.driver.simulation.eventCount == 1)
        #expect(state.overlay == nil)
    }

    @Test func doublingTheServersUploadShowsInItsInspector() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.tab), .key(.character("u")))
        #expect(screen(state).contains("server uploads at 20 Mbps"))
        send(&state, .key(.character("i")))
        #expect(screen(state).contains("0 Mbps of 20 Mbps"))
    }

    @Test func aServedFileShowsEachClientsShareGrowing() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 2))
        send(&state, .key(.character("f")), .key(.enter))
        #expect(screen(state).contains("c1 ····"))
        for _ in 0..<30 { send(&state, .tick(elapsedMicroseconds: 33_000)) }
        let partway = screen(state)
        #expect(partway.contains("▬ file"), "the legend explains the file glyph")
        #expect(!partway.contains(" 0%") && !partway.contains("100%  c2"))
        for _ in 0..<1_000 where state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 33_000)) }
        #expect(screen(state).contains("█ 100%"))
        #expect(screen(state).contains("file 2 clients: all done"), "a short panel sums up those it has no room for")
    }

    @Test func manyClientsAreSummedUpInOneFileBar() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 30))
        send(&state, .key(.character("f")), .key(.enter), .tick(elapsedMicroseconds: 500_000))
        let shown = screen(state, width: 100, height: 40)
        #expect(shown.contains("0 of 30"))
        #expect(shown.contains("received ") && shown.contains("done "))
        #expect(!shown.contains("c17 █") && !shown.contains("c17 ·"), "no bar per client")
    }

    @Test func aSwarmSharesTheFileUntilEveryPeerHasIt() {
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: 4))
        send(&state, .key(.character("f")))
        #expect(screen(state).contains("p1 seeds a 40 Mb file in"))
        send(&state, .key(.enter))
        for _ in 0..<60 { send(&state, .tick(elapsedMicroseconds: 33_000)) }
        #expect(screen(state).contains("■ chunk"), "chunks travel, and the legend says so")
        for _ in 0..<3_000 where state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 33_000)) }
        let done = screen(state, width: 100, height: 40)
        #expect(done.components(separatedBy: "█ 100%").count - 1 == 4, "the seed and all three peers hold the whole file")
        #expect(done.contains("finished ") && done.contains(" 3 │"), "three peers finished downloading")
    }

    @Test func aMaliciousPeerIsMarkedAndVerificationCanBeSwitched() {
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: 4))
        send(&state, .key(.tab), .key(.tab), .key(.character("m")))
        #expect(screen(state).contains("p1 now serves corrupt chunks"))
        #expect(screen(state).contains("◉ p1☠"), "the mark stands after the peer's name, its icon kept")
        send(&state, .key(.character("v")))
        #expect(screen(state).contains("Peers no longer check"))
        send(&state, .key(.character("v")))
        #expect(screen(state).contains("Peers now check every"))
    }

    @Test func addingAndRemovingClientsChangesTheNetwork() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("a")))
        #expect(screen(state).contains("c4 joined"))
        #expect(screen(state).contains("□ c4"))
        send(&state, .key(.character("x")), .key(.character("x")))
        #expect(screen(state).contains("c3 left the network"))
        let c3 = state.sandbox?.stage.scene.nodes.first { $0.name == "c3" }
        #expect(c3?.marks == [.left], "c3 stays where it was, marked left")
        #expect(screen(state).contains("◌ left"))
    }
}

/// The sandbox of `sandboxWithRequestsInFlight` with `selection` made and no panel open.
func sandboxWithSelection(_ selection: Selection) -> AppState {
    var state = sandboxWithRequestsInFlight()
    state.sandbox?.stage.selection = selection
    return state
}
