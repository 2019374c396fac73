import Testing
@testable import Canvas

@Suite struct CanvasTests {
    @Test func textIsClippedAtTheRightEdge() {
        var canvas = Canvas(width: 5, height: 1)
        let written = canvas.put("network", x: 1, y: 0)
        #expect(written == 4)
        #expect(canvas.text == " netw")
    }

    @Test func textCutAtItsLimitEndsInAnEllipsisAndTextThatFitsDoesNot() {
        var canvas = Canvas(width: 12, height: 3)
        #expect(canvas.put("network", x: 0, y: 0, limit: 5, ellipsis: "…") == 5)
        canvas.put("peer", x: 0, y: 1, limit: 5, ellipsis: "…")
        canvas.put("a→宽字", x: 0, y: 2, limit: 5, ellipsis: "…")
        #expect(canvas.text == "netw…\npeer\na→宽…")
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("a\u{1B}[2Jb\u{7}\u{9B}c", x: 0, y: 0)
        #expect(canvas.text == "a[2Jbc")
    }

    @Test func wideGraphemesTakeTwoColumns() {
        var canvas = Canvas(width: 6, height: 1)
        let written = canvas.put("日本x", x: 0, y: 0)
        #expect(written == 5)
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas.text == "日本x")
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("日", x: 0, y: 0)
        canvas.put("z", x: 1, y: 0)
        #expect(canvas.text == " z")
    }

    @Test func diffReportsOnlyChangedRuns() {
        var before = Canvas(width: 10, height: 3)
        before.put("hello", x: 0, y: 1)
        var after = before
        after.put("J", x: 0, y: 1)
        after.put("!", x: 9, y: 2)
        let runs = after.changes(since: before)
        #expect(runs.map { [$0.x, $0.y, $0.cells.count] } == [[0, 1, 1], [9, 2, 1]])
    }

    @Test func diffWithoutAPreviousFrameRedrawsEverything() {
        let canvas = Canvas(width: 4, height: 2)
        #expect(canvas.changes(since: nil).count == 2)
        #expect(canvas.changes(since: canvas).isEmpty)
    }
}
