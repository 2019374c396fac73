/// A frame's changed runs as the bytes an ANSI terminal needs to show them: a cursor move
/// where the cursor is not already in place, an SGR sequence where the style changes,
/// and the cells' text as UTF-8.
///
/// Two users: `netstep bench render` counts the bytes a frame costs (ncurses, which
/// writes the real terminal, may do a little better with relative moves and
/// erase-to-end-of-line; it never needs more), and `netstep record` writes them into a
/// recording that any terminal, or the asciinema player, replays.
public struct ANSIStream: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var cursor: (x: Int, y: Int)?
    private var style: Style?
    private let capabilities: Capabilities

    public init(capabilities: Capabilities) {
        self.capabilities = capabilities
    }

    /// Appends the bytes that write `runs`; consecutive frames share one stream, which
    /// keeps the cursor and style the terminal was left with, as a real terminal does.
    public mutating func write(_ runs: [CellRun]) {
        for run in runs {
            var x = run.x
            for cell in run.cells where !cell.isContinuation {
                if cursor.map({ $0 != (x, run.y) }) ?? true { moveCursor(x: x, y: run.y) }
                let look = capabilities.color ? cell.style : cell.style.monochrome
                if look != style { select(look) }
                bytes.append(contentsOf: cell.text.utf8)
                x += max(1, DisplayWidth.of(cell.text))
                cursor = (x, run.y)
            }
        }
    }

    /// A screen to draw on from nothing: the terminal's own cursor hidden (the app draws
    /// what it selects), the style reset and the screen cleared. Where the cursor and the
    /// style then are is not assumed, so the next write sets both.
    public mutating func startScreen() {
        bytes.append(contentsOf: "\u{1B}[?25l\u{1B}[0m\u{1B}[2J".utf8)
        cursor = nil
        style = nil
    }

    /// Leaves the terminal as it was found: the style reset and the cursor shown again.
    public mutating func endScreen() {
        bytes.append(contentsOf: "\u{1B}[0m\u{1B}[?25h".utf8)
        style = nil
    }

    /// Forgets the bytes counted so far, keeping the terminal's cursor and style.
    public mutating func resetCount() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The bytes so far as text (they are UTF-8 throughout), which are then forgotten.
    public mutating func take() -> String {
        defer { resetCount() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// CUP: ESC [ row ; column H, one-based.
    private mutating func moveCursor(x: Int, y: Int) {
        bytes.append(contentsOf: "\u{1B}[\(y + 1);\(x + 1)H".utf8)
        cursor = (x, y)
    }

    /// SGR: reset, then the attributes and colours of the new style.
    private mutating func select(_ next: Style) {
        var codes = "\u{1B}[0"
        if next.attributes.contains(.bold) { codes += ";1" }
        if next.attributes.contains(.dim) { codes += ";2" }
        if next.attributes.contains(.italic) { codes += ";3" }
        if next.attributes.contains(.underline) { codes += ";4" }
        if next.attributes.contains(.reverse) { codes += ";7" }
        if next.foreground != .default { codes += ";3\(next.foreground.rawValue - 1)" }
        if next.background != .default { codes += ";4\(next.background.rawValue - 1)" }
        bytes.append(contentsOf: (codes + "m").utf8)
        style = next
    }
}
