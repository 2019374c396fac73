import Canvas

/// Hands out ncurses colour pairs, one per (foreground, background) combination a frame
/// uses, allocated on first use so a terminal with few pairs still gets the common ones.
///
/// Pair 0 is the terminal's own colours and is never redefined; when the terminal runs
/// out of pairs, further combinations fall back to it rather than recolouring old ones.
struct ColorPairs {
    private let limit: Int
    private let terminalDefaults: Bool
    private var pairs: [Combination: Int32] = [:]

    private struct Combination: Hashable {
        var foreground: Color
        var background: Color
    }

    /// - Parameters:
    ///   - limit: COLOR_PAIRS, or 0 when colour is off.
    ///   - terminalDefaults: use_default_colors succeeded, so -1 means "the terminal's own".
    init(limit: Int, terminalDefaults: Bool) {
        self.limit = limit
        self.terminalDefaults = terminalDefaults
    }

    /// The pair number for a combination, defining it with `define(number, fg, bg)` the
    /// first time it is seen.
    mutating func pair(foreground: Color, background: Color, define: (Int32, Int16, Int16) -> Void) -> Int32 {
        guard limit > 0, foreground != .default || background != .default else { return 0 }
        let combination = Combination(foreground: foreground, background: background)
        if let known = pairs[combination] { return known }
        let number = Int32(pairs.count + 1)
        guard number < limit else { return 0 }
        define(number, cursesColor(foreground, isBackground: false), cursesColor(background, isBackground: true))
        pairs[combination] = number
        return number
    }

    /// ncurses numbers colours from black = 0; -1 is the terminal default where allowed.
    private func cursesColor(_ color: Color, isBackground: Bool) -> Int16 {
        guard color != .default else {
            if terminalDefaults { return -1 }
            return isBackground ? 0 : 7
        }
        return Int16(color.rawValue) - 1
    }
}
