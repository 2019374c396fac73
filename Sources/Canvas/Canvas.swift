/// A grid of cells that a frame is drawn into before anything reaches the terminal.
///
/// Drawing is clipped: writing outside the grid is ignored, so layouts can be computed
/// without bounds checks at every call site. Control characters are dropped on the way
/// in, so nothing drawn here can move the terminal's cursor or change its modes.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row by row; read by the diff, written only through the drawing calls.
    private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)x\(height)")
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y) to the right, one grapheme per cell (two for wide ones),
    /// stopping at `limit` columns or the right edge. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max) -> Int {
        write(text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` for a part of a string (a word of wrapped text, a clipped label).
    @discardableResult
    public mutating func put(_ text: Substring, x: Int, y: Int, style: Style = .plain, limit: Int = .max) -> Int {
        write(text, x: x, y: y, style: style, limit: limit)
    }

    /// The two `put`s, specialised for each here: a generic entry point called from
    /// another module would run the unspecialised code, a protocol call a byte.
    private mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int) -> Int {
        guard y >= 0, y < height else { return 0 }
        let right = min(width, x.addingReportingOverflow(max(0, limit)).overflow ? width : x + max(0, limit))
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return putASCII(utf8, x: x, y: y, style: style, right: right) }
        var column = x
        for character in text {
            if character.unicodeScalars.contains(where: DisplayWidth.isControl) { continue }
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if column + columns > right { break }
            if column >= 0 {
                repairWideNeighbours(x: column, y: y, columns: columns)
                self[column, y] = Cell(String(character), style: style)
                if columns == 2 { self[column + 1, y] = Cell(Cell.continuation.text, style: style) }
            }
            column += columns
        }
        return column - x
    }

    /// Printable ASCII, most of what is written, a byte a cell: no grapheme breaking or
    /// width lookups, and the wide graphemes it may overwrite repaired once at its two ends
    /// (within the run every cell is overwritten anyway).
    private mutating func putASCII(_ bytes: some Collection<UInt8>, x: Int, y: Int, style: Style, right: Int) -> Int {
        let end = min(right, x + bytes.count), start = max(0, x)
        guard end > x else { return 0 }
        if start < end {
            repairWideNeighbours(x: start, y: y, columns: end - start)
            let row = y * width
            cells.withUnsafeMutableBufferPointer { cells in
                var column = x
                for byte in bytes {
                    if column >= end { break }
                    if column >= start { cells[row + column] = Cell(String(UnicodeScalar(byte)), style: style) }
                    column += 1
                }
            }
        }
        return end - x
    }

    /// `count` copies of a one-column character from (x, y) to the right, clipped: a
    /// border's edge written cell by cell, with no text to break into graphemes.
    mutating func putRepeated(_ character: Character, count: Int, x: Int, y: Int, style: Style) {
        assert(DisplayWidth.of(character) == 1, "a one-column character")
        guard y >= 0, y < height else { return }
        let start = max(0, x), end = min(width, x + count)
        guard start < end else { return }
        repairWideNeighbours(x: start, y: y, columns: end - start)
        let cell = Cell(String(character), style: style), row = y * width
        cells.withUnsafeMutableBufferPointer { $0[(row + start)..<(row + end)].update(repeating: cell) }
    }

    /// Blanks every cell, keeping the grid (and its storage, when nothing else shares it):
    /// a frame drawn into last frame's canvas allocates nothing.
    public mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    /// The canvas blank at `width` x `height`: cleared in place when it has that size
    /// already, made anew otherwise.
    public mutating func reset(width: Int, height: Int) {
        if self.width == max(0, width), self.height == max(0, height) {
            clear()
        } else {
            self = Canvas(width: width, height: height)
        }
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let width = width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in area.y..<area.maxY {
                cells[(y * width + area.x)..<(y * width + area.maxX)].update(repeating: cell)
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        // Through the buffer: a crowded stage restyles a node's box for every message
        // it sends or receives, and indexing the array checks its uniqueness each cell.
        let width = width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX { transform(&cells[y * width + x].style) }
            }
        }
    }

    /// The rows as plain text, without styles; trailing blanks are trimmed from each row.
    /// This is what tests compare whole screens against.
    public var text: String {
        (0..<height).map(row).joined(separator: "\n")
    }

    /// One row as plain text, trailing blanks trimmed.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width { line += cells[y * width + x].text }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A wide grapheme being partly overwritten leaves a stray half; blank it so the
    /// terminal and the buffer agree about which column holds what.
    private mutating func repairWideNeighbours(x: Int, y: Int, columns: Int) {
        if x > 0, cells[y * width + x].isContinuation {
            cells[y * width + x - 1] = Cell(" ", style: cells[y * width + x - 1].style)
        }
        let after = x + columns
        if after < width, cells[y * width + after].isContinuation {
            cells[y * width + after] = Cell(" ", style: cells[y * width + after].style)
        }
    }
}
