import Canvas
import Testing
@testable import TeachUI

/// The status line says in words whether the stage plays, and which events it shows,
/// however little room there is; what gives way is the speed, then the note, cut short
/// with an ellipsis.
@Suite struct StatusLineTests {
    private func drawn(_ status: StatusView, width: Int, capabilities: Capabilities = .full) -> String {
        var canvas = Canvas(width: width, height: 1)
        status.draw(into: &canvas, rect: Rect(x: 0, y: 0, width: width, height: 1), theme: Theme(capabilities))
        return canvas.row(0)
    }

    private let status = StatusView(playing: false, position: "step 2/4", time: "102 ms", speed: "×0.001", events: 16,
                                    note: "→ did it for you: switch the server off now", stepped: 6)

    @Test(arguments: [80, 64, 52])
    func aNarrowLineStillSaysPausedAndWhichEvents(width: Int) {
        let line = drawn(status, width: width)
        #expect(line.contains("paused"), "\(line)")
        #expect(line.contains("events 11–16"), "\(line)")
        #expect(line.hasSuffix("…"), "\(line)")
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
