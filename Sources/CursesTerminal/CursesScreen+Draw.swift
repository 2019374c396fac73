import CNcurses
import Canvas

extension CursesScreen {
    /// Writes the frame: only the runs of cells that differ from the last frame, then one
    /// refresh. Nothing is cleared between frames, so nothing flickers.
    public func draw(_ canvas: Canvas) {
        let window = netstep_stdscr()
        for run in canvas.changes(since: previous) {
            wmove(window, Int32(run.y), Int32(run.x))
            var index = 0
            while index < run.cells.count {
                let style = run.cells[index].style
                var text: [wchar_t] = []
                while index < run.cells.count, run.cells[index].style == style {
                    appendCharacters(of: run.cells[index], to: &text)
                    index += 1
                }
                setAttributes(style, window: window)
                waddnwstr(window, text, Int32(text.count))
            }
        }
        wattr_set(window, netstep_a_normal(), 0, nil)
        wrefresh(window)
        previous = canvas
    }

    /// A cell's grapheme as wide characters. A continuation cell adds nothing: ncurses
    /// already advanced two columns for the wide grapheme before it. Without Unicode,
    /// anything beyond ASCII becomes '?', one per column, so columns stay aligned.
    private func appendCharacters(of cell: Cell, to text: inout [wchar_t]) {
        if capabilities.unicode {
            text.append(contentsOf: cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        } else if cell.isContinuation {
            text.append(wchar_t(UInt8(ascii: "?")))
        } else if let scalar = cell.text.unicodeScalars.first, scalar.isASCII, cell.text.unicodeScalars.count == 1 {
            text.append(wchar_t(scalar.value))
        } else {
            text.append(wchar_t(UInt8(ascii: "?")))
        }
    }

    private func setAttributes(_ style: Style, window: UnsafeMutablePointer<WINDOW>?) {
        var attributes = netstep_a_normal()
        if style.attributes.contains(.bold) { attributes |= netstep_a_bold() }
        if style.attributes.contains(.dim) { attributes |= netstep_a_dim() }
        if style.attributes.contains(.underline) { attributes |= netstep_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= netstep_a_reverse() }
        if style.attributes.contains(.italic) { attributes |= netstep_a_italic() }
        var pair: Int32 = 0
        if capabilities.color {
            pair = colorPairs.pair(foreground: style.foreground, background: style.background) { number, fg, bg in
                init_pair(Int16(number), fg, bg)
            }
        }
        wattr_set(window, attributes, Int16(pair), nil)
    }
}
