import Canvas
import Testing
@testable import TeachUI

/// The status line says in words whether the stage plays, however little room there is;
/// what gives way is the event number (engine detail), then the note, cut short with an
/// ellipsis but still readable, then the speed, which a student reads the pace off.
@Suite struct StatusLineTests {
    private func drawn(_ status: StatusView, width: Int, capabilities: Capabilities = .full) -> String {
        var canvas = Canvas(width: width, height: 1)
        status.draw(into: &canvas, rect: Rect(x: 0, y: 0, width: width, height: 1), theme: Theme(capabilities))
        return canvas.row(0)
    }

    private let status = StatusView(playing: false, position: "step 2/4", time: "102 ms", speed: "×0.001", events: 16,
                                    note: "→ did it for you: switch the server off now", stepped: 6)

    /// At 80 columns the note is whole (the speed gave way for it); narrower, it is cut.
    @Test(arguments: [64, 52])
    func aNarrowLineStillSaysPaused(width: Int) {
        let line = drawn(status, width: width)
        #expect(line.contains("paused"), "\(line)")
        #expect(line.hasSuffix("…"), "\(line)")
    }

    @Test func aWideLineShowsEverything() {
        let line = drawn(status, width: 120)
        #expect(line.contains("×0.001") && line.contains("events 11–16") && line.contains("switch the server off now"), "\(line)")
    }

    /// p2p-swarm step 3 at 80x24 showed the event number and no speed.
    @Test func theEventNumberGivesWayBeforeTheSpeed() {
        let swarm = StatusView(playing: false, position: "step 3/4", time: "48.1 s", speed: "×10", events: 20,
                               note: "until 1 of the peers has the whole file")
        let line = drawn(swarm, width: 80)
        #expect(line.contains("×10"), "\(line)")
        #expect(!line.contains("event 20"), "\(line)")
        #expect(line.contains("until 1 of the peers has the whole file"), "\(line)")
    }

    @Test func theNoteStaysReadableBeforeTheSpeedGoes() {
        let line = drawn(status, width: 70)
        #expect(line.contains("×0.001"), "\(line)")
        #expect(line.contains("→ did it for you: switch"), "\(line)")
        let narrower = drawn(status, width: 52)
        #expect(!narrower.contains("×0.001"), "\(narrower)")
        #expect(narrower.contains("paused") && narrower.contains("step 2/4"), "\(narrower)")
    }

    @Test func playingIsSaidInWordsToo() {
        var playing = status
        playing.playing = true
        #expect(drawn(playing, width: 52).contains("playing"))
    }

    @Test func withoutUnicodeTheCutEndsInThreeDots() {
        let line = drawn(status, width: 60, capabilities: Capabilities(color: false, unicode: false))
        #expect(line.contains("paused"), "\(line)")
        #expect(line.hasSuffix("..."), "\(line)")
    }

    @Test func presentingHidesTheEventNumbers() {
        var presented = status
        presented.showsEvents = false
        #expect(!drawn(presented, width: 80).contains("event"))
        #expect(drawn(presented, width: 80).contains("paused"))
    }
}
