import Canvas
import Testing

@Suite("Bytes a frame sends to the terminal")
struct ANSIStreamTests {
    private func bytes(from previous: Canvas?, to next: Canvas, capabilities: Capabilities = .full) -> String {
        var stream = ANSIStream(capabilities: capabilities)
        stream.write(next.changes(since: previous))
        return String(decoding: stream.bytes, as: UTF8.self)
    }

    @Test("an unchanged frame sends nothing")
    func unchangedFrame() {
        var canvas = Canvas(width: 20, height: 3)
        canvas.put("server", x: 2, y: 1)
        #expect(bytes(from: canvas, to: canvas).isEmpty)
    }

    @Test("one moved packet sends a cursor move and the glyphs, not the screen")
    func movedPacket() {
        var before = Canvas(width: 80, height: 24)
        before.put("●", x: 10, y: 5, style: .fg(.cyan))
        var after = Canvas(width: 80, height: 24)
        after.put("●", x: 11, y: 5, style: .fg(.cyan))
        #expect(bytes(from: before, to: after) == "\u{1B}[6;11H\u{1B}[0m \u{1B}[0;36m●")
    }

    @Test("consecutive cells of one style share one SGR sequence")
    func styleRunsShareSequence() {
        var after = Canvas(width: 10, height: 1)
        after.put("abc", x: 0, y: 0, style: Style(foreground: .red).with(.bold))
        after.put("de", x: 3, y: 0)
        #expect(bytes(from: Canvas(width: 10, height: 1), to: after) == "\u{1B}[1;1H\u{1B}[0;1;31mabc\u{1B}[0mde")
    }

    @Test("a wide grapheme moves the cursor two columns")
    func wideGrapheme() {
        var after = Canvas(width: 10, height: 1)
        after.put("漢x", x: 0, y: 0)
        #expect(bytes(from: Canvas(width: 10, height: 1), to: after) == "\u{1B}[1;1H\u{1B}[0m漢x")
    }

    @Test("without colour only attributes are sent")
    func monochrome() {
        var after = Canvas(width: 4, height: 1)
        after.put("ok", x: 0, y: 0, style: Style(foreground: .green, background: .black, attributes: .reverse))
        #expect(bytes(from: Canvas(width: 4, height: 1), to: after, capabilities: .plain) == "\u{1B}[1;1H\u{1B}[0;7mok")
    }

    @Test("a full redraw costs about one byte per cell plus a move per row")
    func fullRedraw() {
        var canvas = Canvas(width: 80, height: 24)
        canvas.put("netstep", x: 0, y: 0)
        let count = bytes(from: nil, to: canvas).utf8.count
        #expect(count > 80 * 24)
        #expect(count < 80 * 24 + 24 * 8 + 8)
    }
}
