/// Turns Markdown prose into styled spans: `**bold**`, `*emphasis*` or `_emphasis_`,
/// `` `code` ``, and `{live values}`. A backslash makes the next mark literal (`\{`, `\*`).
struct InlineParser {
    let values: LiveValueParser

    /// Parses the lines of one paragraph (joined with spaces) into spans.
    func parse(_ lines: [SourceLine], log: inout DiagnosticLog) -> [InlineSpan] {
        var characters: [Character] = []
        var locations: [SourceLocation] = []
        for line in lines {
            if !characters.isEmpty {
                characters.append(" ")
                locations.append(locations.last ?? line.location())
            }
            var column = 1
            for character in line.text.trimmingTrailingSpaces() {
                characters.append(character)
                locations.append(line.location(column: column))
                column += 1
            }
        }
        return parse(characters, locations, log: &log)
    }

    private func parse(_ characters: [Character], _ locations: [SourceLocation], log: inout DiagnosticLog) -> [InlineSpan] {
        var spans: [InlineSpan] = []
        var style: InlineStyle = []
        var pending = ""
        var opened: [InlineStyle.Element: SourceLocation] = [:]

        func flush() {
            let text = TextSanitizer.clean(pending)
            if !text.isEmpty { spans.append(.text(text, style)) }
            pending = ""
        }
        func toggle(_ mark: InlineStyle, at index: Int) {
            flush()
            if style.contains(mark) {
                style.remove(mark)
                opened[mark] = nil
            } else {
                style.insert(mark)
                opened[mark] = locations[index]
            }
        }
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < characters.count && (characters[index].isLetter || characters[index].isNumber)
        }

        // Once a search for a closing mark has failed, later ones would too: remembering
        // that keeps a paragraph full of unclosed marks linear instead of quadratic.
        var noClosingBacktick = false
        var noClosingBrace = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\" where next.map({ "\\*_`{}".contains($0) }) == true:
                pending.append(next!)
                index += 2
                continue
            case "`":
                if !noClosingBacktick, let close = characters[(index + 1)...].firstIndex(of: "`") {
                    flush()
                    let code = TextSanitizer.clean(String(characters[(index + 1)..<close]))
                    spans.append(.text(code, style.union(.code)))
                    index = close + 1
                    continue
                }
                noClosingBacktick = true
                pending.append(character)
            case "*" where next == "*":
                toggle(.bold, at: index)
                index += 2
                continue
            case "*", "_":
                let previousIsSpace = index == 0 || characters[index - 1].isWhitespace
                let nextIsSpace = next?.isWhitespace ?? true
                let opening = !style.contains(.emphasis) && !nextIsSpace && (character == "*" || !isWordCharacter(index - 1))
                let closing = style.contains(.emphasis) && !previousIsSpace && (character == "*" || !isWordCharacter(index + 1))
                if opening || closing {
                    toggle(.emphasis, at: index)
                } else {
                    pending.append(character)
                }
            case "{" where noClosingBrace:
                pending.append(character)
            case "{":
                guard let close = characters[(index + 1)...].firstIndex(of: "}") else {
                    noClosingBrace = true
                    log.error("'{' starts a live value but is never closed with '}' (write '\\{' for a brace)", at: locations[index])
                    pending.append(character)
                    break
                }
                let name = String(characters[(index + 1)..<close])
                if let value = values.parse(name, at: locations[index], log: &log) {
                    flush()
                    spans.append(.live(value, style))
                }
                index = close + 1
                continue
            default:
                pending.append(character)
            }
            index += 1
        }
        flush()
        for (mark, location) in opened.sorted(by: { $0.value < $1.value }) {
            let written = mark == .bold ? "**" : "*"
            log.warning("'\(written)' is never closed, so the rest of the paragraph is \(mark == .bold ? "bold" : "emphasised")", at: location)
        }
        return spans
    }
}
