import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// A grid too dense for names shows each node's share of the file as a shade, and the
/// legend says so.
@Suite struct GridShareTests {
    /// Five clients get a whole copy from one server; then a second server seeds a swarm
    /// of forty beside them (like 05-cs-cost, at 80x24).
    static let copiesBesideASwarm = TestLessons.load("""
        ---
        id: test-copies-beside-a-swarm
        title: Copies beside a swarm
        summary: Five clients get whole copies, then forty others share the file in a swarm.
        essay: [4]
        claims: [C8]
        network:
          layout: star
          nodes:
            small: { role: server, upload: 10Mbps, download: 100Mbps }
            large: { role: server, upload: 10Mbps, download: 100Mbps }
          groups:
            few: { count: 5, prefix: a, role: client, upload: 1Mbps, download: 20Mbps }
            many: { count: 40, prefix: c, role: client, upload: 1Mbps, download: 20Mbps }
        ---

        ## Copies

        ```sim
        - serve-file: { from: small, to: few, size: 4Mb }
        - run: idle
        ```

        ## A swarm beside them

        ```sim
        - swarm: { file: 40Mb, chunks: 40, seeds: [large], peers: many }
        - run: 2s
        - pause: The swarm has begun.
        ```
        """, path: "05-copies-beside-a-swarm.md")

    private func stage(width: Int, height: Int) -> [String] {
        var state = AppState(lessons: [Self.copiesBesideASwarm], start: .lesson(id: "test-copies-beside-a-swarm", step: 1))
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        return screen(state, width: width, height: height).split(separator: "\n").map(String.init)
    }

    @Test func clientsWithTheirWholeCopyLookFullBesideASwarmAndTheShadesHaveALegend() {
        let rows = stage(width: 80, height: 24)
        let rect = ScreenLayout(width: 80, height: 24, presenting: false).stage
        let stage = rows[rect.y..<(rect.maxY - 1)].map { String($0.prefix(rect.width)) }
        // a1 to a5 hold the whole file; the swarm has only begun, so nobody else does.
        #expect(stage.joined().filter { $0 == "█" }.count == 5)
        #expect(rows.contains { $0.hasPrefix("└─ ·░▒▓█ share of the file ") })
    }

    @Test func aStageWithNamesNeedsNoShadeLegend() {
        let rows = stage(width: 100, height: 30)
        #expect(rows.contains { $0.contains("□ a1") }, "\(rows.joined(separator: "\n"))")
        #expect(!rows.contains { $0.contains("share of the file") })
    }

    /// The lightest shade is for none of the file and the darkest for all of it, so a
    /// node with a few chunks does not look empty, nor one a chunk short look done.
    @Test func aCellIsEmptyOnlyForNoneOfTheFileAndFullOnlyForAllOfIt() {
        let shares = [0, 0.05, 0.3, 0.5, 0.9, 0.99, 1]
        let nodes = shares.enumerated().map { SceneNode(id: $0, name: "p\($0)", role: .peer, share: $1) }
        var canvas = Canvas(width: 40, height: 3)
        StageRenderer(scene: Scene(nodes: nodes, layout: .grid), theme: Theme(.full)).draw(into: &canvas, rect: canvas.bounds)
        #expect(canvas.text.filter { !$0.isWhitespace } == "7peers·░░▒▓▓█", "a caption says what the cells stand for")
    }
}
