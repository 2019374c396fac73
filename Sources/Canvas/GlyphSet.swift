/// The characters that drawing primitives use, in a Unicode and a plain ASCII flavour.
///
/// Everything that draws takes its glyphs from here, so a terminal without a UTF-8
/// locale gets a picture made of `+-|/\#` that still means the same thing.
public struct GlyphSet: Hashable, Sendable {
    /// Border characters for one kind of box.
    public struct Border: Hashable, Sendable {
        public var horizontal: Character
        public var vertical: Character
        public var topLeft: Character
        public var topRight: Character
        public var bottomLeft: Character
        public var bottomRight: Character
        /// Where a horizontal and a vertical line cross.
        public var cross: Character = "+"
    }

    public var light: Border
    public var heavy: Border
    public var double: Border
    /// Diagonal strokes for lines: `rising` goes up to the right, `falling` down to the right.
    public var rising: Character
    public var falling: Character
    /// Bar fill from one eighth to a full cell; ASCII has only the full one.
    public var eighths: [Character]
    /// The unfilled part of a bar or gauge.
    public var barEmpty: Character
    /// Sparkline levels, lowest first.
    public var sparks: [Character]
    /// Density ramp for summaries, emptiest first.
    public var shades: [Character]
    /// What ends text cut short to fit: "…", or "..." without Unicode.
    public var ellipsis: String

    public var unicode: Bool

    public static let unicode = GlyphSet(
        light: Border(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", cross: "┼"),
        heavy: Border(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛"),
        double: Border(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝"),
        rising: "╱", falling: "╲",
        eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        barEmpty: "·",
        sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        shades: ["·", "░", "▒", "▓", "█"],
        ellipsis: "…",
        unicode: true
    )

    public static let ascii = GlyphSet(
        light: Border(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+"),
        heavy: Border(horizontal: "=", vertical: "|", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#"),
        double: Border(horizontal: "=", vertical: "H", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#"),
        rising: "/", falling: "\\",
        eighths: ["#"],
        barEmpty: ".",
        sparks: ["_", ".", "-", "~", "=", "+", "*", "#"],
        shades: [".", ":", "o", "O", "#"],
        ellipsis: "...",
        unicode: false
    )

    /// The set a terminal with these capabilities can show.
    public static func `for`(_ capabilities: Capabilities) -> GlyphSet {
        capabilities.unicode ? .unicode : .ascii
    }
}
