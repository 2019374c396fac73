/// One line of a lesson file with its 1-based number, the unit every later stage keeps so
/// that a problem found anywhere can be reported at its real place in the file.
struct SourceLine: Sendable {
    var number: Int
    var text: Substring
    /// The column of `text`'s first character (above 1 when a prefix such as `> ` was cut off).
    var firstColumn: Int = 1

    /// Splits a file into lines; Windows line ends count as line ends. (A Swift `Character`
    /// holds "\r\n" whole, so splitting on "\n" alone left a CRLF file one long line.)
    static func split(_ source: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 1
        for raw in source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let text = raw.hasSuffix("\r") ? raw.dropLast() : raw
            lines.append(SourceLine(number: number, text: text))
            number += 1
        }
        return lines
    }

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    /// The location of the character at 1-based `column` of `text`.
    func location(column: Int = 1) -> SourceLocation {
        SourceLocation(line: number, column: firstColumn + column - 1)
    }
}

/// A run of lines handed to a nested parser (YAML front matter or a fenced block), kept
/// with the number of its first line so nested positions map back into the file.
struct SourceBlock: Sendable {
    /// The line of the file on which `text`'s first line sits.
    var firstLine: Int
    var text: String
    /// Where the block starts in the file (the fence or `---`), for problems with the whole block.
    var opening: SourceLocation

    init(lines: ArraySlice<SourceLine>, opening: SourceLocation) {
        self.firstLine = lines.first?.number ?? opening.line + 1
        self.text = lines.map { String($0.text) }.joined(separator: "\n")
        self.opening = opening
    }

    /// Maps a 1-based line/column inside the block to the file.
    func fileLocation(line: Int, column: Int) -> SourceLocation {
        SourceLocation(line: firstLine + max(line, 1) - 1, column: max(column, 1))
    }
}
