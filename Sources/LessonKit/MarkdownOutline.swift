import Foundation

/// The Markdown structure of a lesson file before anything inside it is interpreted:
/// front matter, then steps (one per `## ` heading), each a list of parts in file order.
///
/// Splitting first and interpreting second lets every later stage report its problems at
/// the right line, and lets one broken block leave the rest of the file checkable.
struct MarkdownOutline: Sendable {
    struct Step: Sendable {
        var title: String
        var heading: SourceLocation
        var parts: [Part] = []
    }

    enum Part: Sendable {
        /// Consecutive prose lines, joined later into one paragraph.
        case paragraph([SourceLine])
        /// A `- ` or `* ` list item with its continuation lines.
        case bullet([SourceLine])
        /// A `### ` heading inside a step.
        case subheading(SourceLine)
        /// A fenced block; `info` is the word after the opening fence (`sim`, `quiz`, or anything else).
        case fenced(info: String, block: SourceBlock)
        /// `<!-- note: ... -->`: speaker notes for the tutor, never shown to the class.
        case note(String, SourceLocation)
        /// `> hint: ...`: shown to a learner who asks for help.
        case hint(String, SourceLocation)
    }

    var frontMatter: SourceBlock?
    var steps: [Step] = []
    var diagnostics: [(SourceLocation, Diagnostic.Severity, String)] = []

    init(lines: [SourceLine]) {
        var index = 0
        guard let first = lines.first, first.text.trimmingTrailingSpaces() == "---" else {
            diagnostics.append((SourceLocation(line: 1, column: 1), .error,
                                "a lesson must start with front matter: a line '---', the lesson's fields, and another '---'"))
            parseBody(lines[...])
            return
        }
        index = 1
        while index < lines.count, lines[index].text.trimmingTrailingSpaces() != "---" {
            index += 1
        }
        guard index < lines.count else {
            diagnostics.append((first.location(), .error, "front matter is not closed: add a line '---' after the lesson's fields"))
            return
        }
        frontMatter = SourceBlock(lines: lines[1..<index], opening: first.location())
        parseBody(lines[(index + 1)...])
    }

    private mutating func parseBody(_ lines: ArraySlice<SourceLine>) {
        var index = lines.startIndex
        var warnedPreamble = false
        var paragraph: [SourceLine] = []
        var bullet: [SourceLine] = []

        func flush(_ outline: inout MarkdownOutline) {
            if !paragraph.isEmpty { outline.append(.paragraph(paragraph)); paragraph = [] }
            if !bullet.isEmpty { outline.append(.bullet(bullet)); bullet = [] }
        }

        while index < lines.endIndex {
            let line = lines[index]
            let text = line.text
            if text.hasPrefix("## ") || text == "##" {
                flush(&self)
                let title = text.dropFirst(2).trimmingCharacters()
                if title.isEmpty {
                    diagnostics.append((line.location(), .error, "a step heading needs a title after '## '"))
                }
                steps.append(Step(title: TextSanitizer.clean(title), heading: line.location()))
                index += 1
                continue
            }
            if steps.isEmpty {
                if !line.isBlank && !warnedPreamble {
                    let message = text.hasPrefix("# ")
                        ? "a '# ' title is not shown; the title comes from the front matter, and steps start with '## '"
                        : "text before the first '## ' step heading is not shown"
                    diagnostics.append((line.location(), .warning, message))
                    warnedPreamble = true
                }
                index += 1
                continue
            }
            if text.hasPrefix("```") {
                flush(&self)
                index = parseFence(lines, at: index)
                continue
            }
            if text.drop(while: { $0 == " " }).hasPrefix("<!--") {
                flush(&self)
                index = parseComment(lines, at: index)
                continue
            }
            if line.isBlank {
                flush(&self)
                index += 1
                continue
            }
            if text.hasPrefix("### ") {
                flush(&self)
                append(.subheading(line))
                index += 1
                continue
            }
            if text.hasPrefix("# ") {
                diagnostics.append((line.location(), .warning,
                                    "'# ' does not start a step, so this line is shown as text in the step above: write '## \(text.dropFirst(2).trimmingCharacters())' to start a step"))
            }
            if text.hasPrefix(">") {
                flush(&self)
                parseQuote(line)
                index += 1
                continue
            }
            if text.hasPrefix("- ") || text.hasPrefix("* ") {
                flush(&self)
                bullet = [line]
                index += 1
                continue
            }
            if !bullet.isEmpty {
                bullet.append(line)
            } else {
                paragraph.append(line)
            }
            index += 1
        }
        flush(&self)
    }

    /// Reads a fenced block from its opening fence; returns the index after the closing fence.
    ///
    /// A block left open would swallow the rest of the file, and its YAML would then fail
    /// far from the mistake. So a `sim` or `quiz` block, which never holds Markdown, also
    /// ends where another fence opens (```` ```quiz ````) or a step starts (`## `), and
    /// the missing fence is reported where the block opens.
    private mutating func parseFence(_ lines: ArraySlice<SourceLine>, at start: Int) -> Int {
        let opening = lines[start]
        let fence = String(opening.text.prefix(while: { $0 == "`" }))
        let info = opening.text.dropFirst(fence.count).trimmingCharacters()
        let holdsYAML = info == "sim" || info == "quiz"
        func closes(_ line: SourceLine) -> Bool {
            let text = line.text.trimmingTrailingSpaces()
            return text.count >= fence.count && text.allSatisfy { $0 == "`" }
        }
        func interrupts(_ line: SourceLine) -> Bool {
            guard holdsYAML else { return false }
            let text = line.text
            return text.hasPrefix("## ") || (text.hasPrefix("```") && !text.drop(while: { $0 == "`" }).trimmingCharacters().isEmpty)
        }
        var end = start + 1
        while end < lines.endIndex, !closes(lines[end]), !interrupts(lines[end]) {
            end += 1
        }
        let block = SourceBlock(lines: lines[(start + 1)..<end], opening: opening.location())
        append(.fenced(info: String(info), block: block))
        guard end < lines.endIndex, closes(lines[end]) else {
            let name = holdsYAML ? "```\(info)" : "```"
            diagnostics.append((opening.location(), .error, "this \(name) block is never closed: add a line \(fence) after it"))
            return end
        }
        return end + 1
    }

    /// Reads an HTML comment; `<!-- note: ... -->` becomes a speaker note, others are ignored.
    private mutating func parseComment(_ lines: ArraySlice<SourceLine>, at start: Int) -> Int {
        var end = start
        var body: [Substring] = []
        while end < lines.endIndex {
            body.append(lines[end].text)
            if lines[end].text.contains("-->") { break }
            end += 1
        }
        let opening = lines[start]
        guard end < lines.endIndex else {
            diagnostics.append((opening.location(), .error, "this '<!--' comment is never closed with '-->'"))
            return lines.endIndex
        }
        var text = body.joined(separator: "\n")
        if let open = text.range(of: "<!--") { text = String(text[open.upperBound...]) }
        if let close = text.range(of: "-->", options: .backwards) { text = String(text[..<close.lowerBound]) }
        let trimmed = text.trimmingCharacters()
        let column = opening.text.distance(from: opening.text.startIndex,
                                           to: opening.text.firstIndex(of: "<") ?? opening.text.startIndex) + 1
        if trimmed.lowercased().hasPrefix("note:") {
            let note = trimmed.dropFirst(5).split(separator: "\n").map { $0.trimmingCharacters() }.joined(separator: " ")
            append(.note(TextSanitizer.clean(note.trimmingCharacters()), opening.location(column: column)))
        } else if trimmed.lowercased().hasPrefix("notes:") || trimmed.lowercased().hasPrefix("note ") {
            diagnostics.append((opening.location(column: column), .warning,
                                "speaker notes are written '<!-- note: ... -->'; this comment is ignored"))
        }
        return end + 1
    }

    private mutating func parseQuote(_ line: SourceLine) {
        let body = line.text.dropFirst().trimmingCharacters()
        if body.lowercased().hasPrefix("hint:") {
            let hint = body.dropFirst(5).trimmingCharacters()
            if hint.isEmpty {
                diagnostics.append((line.location(), .error, "this hint is empty: write '> hint: ' followed by the hint"))
            } else {
                append(.hint(TextSanitizer.clean(hint), line.location()))
            }
        } else {
            let quoted = line.text.dropFirst().drop(while: { $0 == " " })
            let skipped = line.text.count - quoted.count
            append(.paragraph([SourceLine(number: line.number, text: quoted, firstColumn: line.firstColumn + skipped)]))
        }
    }

    private mutating func append(_ part: Part) {
        precondition(!steps.isEmpty, "parts belong to a step")
        steps[steps.count - 1].parts.append(part)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    func trimmingTrailingSpaces() -> Substring {
        let text = self[...]
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " || text[text.index(before: end)] == "\t" {
            end = text.index(before: end)
        }
        return Substring(text[..<end])
    }
}
