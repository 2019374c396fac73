import Canvas
import NetSim
import Testing
@testable import TeachUI

/// A node's marks have cells of their own: on a one-line label, the slot after its name
/// inside its frame, which lines, messages and neighbours keep off, so a name and its
/// mark read as one, with a gap to the next thing. And the legend names every glyph on
/// the stage, along both borders when the top one is full.
@Suite struct MarkRoomTests {
    private static func stageRows(_ state: AppState) -> [String] {
        let text = screen(state).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stage = ScreenLayout(width: 80, height: 24, presenting: false).stage
        return Array(text[stage.y..<stage.maxY]).map { String($0.prefix(stage.width)) }
    }

    private static func stepped(_ id: String, step: Int, presses: Int) throws -> AppState {
        var state = try StageLegibilityTests.state(id, step: step)
        for _ in 0..<presses {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        }
        return state
    }

    /// p2p-swarm step 1 played to the middle of its six copies (15 s of its 48).
    private static func copying() throws -> AppState {
        var state = try StageLegibilityTests.state("p2p-swarm", step: 0)
        send(&state, .key(.enter))
        send(&state, .tick(elapsedMicroseconds: 5_000_000))
        return state
    }

    /// p2p-swarm step 1 at 80x24 drew `▦ server↑□ c2`: the arrow in the one blank
    /// column between the server and its neighbour.
    @Test func aSendersArrowStandsApartFromItsNeighbour() throws {
        let state = try Self.copying()
        let stage = Self.stageRows(state).joined(separator: "\n")
        #expect(stage.contains("▦ server↑ "), "\(stage)")
        #expect(state.lesson!.stage.scene.nodes.first { $0.name == "server" }!.sending > 0)
    }

    /// A one-line label's mark sits in its own frame: the cell before its icon and the
    /// space between icon and name stay as they are (`▦⊗server` was drawn), and the cell
    /// after it is never a line, a message or another label.
    @Test func aMarkNeverTakesTheSpaceBeforeTheNameOrTheCellAfterIt() throws {
        var scene = Scene(nodes: [SceneNode(id: 0, name: "server", role: .server, marks: [.dropped], sending: 2),
                                  SceneNode(id: 1, name: "c2", role: .client, marks: [.gaveUp])],
                          layout: .star)
        scene.packets = [ScenePacket(id: 1, kind: .response, from: 0, to: 1, progress: 0.5)]
        var canvas = Canvas(width: 30, height: 2)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: canvas.bounds)
        #expect(hits.placement.form == .compact)
        let row = canvas.text
        #expect(row.contains("▦ server⊗"), "the mark after the name, not in front of it: \(row)")
        #expect(row.contains("□ c2∅"), "\(row)")
        #expect(!row.contains("⊗▦") && !row.contains("∅□") && !row.contains("▦⊗"), "\(row)")
        for frame in hits.placement.frames.values where frame.maxX < canvas.width {
            let after = canvas[frame.maxX, frame.y].text
            #expect(after == " ", "a gap after \(frame): \(row)")
        }
    }

    /// The seed of p2p-swarm is drawn ◎ before its swarm starts as in it, and named.
    @Test func theSeedLooksTheSameBeforeAndDuringItsSwarm() throws {
        for step in [0, 2] {
            let state = try Self.stepped("p2p-swarm", step: step, presses: 6)
            let scene = state.lessonView(state.lesson!, theme: Theme(.full)).scene
            #expect(scene.nodes.first { $0.name == "seed" }?.swarmRole == .seed, "step \(step + 1)")
            let rows = Self.stageRows(state)
            #expect(rows.joined().contains("◎ seed"), "step \(step + 1)")
            #expect(rows[0].contains("◎ seed"), "the legend names it: \(rows[0])")
        }
    }

    /// p2p-swarm step 1 at 80x24: a server, clients, a tracker and peers; the legend named
    /// only □ and ◉. Every icon is named, and what does not fit the top border is said
    /// along the bottom, with its whole words.
    @Test func theLegendNamesEveryIconAlongBothBordersWhenNeeded() throws {
        let state = try Self.copying()
        let rows = Self.stageRows(state)
        let top = rows[0], bottom = rows[rows.count - 1]
        for entry in ["◎ seed", "▦ server", "□ client", "◉ peer", "◈ tracker"] {
            #expect(top.contains(entry), "\(entry): \(top)")
        }
        #expect(bottom.contains("lines: under way"), "the lines drawn are the file's ways: \(bottom)")
        #expect(!top.contains("…") && !bottom.contains("…"), "\(top)\n\(bottom)")
    }
}
