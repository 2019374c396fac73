import Foundation
import Canvas
import NetSim
import Testing
@testable import TeachUI

@Suite struct StageLayoutTests {
    private func star(clients: Int) -> [SceneNode] {
        [SceneNode(id: 0, name: "server", role: .server)]
            + (1...clients).map { SceneNode(id: $0, name: "c\($0)", role: .client) }
    }

    private func noFramesTouch(_ placement: StagePlacement) -> Bool {
        let frames = Array(placement.frames.values)
        for i in frames.indices {
            for j in frames.indices where j > i && frames[i].intersects(frames[j]) { return false }
        }
        return true
    }

    @Test func aServerAtWorkSaysSoOnItsBoxWithTheQueueBehindIt() {
        func stage(working: Bool, waiting: Int, roomy: Bool) -> String {
            var nodes = star(clients: 4)
            nodes[0].isWorking = working
            nodes[0].waiting = waiting
            var canvas = Canvas(width: roomy ? 90 : 46, height: roomy ? 30 : 13)
            StageRenderer(scene: Scene(nodes: nodes, layout: .star), theme: Theme(.full), roomy: roomy).draw(into: &canvas, rect: canvas.bounds)
            return canvas.text
        }
        // On a line of its own under the box, never in its border: "┗busy +3┛" read as garbage.
        func labelled(_ stage: String, _ label: String) -> Bool {
            stage.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == label }
        }
        let busy = stage(working: true, waiting: 0, roomy: false)
        #expect(labelled(busy, "busy"), "\(busy)")
        let queue = stage(working: true, waiting: 3, roomy: false)
        #expect(labelled(queue, "busy +3"), "\(queue)")
        #expect(labelled(stage(working: true, waiting: 3, roomy: true), "busy +3"))
        #expect(!stage(working: false, waiting: 0, roomy: false).contains("busy"))
    }

    @Test func aSmallStarGetsBoxesWithTheServerInTheMiddle() {
        let stage = Rect(x: 0, y: 0, width: 46, height: 13)
        let placement = StageLayout.place(star(clients: 4), kind: .star, in: stage)
        #expect(placement.form == .box)
        #expect(placement.frames[0]?.contains(stage.center) == true)
        #expect(placement.frames.count == 5)
        #expect(noFramesTouch(placement))
    }

    @Test func moreClientsThanBoxesFitBecomeOneLineLabels() {
        let placement = StageLayout.place(star(clients: 12), kind: .star, in: Rect(x: 0, y: 0, width: 46, height: 13))
        #expect(placement.form == .compact)
        #expect(placement.frames.count == 13)
        #expect(noFramesTouch(placement))
    }

    @Test func aLargeSwarmBecomesAGridWithHubsOnTop() {
        let nodes = [SceneNode(id: 0, name: "tracker", role: .tracker)]
            + (1...200).map { SceneNode(id: $0, name: "p\($0)", role: .peer) }
        let placement = StageLayout.place(nodes, kind: .ring, in: Rect(x: 1, y: 1, width: 46, height: 13))
        #expect(placement.form == .dot)
        #expect(placement.kind == .grid)
        #expect(placement.hidden == 0)
        let trackerRow = placement.frames[0]?.y ?? -1
        #expect(placement.frames.filter { $0.key != 0 }.allSatisfy { $0.value.y > trackerRow })
        #expect(noFramesTouch(placement))
    }

    @Test func aGridTooSmallForEveryoneSaysHowManyAreLeftOut() {
        let nodes = (0..<500).map { SceneNode(id: $0, name: "p\($0)", role: .peer) }
        let placement = StageLayout.place(nodes, kind: .grid, in: Rect(x: 0, y: 0, width: 20, height: 5))
        #expect(placement.hidden > 0)
        #expect(placement.frames.count + placement.hidden == 500)
        var canvas = Canvas(width: 20, height: 5)
        StageRenderer(scene: Scene(nodes: nodes, layout: .grid), theme: Theme(.full)).draw(into: &canvas, rect: canvas.bounds)
        // Beside the block's last cell, as its own part of the picture.
        let note = placement.notes.first
        #expect(note?.text == "+\(placement.hidden) more")
        #expect(note.map { canvas.row($0.frame.y).contains("· +\(placement.hidden) more") || canvas.row($0.frame.y).contains("+\(placement.hidden) more") } == true)
        #expect(placement.captions.first?.hidden == placement.hidden)
        #expect(canvas.row(0).contains("500 peers"), "the caption says how many of what the grid stands for")
    }

    @Test func aClickFindsTheNodeUnderIt() {
        let placement = StageLayout.place(star(clients: 4), kind: .star, in: Rect(x: 0, y: 0, width: 46, height: 13))
        let server = placement.frames[0]!
        #expect(placement.node(at: Point(x: server.x + 1, y: server.y + 1)) == 0)
        #expect(placement.node(at: Point(x: 0, y: 0)) == nil)
    }

    @Test func messagesSharingACellShowHowManyTheyAre() {
        let nodes = [SceneNode(id: 0, name: "a", role: .peer), SceneNode(id: 1, name: "b", role: .peer)]
        let packets = (1...3).map { ScenePacket(id: $0, kind: .chunk, from: 1, to: 0, progress: 0.5) }
        let scene = Scene(nodes: nodes, links: [SceneLink(a: 0, b: 1)], packets: packets, layout: .ring)
        var canvas = Canvas(width: 7, height: 9)
        StageRenderer(scene: scene, theme: Theme(.plain)).draw(into: &canvas, rect: canvas.bounds)
        #expect(canvas.text.split(separator: "\n").contains("   #3"))
    }

    @Test func aMessageIsDrawnWhereItsProgressPutsIt() {
        let nodes = [SceneNode(id: 0, name: "a", role: .peer), SceneNode(id: 1, name: "b", role: .peer)]
        func drawn(progress: Double) -> String {
            let scene = Scene(nodes: nodes, links: [SceneLink(a: 0, b: 1)],
                              packets: [ScenePacket(id: 1, kind: .chunk, from: 1, to: 0, progress: progress)], layout: .ring)
            var canvas = Canvas(width: 7, height: 9)
            StageRenderer(scene: scene, theme: Theme(.plain)).draw(into: &canvas, rect: canvas.bounds)
            return canvas.text
        }
        #expect(drawn(progress: 0) == """
             +---+
             |p a|
             +---+
               |
               |
               #
             +---+
             |p b|
             +---+
            """)
        #expect(drawn(progress: 1) == """
             +---+
             |p a|
             +---+
               #
               |
               |
             +---+
             |p b|
             +---+
            """)
    }
}

@Suite struct TrafficLineTests {
    private func stage(pairs: Int, neighbours: Bool = false) -> String {
        let nodes = (0..<(2 * pairs)).map { SceneNode(id: $0, name: "p\($0)", role: .peer) }
        // Each node sends to the one across the ring, so every path crosses the middle;
        // or, with `neighbours`, to the next one round the ring, so no path crosses another.
        let packets = (0..<pairs).map { index in
            let from = neighbours ? 2 * index : index
            return ScenePacket(id: index, kind: .chunk, from: from, to: neighbours ? from + 1 : from + pairs, progress: 0.3)
        }
        var canvas = Canvas(width: 90, height: 30)
        StageRenderer(scene: Scene(nodes: nodes, packets: packets, layout: .ring), theme: Theme(.plain)).draw(into: &canvas, rect: canvas.bounds)
        return canvas.text
    }

    @Test func aFewPeersTalkingGetFaintLinesBetweenThem() {
        let shown = stage(pairs: 3)
        #expect(shown.filter { $0 == "#" }.count == 3)
        #expect(shown.contains("/") || shown.contains("\\"))
    }

    @Test func aBusySwarmDrawsEveryChunkOnTheLineFromItsSenderToItsReceiverWhenNoneCross() {
        let shown = stage(pairs: 8, neighbours: true)
        #expect(shown.filter { $0 == "#" }.count == 8)
        #expect(!shown.contains("drawn"))
    }

    /// Eight paths through the middle of a ring would be a knot: the first is drawn, with
    /// its chunk, and the stage says how many of the chunks in flight it shows.
    @Test func aBusySwarmLeavesOutPathsThatWouldCrossAndSaysSo() {
        let shown = stage(pairs: 8)
        #expect(shown.filter { $0 == "#" }.count == 1)
        #expect(shown.contains("1 of 8 drawn: the rest would cross"))
    }
}

@Suite struct PlaybackTests {
    @Test func theSpeedIsChosenSoWhatIsUnderWayPlaysInSeconds() {
        var playback = Playback()
        playback.suggest(forDuration: 45_000)
        #expect(playback.speed == 0.01)
        playback.suggest(forDuration: 500_000_000)
        #expect(playback.speed == 100)
    }

    @Test func aSpeedTheLearnerPickedStays() {
        var playback = Playback()
        playback.faster()
        playback.suggest(forDuration: 500_000_000)
        #expect(playback.speed == 0.3)
    }

    @Test func aGlideNeverTakesLongerThanItsCap() {
        let playback = Playback()
        let glide = playback.glide(from: 0, to: 10_000_000)
        #expect(glide?.duration == Playback.longestGlide)
        #expect(playback.glide(from: 5, to: 5) == nil)
    }
}
