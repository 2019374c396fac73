extension Canvas {
    /// The frame as a terminal without a UTF-8 locale must show it: every cell that is
    /// not plain ASCII replaced by a look-alike ("→" by ">", "µ" by "u") or "?".
    /// Screens draw with ASCII glyph sets already; this catches text from elsewhere
    /// (lesson prose, engine summaries) so nothing undisplayable reaches the terminal.
    public func asciiOnly() -> Canvas {
        var copy = self
        copy.reduceToASCII()
        return copy
    }

    /// `asciiOnly()` in place.
    public mutating func reduceToASCII() {
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation {
                    self[x, y] = Cell(" ", style: cell.style)
                } else if !cell.text.unicodeScalars.allSatisfy(\.isASCII) {
                    self[x, y] = Cell(AsciiFallback.replacement(for: cell.text), style: cell.style)
                }
            }
        }
    }
}

/// Look-alikes for the non-ASCII characters netstep's own text uses.
public enum AsciiFallback {
    public static func replacement(for text: String) -> String {
        if let known = table[text] { return known }
        // A letter with accents keeps its base letter: "é" becomes "e".
        if let base = text.unicodeScalars.first, base.isASCII, base.properties.isAlphabetic { return String(base) }
        return "?"
    }

    private static let table: [String: String] = [
        "→": ">", "←": "<", "↑": "^", "↓": "v", "↔": "-", "⇄": "=",
        "·": ".", "•": "*", "…": "~", "×": "x", "µ": "u", "—": "-", "–": "-",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "≥": ">", "≤": "<", "≈": "~", "°": "o",
        "✓": "+", "✗": "x", "✕": "x", "▶": ">", "❚": "|", "÷": "/",
    ]
}
