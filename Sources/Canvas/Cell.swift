/// One screen position: a grapheme and its style.
///
/// A wide grapheme (two columns) lives in its first cell; the cell to its right holds
/// `Cell.continuation`, which the terminal layer skips when writing.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of a wide grapheme.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}
