import Canvas
import Testing
@testable import TeachUI

/// Text cut short to fit ends with an ellipsis, "…" or, without Unicode, "...", so a
/// reader can tell something is missing: a panel's title, as the status line's note (`StatusLineTests`).
@Suite struct EllipsisTests {
    @Test(arguments: [true, false])
    func aPanelTitleCutShortEndsWithAnEllipsis(unicode: Bool) {
        let glyphs: GlyphSet = unicode ? .unicode : .ascii
        var canvas = Canvas(width: 20, height: 3)
        canvas.box(Rect(x: 0, y: 0, width: 20, height: 3), glyphs: glyphs, title: "a title far too long for the box")
        let top = canvas.row(0)
        #expect(top.contains("a title far" ) && top.contains(glyphs.ellipsis + glyphs.light.topRight.description), "\(top)")
    }

    @Test func asciiCutsWithThreeDots() {
        #expect(GlyphSet.ascii.ellipsis == "...")
    }

}
