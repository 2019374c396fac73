/// What a run of prose means, independent of how a terminal shows it: the renderer maps
/// each role to a style (bold, italic, a colour for code) for the capabilities it has.
public enum TextRole: Hashable, Sendable {
    case plain, strong, emphasis, code
}

/// A run of text with one role.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var role: TextRole

    public init(_ text: String, _ role: TextRole = .plain) {
        self.text = text
        self.role = role
    }
}

/// Prose with inline roles, e.g. from lesson narration or the help screen.
public struct StyledText: Hashable, Sendable {
    public var spans: [StyledSpan]

    public init(_ spans: [StyledSpan]) { self.spans = spans }

    /// Reads the inline markup lessons use: `**strong**`, `*emphasis*`, and `` `code` ``
    /// (no markup inside code). A delimiter without a partner is kept as a literal.
    public init(markup: String) {
        var spans: [StyledSpan] = []
        var plain = ""
        var rest = Substring(markup)
        func flush() {
            if !plain.isEmpty { spans.append(StyledSpan(plain)); plain = "" }
        }
        while let first = rest.first {
            let delimiter: Substring? = rest.hasPrefix("**") ? "**" : (first == "*" || first == "`") ? rest.prefix(1) : nil
            if let delimiter {
                let inner = rest.dropFirst(delimiter.count)
                if let close = inner.firstRange(of: delimiter), close.lowerBound > inner.startIndex {
                    flush()
                    let role: TextRole = delimiter == "**" ? .strong : delimiter == "`" ? .code : .emphasis
                    spans.append(StyledSpan(String(inner[..<close.lowerBound]), role))
                    rest = inner[close.upperBound...]
                    continue
                }
            }
            plain.append(first)
            rest = rest.dropFirst()
        }
        flush()
        self.spans = spans
    }

    public static let noBreakSpace: Character = "\u{00A0}"

    /// `text` with its spaces made no-break spaces, so wrapping keeps it on one line.
    public static func unbroken(_ text: String) -> String {
        String(text.map { $0 == " " ? noBreakSpace : $0 })
    }

    /// The text without roles.
    public var plainText: String { spans.map(\.text).joined() }

    /// The text broken into lines at most `width` columns wide. Breaks fall between
    /// words; a word wider than a line is cut; a newline starts a new line. Spaces at the
    /// break are dropped, and a word that changes role midway ("**bold**,") stays whole.
    /// A no-break space (U+00A0) is shown as a space but never breaks: "20.0 s" written
    /// with one keeps a number beside its unit.
    public func wrapped(width: Int) -> [[StyledSpan]] {
        precondition(width > 0, "wrapping needs at least one column")
        var lines: [[StyledSpan]] = []
        var line: [StyledSpan] = []
        var lineWidth = 0
        var word: [StyledSpan] = []
        var wordWidth = 0
        var pendingSpace = false

        func append(_ fragment: StyledSpan, to spans: inout [StyledSpan]) {
            if let last = spans.last, last.role == fragment.role {
                spans[spans.count - 1].text += fragment.text
            } else {
                spans.append(fragment)
            }
        }
        func endLine() {
            lines.append(line)
            line = []
            lineWidth = 0
        }
        func placeWord() {
            guard !word.isEmpty else { return }
            let gap = lineWidth > 0 && pendingSpace ? 1 : 0
            if lineWidth > 0, lineWidth + gap + wordWidth > width { endLine() }
            if lineWidth > 0, pendingSpace { append(StyledSpan(" "), to: &line); lineWidth += 1 }
            for fragment in word {
                for character in fragment.text {
                    let columns = DisplayWidth.of(character)
                    if lineWidth + columns > width, lineWidth > 0 { endLine() }
                    append(StyledSpan(String(character), fragment.role), to: &line)
                    lineWidth += columns
                }
            }
            word = []
            wordWidth = 0
            pendingSpace = false
        }

        for span in spans {
            for character in span.text {
                if character == "\n" {
                    placeWord()
                    endLine()
                    pendingSpace = false
                } else if character == " " || character == "\t" {
                    placeWord()
                    pendingSpace = lineWidth > 0
                } else if character == Self.noBreakSpace {
                    append(StyledSpan(" ", span.role), to: &word)
                    wordWidth += 1
                } else {
                    append(StyledSpan(String(character), span.role), to: &word)
                    wordWidth += DisplayWidth.of(character)
                }
            }
        }
        placeWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension Canvas {
    /// Writes one line of styled spans from (x, y), styling each by its role, within
    /// `limit` columns. Returns the columns written.
    @discardableResult
    public mutating func put(
        _ spans: [StyledSpan], x: Int, y: Int, limit: Int = .max, style: (TextRole) -> Style
    ) -> Int {
        var column = x
        var remaining = limit
        for span in spans where remaining > 0 {
            let written = put(span.text, x: column, y: y, style: style(span.role), limit: remaining)
            column += written
            remaining -= written
        }
        return column - x
    }
}
