import Canvas
import NetSim
import Testing
@testable import TeachUI

/// The legend explains everything the stage draws that a glyph alone does not say, in
/// one place per kind: who is who along the top border, what happens along the bottom.
@Suite struct LegendEntryTests {
    private static let theme = Theme(.full)

    private static func legend(_ scene: Scene, width: Int = 60, height: Int = 16) -> StageLegend {
        var canvas = Canvas(width: width, height: height)
        return StageRenderer(scene: scene, theme: theme).draw(into: &canvas, rect: canvas.bounds).legend
    }

    private static func words(_ entries: [LegendEntry]) -> [String] {
        entries.map { $0.glyphs.isEmpty ? $0.title : "\($0.glyphs) \($0.title)" }
    }

    private static func star(named server: String) -> [SceneNode] {
        [SceneNode(id: 0, name: server, role: .server)] + (1...4).map { SceneNode(id: $0, name: "c\($0)", role: .client) }
    }

    /// The legend lists every glyph on screen, even beside a name that says the same: "▦
    /// server" was left out, so a stage of a server, a tracker and peers named only ◉.
    @Test func everyIconOnTheStageIsInTheLegend() {
        #expect(Self.words(Self.legend(Scene(nodes: Self.star(named: "server"), layout: .star)).cast) == ["▦ server", "□ client"])
        #expect(Self.words(Self.legend(Scene(nodes: Self.star(named: "index"), layout: .star)).cast) == ["▦ server", "□ client"])
    }

    /// Peers exchanging messages on a stage with no standing lines: the lines drawn are
    /// the messages' ways, and the legend says so rather than "no lines".
    @Test func linesDrawnWhileMessagesTravelAreSaidToBeTheirWays() {
        let peers = (0..<4).map { SceneNode(id: $0, name: "p\($0 + 1)", role: .peer) }
        let packets = [ScenePacket(id: 1, kind: .chunk, from: 0, to: 2, progress: 0.5)]
        let legend = Self.legend(Scene(nodes: peers, packets: packets, layout: .mesh))
        #expect(Self.words(legend.cast) == ["◉ peer", StageRenderer.travellingLines])
    }

    @Test func peersReachingEachOtherIsSaidOnlyOfPeersWithNoLines() {
        let star = Self.legend(Scene(nodes: Self.star(named: "server"), layout: .star))
        #expect(!star.all.contains { $0.title.contains("reach") }, "clients round a server do not reach each other")
        let peers = (0..<4).map { SceneNode(id: $0, name: "p\($0 + 1)", role: .peer) }
        #expect(Self.words(Self.legend(Scene(nodes: peers, layout: .mesh)).cast) == ["◉ peer", "no lines: any peer reaches any other"])
        let ring = Scene(nodes: peers, links: (0..<4).map { SceneLink(a: $0, b: ($0 + 1) % 4) }, layout: .ring)
        #expect(!Self.legend(ring).all.contains { $0.title.contains("reach") }, "an overlay's lines are its links")
    }

    @Test func aHeavyBoxAServersQueueAndACountBesideMessagesAreExplained() {
        var nodes = Self.star(named: "server")
        nodes[0].isWorking = true
        nodes[0].waiting = 3
        nodes[2].isHighlighted = true
        let packets = [ScenePacket(id: 1, kind: .request, from: 1, to: 0, progress: 0.4),
                       ScenePacket(id: 2, kind: .request, from: 1, to: 0, progress: 0.2)]
        let legend = Self.legend(Scene(nodes: nodes, packets: packets, layout: .star))
        #expect(Self.words(legend.cast) == ["▦ server", "□ client", "┏━ watch this"])
        #expect(Self.words(legend.events) == ["● request", "●2 2 at once", "▸ to its receiver", "busy serving a request", "+3 queued"])
        nodes[2].isHighlighted = false
        #expect(!Self.legend(Scene(nodes: nodes, layout: .star)).cast.contains { $0.title == "watch this" })
    }

    /// Every client marked (one refused, the rest gave up): each keeps its □ beside its
    /// mark, so the legend still says what a □ is, and names each mark once.
    @Test func aKindWhoseEveryNodeIsMarkedKeepsItsIconAndItsLegendEntry() {
        var nodes = Self.star(named: "server")
        for index in 1...4 { nodes[index].marks = [index == 1 ? .refused : .gaveUp] }
        var canvas = Canvas(width: 60, height: 16)
        let legend = StageRenderer(scene: Scene(nodes: nodes, layout: .star), theme: Self.theme).draw(into: &canvas, rect: canvas.bounds).legend
        #expect(Self.words(legend.cast) == ["▦ server", "□ client"])
        #expect(Self.words(legend.events) == ["∅ gave up", "⊘ refused"])
        #expect(canvas.text.contains("□ c1⊘") || canvas.text.contains(" ⊘\n"), "the mark stands beside the node:\n\(canvas.text)")
        #expect(!canvas.text.contains("┌⊘") && !canvas.text.contains("┌∅"), "a mark set into a box's border read as garbage")
    }

    /// Where the whole "no lines" sentence fits on neither border, its short form does,
    /// rather than an ellipsis in its place.
    @Test func theNoLinesSentenceHasAShortFormForANarrowStage() {
        let stage = Rect(x: 0, y: 0, width: 46, height: 5)
        var canvas = Canvas(width: 46, height: 5)
        canvas.box(stage, glyphs: Self.theme.glyphs, style: .plain)
        let cast = [LegendEntry(glyphs: "◉", style: .plain, title: "peer"),
                    LegendEntry(glyphs: "", style: .plain, title: StageRenderer.noLines, shorter: StageRenderer.noLinesShorter)]
        let events = ["down", "dropped", "lost", "cut", "rejected"].map { LegendEntry(glyphs: "x", style: .plain, title: $0) }
        StageLegend(cast: cast, events: events).draw(into: &canvas, along: stage, theme: Self.theme)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "┌─ ◉ peer  no lines: any peer to any other ──┐")
        #expect(rows[4] == "└─ x down x dropped x lost x cut x rejected ─┘")
    }

    /// A legend too long for its own border goes on along the other; too long for both,
    /// it leaves out the least important entry and ends in an ellipsis.
    @Test func aLegendTooLongForBothBordersEndsInAnEllipsis() {
        let stage = Rect(x: 0, y: 0, width: 30, height: 5)
        var canvas = Canvas(width: 30, height: 5)
        canvas.box(stage, glyphs: Self.theme.glyphs, style: .plain)
        let entries = ["down", "dropped", "lost", "cut", "request", "response"].map { LegendEntry(glyphs: "x", style: .plain, title: $0) }
        StageLegend(events: entries).draw(into: &canvas, along: stage, theme: Self.theme)
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "┌─ x lost x request ─────────┐")
        #expect(rows[4] == "└─ x down x dropped x cut … ─┘")
    }

    /// Words give way to their shorter forms, a sentence about the stage first, before any
    /// glyph is left out.
    @Test func wordsShortenBeforeAnyGlyphIsLeftOut() {
        let legend = StageLegend(cast: [LegendEntry(glyphs: "", style: .plain, title: "a long sentence", shorter: ["short"])],
                                 events: [LegendEntry(glyphs: "x", style: .plain, title: "message lost", shorter: ["lost"]),
                                          LegendEntry(glyphs: "y", style: .plain, title: "queue full", shorter: ["full"])])
        let roomy = legend.borders(room: 19)
        #expect(roomy.top.map(\.title) == ["short", "queue full"] && roomy.bottom.map(\.title) == ["message lost"])
        let tight = legend.borders(room: 14)
        #expect(!tight.leftOut)
        #expect((tight.top + tight.bottom).map(\.title).sorted() == ["full", "lost", "short"])
        let tighter = legend.borders(room: 8)
        #expect(tighter.leftOut && (tighter.top + tighter.bottom).map(\.title) == ["lost"], "the sentence goes first")
    }
}
