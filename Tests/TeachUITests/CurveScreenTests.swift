import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// A step with a `curve` shows the measured times on the stage, as a chart with both axes
/// from zero, and their figures in the metrics panel; the network comes back once a later
/// step changes the simulation.
@Suite struct CurveScreenTests {
    static let source = """
        ---
        id: test-curve
        title: Curves
        summary: Goal, see both curves.
        essay: [5]
        claims: [C10]
        network:
          nodes:
            server: { role: server, upload: 10Mbps, download: 100Mbps }
          groups:
            peers: { count: 2, prefix: p, role: peer, upload: 1Mbps, download: 20Mbps }
        ---

        ## Both lines

        ```sim
        - curve: { file: 4Mb, server: server, peer: p1, peers: [2, 4, 8] }
        ```

        Eight clients took {curve.8.cs}.

        ## Back to the network

        ```sim
        - request: { from: p1, to: server }
        - pause: Look at the request.
        ```
        """

    private func state(step: Int = 0) -> AppState {
        AppState(lessons: [TestLessons.load(Self.source, path: "curve.md")], start: .lesson(id: "test-curve", step: step))
    }

    @Test func theStageShowsBothLinesAndThePanelTheirFigures() {
        #expect(screen(state()) == #"""
             1. Curves · Both lines
            ┌──────────────────────────────────────────────┐┌ step 1/2 ────────────────────┐
            │ time to give every peer the file             ││ Eight clients took 3.20 s.   │
            │ 4.0 s │                                      ││                              │
            │       │                                      ││ Press → for the next step.   │
            │       │                               ·····● ││                              │
            │       │                          ·····       ││                              │
            │ 2.0 s │                    ······         ·◆ ││                              │
            │       │               ···●· ··············   ││                              │
            │       │         ●········◆··                 ││                              │
            │       │         ◆·                           ││                              │
            │   0 s │                                      ││                              │
            │       └───────────────────────────────────── ││                              │
            │        0        2        4                 8 ││                              │
            └─ ● client-server ◆ peer-to-peer ─────────────┘│                              │
            ┌ metrics ─────────────────────────────────────┐│                              │
            │ peers                2      4      8         ││                              │
            │ ● client-server 800 ms 1.60 s 3.20 s         ││                              │
            │   textbook      800 ms 1.60 s 3.20 s         ││                              │
            │ ◆ peer-to-peer  680 ms 1.15 s 1.81 s         ││                              │
            │   textbook      667 ms 1.14 s 1.78 s         ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 auto │ event 0 │ step done
             → Enter next step  ← back  n p steps  Tab i inspect  e events  ? help  q back
            """#)
    }

    @Test func withoutUnicodeTheLinesAreMarkedByLetters() {
        let text = screen(state(), capabilities: .plain)
        #expect(text.contains("+- c client-server p peer-to-peer ---"))
        #expect(text.contains("|       |         c........p..                 |"))
        #expect(text.contains("| p peer-to-peer  680 ms 1.15 s 1.81 s"))
    }

    @Test func aNarrowPanelUsesShortLabels() {
        let text = screen(state(), width: 64, height: 24)
        #expect(text.contains("● server 800 ms 1.60 s 3.20 s"))
        #expect(text.contains("◆ swarm  680 ms 1.15 s 1.81 s"))
    }

    @Test func twoTimesInOneCellKeepTheirOrderUnlessTheyAreTheSame() {
        var chart = CurveChart([])
        chart.points = [
            .init(peers: 5, clientServer: 20, clientServerBound: 20, peerToPeer: 14, peerToPeerBound: 13),
            .init(peers: 10, clientServer: 40, clientServerBound: 40, peerToPeer: 40.2, peerToPeerBound: 40),
            .init(peers: 80, clientServer: 400, clientServerBound: 400, peerToPeer: 38, peerToPeerBound: 36),
        ]
        // 20 s and 14 s share a cell at 5 peers: the larger is drawn a row higher. 40 s
        // and 40.2 s at 10 peers are one mark for both.
        #expect(chart.text(width: 40, height: 10) == """
            time to give every peer the file
            400 s |                              ..c
                  |                         .....
                  |                    .....
            200 s |              ......
                  |         .....
                  |  c *...........................p
              0 s |  p.
                  +---------------------------------
                   0 5                            80
                    c client-server   p peer-to-peer   * both
            """)
    }

    @Test func aLaterStepThatChangesTheSimulationBringsTheNetworkBack() {
        let text = screen(state(step: 1))
        #expect(!text.contains("time to give every peer the file"))
        #expect(text.contains("│▦ server│"))
        #expect(text.contains("│ messages 1 · in flight 1"))
    }
}
