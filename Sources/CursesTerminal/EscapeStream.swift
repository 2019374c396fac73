import Canvas

/// The bytes a terminal receives when a frame's changed runs are written: an ANSI cursor
/// move where the cursor is not already in place, an SGR sequence where the style
/// changes, and the cells' text as UTF-8.
///
/// It models what ncurses sends for `CursesScreen.draw` without needing a terminal, so
/// `netstep bench render` can report bytes per frame on any machine. ncurses may do a
/// little better (relative moves, erase-to-end-of-line); it never needs more.
public struct EscapeStream {
    public private(set) var bytes: [UInt8] = []
    private var cursor: (x: Int, y: Int)?
    private var style: Style?
    private let capabilities: Capabilities

    public init(capabilities: Capabilities) {
        self.capabilities = capabilities
    }

    /// Appends the bytes that write `runs`; consecutive frames can share one stream, which
    /// keeps the cursor and style the terminal was left with, as a real terminal does.
    public mutating func write(_ runs: [CellRun]) {
        for run in runs {
            var x = run.x
            for cell in run.cells where !cell.isContinuation {
                if cursor.map({ $0 != (x, run.y) }) ?? true { moveCursor(x: x, y: run.y) }
                let look = capabilities.color ? cell.style : cell.style.monochrome
                if look != style { select(look) }
                bytes.append(contentsOf: Array(cell.text.utf8))
                let columns = max(1, DisplayWidth.of(cell.text))
                x += columns
                cursor = (x, run.y)
            }
        }
    }

    /// Forgets the bytes counted so far, keeping the terminal's cursor and style.
    public mutating func resetCount() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// CUP: ESC [ row ; column H, one-based.
    private mutating func moveCursor(x: Int, y: Int) {
        bytes.append(contentsOf: Array("\u{1B}[\(y + 1);\(x + 1)H".utf8))
        cursor = (x, y)
    }

    /// SGR: reset, then the attributes and colours of the new style.
    private mutating func select(_ next: Style) {
        var codes = ["0"]
        if next.attributes.contains(.bold) { codes.append("1") }
        if next.attributes.contains(.dim) { codes.append("2") }
        if next.attributes.contains(.italic) { codes.append("3") }
        if next.attributes.contains(.underline) { codes.append("4") }
        if next.attributes.contains(.reverse) { codes.append("7") }
        if next.foreground != .default { codes.append("3\(next.foreground.rawValue - 1)") }
        if next.background != .default { codes.append("4\(next.background.rawValue - 1)") }
        bytes.append(contentsOf: Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8))
        style = next
    }
}
