import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// p2p-discovery asks "with a hop limit of 2, will p1's question reach p11?": the stage,
/// the inspector and the event list let a learner count the hops and see the answer.
@Suite struct DiscoveryStageTests {
    static let sizes = StageCrossingTests.sizes.map { "\($0.0)x\($0.1)" }

    /// Step 2 with its quiz answered, then played to its end, or `rights` steps into it.
    static func flood(rights: Int? = nil) throws -> AppState {
        var state = try StageLegibilityTests.state("p2p-discovery", step: 1, keys: [.character("2"), .character(" ")])
        if let rights {
            for _ in 0..<rights {
                send(&state, .key(.right))
                while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            }
        } else {
            send(&state, .key(.enter))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        }
        return state
    }

    /// The glyph in front of each peer's name (its mark when it has one), and the legend,
    /// as drawn at a size.
    static func icons(_ state: AppState, size: String) throws -> (icons: [String: String], legend: [String]) {
        let scene = try #require(state.lesson).stage.scene
        let rect = StageLegibilityTests.stage(size)
        var canvas = Canvas(width: rect.maxX + 1, height: rect.maxY + 1)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
        var icons: [String: String] = [:]
        for node in scene.nodes {
            let frame = try #require(hits.placement.frames[node.id])
            let cell = hits.placement.form == .compact ? canvas[frame.x, frame.y] : canvas[frame.x + 1, frame.y + frame.height / 2]
            // A mark is drawn beside the icon: in the cell a one-line label keeps after its
            // name, or in a box's top border.
            let beside = [canvas[frame.maxX - 1, frame.y], canvas[frame.x + 1, frame.y]].map(\.text)
            icons[node.name] = beside.contains("◦") ? "◦" : cell.text
        }
        return (icons, hits.legend.all.map { $0.glyphs + " " + $0.title })
    }

    @Test(arguments: sizes)
    func afterTheFloodEveryPeerShowsTheHopItWasAskedAtOrThatItWasNeverReached(size: String) throws {
        let (icons, legend) = try Self.icons(Self.flood(), size: size)
        #expect(icons["p1"] == "⓪")
        for name in ["p2", "p16", "p9"] { #expect(icons[name] == "①", "\(size): \(name)") }
        for name in ["p3", "p15", "p8", "p10"] { #expect(icons[name] == "②", "\(size): \(name)") }
        for name in ["p4", "p5", "p6", "p7", "p11", "p12", "p13", "p14"] { #expect(icons[name] == "◦", "\(size): \(name)") }
        #expect(legend.contains("⓪ asker"))
        #expect(legend.contains("①② asked at hop"))
        #expect(legend.contains("◦ not reached"))
    }

    /// The question says the index is off: while it waits for an answer, the stage
    /// already draws the index down and its link cut.
    @Test(arguments: sizes)
    func theQuizWithoutADirectorySeesTheIndexDown(size: String) throws {
        let state = try StageLegibilityTests.state("p2p-discovery", step: 1)
        let session = try #require(state.lesson)
        guard case .quiz = session.runner.pending else {
            Issue.record("step 2 waits on its quiz")
            return
        }
        #expect(session.stage.scene.nodes.first { $0.name == "index" }?.marks.contains(.down) == true)
        let legend = try Self.icons(state, size: size).legend
        #expect(legend.contains("✕ down"), "\(size)")
        #expect(legend.contains("✂ cut"), "\(size)")
    }

    /// Step 4's hash-table lookup: its hops can be counted in order on the stage, and the
    /// holder is marked, although the question never went to it (the peer responsible
    /// for the name answered for it). The narration says so.
    @Test(arguments: sizes)
    func theTableLookupsHopsAndTheHolderCanBeReadOffTheStage(size: String) throws {
        var state = try StageLegibilityTests.state("p2p-discovery", step: 3)
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        let (icons, legend) = try Self.icons(state, size: size)
        #expect(icons["p1"] == "⓪")
        #expect(icons["p5"] == "①")
        #expect(icons["p9"] == "②")
        #expect(icons["p13"] == "③")
        let numbered = icons.filter { "①②③④⑤".contains($0.value) }
        #expect(numbered.count == 3, "\(size): only the chain is numbered: \(numbered)")
        let p11 = try #require(state.lesson?.stage.scene.nodes.first { $0.name == "p11" })
        #expect(p11.marks == [.holder])
        #expect(p11.search == nil)
        #expect(legend.contains("★ holder") || size == "80x24", "\(size): \(legend)")
        let runner = try #require(state.lesson?.runner)
        let text = runner.shownNarration.map { runner.text(of: $0.paragraph) }.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("p11 in 3 hops and 4 messages"))
        #expect(text.contains("p11 (★) holds the file"))
    }

    @Test func whileTheFloodRunsTheFirstHopIsNumberedAndNobodyIsYetNotReached() throws {
        var state = try Self.flood(rights: 0)
        var presses = 0
        while try Self.icons(state, size: "100x30").icons["p9"] != "①", presses < 40 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            presses += 1
        }
        let (icons, legend) = try Self.icons(state, size: "100x30")
        #expect(icons["p9"] == "①")
        #expect(!icons.values.contains("◦"))
        #expect(!legend.contains { $0.hasSuffix("not reached") })
    }

    /// The ring's neighbours sit side by side, the chords between peers the same number
    /// of places from p1 are level, and a large stage draws the ring larger than a
    /// middling one (not a small ring in the middle of an empty stage) but within four
    /// fifths of the stage: neighbours stay close enough to read as neighbours.
    @Test func theOverlayIsACompactRingWithLevelChords() throws {
        let state = try Self.flood()
        let scene = try #require(state.lesson).stage.scene
        func frames(_ size: String) -> [String: Rect] {
            let placement = scene.geometry(in: StageLegibilityTests.stage(size), roomy: false).placement
            return Dictionary(uniqueKeysWithValues: scene.nodes.compactMap { node in placement.frames[node.id].map { (node.name, $0) } })
        }
        func span(_ frames: [String: Rect]) -> (width: Int, height: Int) {
            let peers = (1...16).compactMap { frames["p\($0)"] }
            return (peers.map(\.maxX).max()! - peers.map(\.x).min()!, peers.map(\.maxY).max()! - peers.map(\.y).min()!)
        }
        let middling = span(frames("100x30")), large = span(frames("160x45"))
        let stage = StageLegibilityTests.stage("160x45")
        #expect(large.width > middling.width && large.width <= stage.width * 4 / 5, "\(large) against \(middling)")
        #expect(large.height <= stage.height * 4 / 5 + 1, "\(large) in \(stage)")
        for size in Self.sizes {
            let placed = frames(size)
            for (a, b) in [("p3", "p15"), ("p5", "p13"), ("p7", "p11")] {
                #expect(placed[a]?.y == placed[b]?.y, "\(size): \(a)–\(b) is level")
            }
            #expect(placed["p1"]!.y < placed["p9"]!.y, "\(size): p1 on top")
        }
    }

    private func inspecting(_ name: String, in state: AppState) throws -> String {
        var state = state
        let simulation = try #require(state.lesson).stage.shown.simulation
        let index = try #require(simulation.nodeIDs.firstIndex { simulation.node($0).config.name == name })
        for _ in 0...index { send(&state, .key(.tab)) }
        send(&state, .key(.character("i")))
        return screen(state, width: 100, height: 30)
    }

    @Test func theInspectorListsAPeersNeighboursAndItsPartInTheFlood() throws {
        let state = try Self.flood()
        let p10 = try inspecting("p10", in: state)
        #expect(p10.contains("neighbours  p9, p11"))
        #expect(p10.contains("asked at hop 2"))
        #expect(p10.contains("does not hold it"))
        let p11 = try inspecting("p11", in: state)
        #expect(p11.contains("holds       lecture-3.webm"))
        #expect(p11.contains("never asked: the hop limit ran out first"))
        let p1 = try inspecting("p1", in: state)
        #expect(p1.contains("index (down)"))
        #expect(p1.contains("asker: flooding, hop limit 2"))
    }

    /// The tutor's note: find a peer asked more than once. At 80 columns the rows keep
    /// their verbs; a search finds every arrival at p3, N goes round to the latest, and Enter shows
    /// the stage at that moment.
    @Test func theEventListFindsAPeerAskedMoreThanOnce() throws {
        var state = try StageLegibilityTests.state("p2p-discovery", step: 2, keys: [.character("w")])
        send(&state, .key(.enter))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        send(&state, .key(.character("e")))
        let list = screen(state)
        #expect(list.contains("done sending p"))
        #expect(list.contains("arrived      p"))
        send(&state, .key(.character("/")))
        for character in "arrived p3: who" { send(&state, .key(.character(character))) }
        send(&state, .key(.enter))
        let panel = try #require(state.overlay as? EventListPanel)
        // Once by the last step's flood, then from p2 and from p15 (across the ring) by this one's.
        #expect(panel.matches.count >= 3)
        send(&state, .key(.character("N")))
        let latest = try #require((state.overlay as? EventListPanel)?.selected)
        #expect(latest == panel.matches.last)
        send(&state, .key(.enter))
        #expect(state.overlay == nil)
        #expect(state.lesson?.stage.shown.simulation.eventCount == latest + 1)
    }
}
