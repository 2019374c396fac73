/// How many terminal columns text takes, as wcwidth(3) would say, but without the C
/// library's locale: combining marks take none, East Asian wide characters and emoji two.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII, most of any screen, needs no Unicode property lookups; nor do
        // the box drawing, block and shape glyphs every frame's borders, bars and nodes
        // are made of (a test checks these ranges against the lookups).
        if value >= 0x20 && value < 0x7F { return 1 }
        if isNarrowSymbol(value) { return 1 }
        return lookedUp(scalar)
    }

    /// Letters and symbols of one column that need no lookup: Latin-1 and Latin Extended
    /// (bar the soft hyphen), general punctuation's dashes, quotes, bullet and ellipsis,
    /// arrows, box drawing, blocks, and geometric shapes (bar the two that are emoji).
    static func isNarrowSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0..<0x300: value != 0xAD
        case 0x2010...0x2027, 0x2190..<0x2200, 0x2500..<0x25FD, 0x25FF: true
        default: false
        }
    }

    /// The width from the scalar's Unicode properties.
    static func lookedUp(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if isControl(scalar) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns for one grapheme cluster: the widest of its scalars, so a base letter with
    /// combining accents takes one column and an emoji sequence two.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { width = max(width, 2); continue }
            width = max(width, of(scalar))
        }
        return width
    }

    public static func of(_ text: String) -> Int { columns(of: text) }

    public static func of(_ text: Substring) -> Int { columns(of: text) }

    /// Both `of`s, specialised for each here rather than left generic across modules.
    private static func columns(of text: some StringProtocol) -> Int {
        // Printable ASCII, most labels and figures, is a column a byte, and no two of its
        // characters join into one.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// C0, DEL and C1 controls: these must never reach a terminal from lesson text.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
    }
}
