/// The one sanitiser for text that reaches a terminal or a log: lesson text shown on
/// screen, diagnostics, notes, transcripts.
///
/// Lessons are data written by anyone; an escape sequence in a title or a node's name
/// could clear a tutor's screen or retitle their window. Control characters (C0, DEL and
/// C1) and the bidirectional overrides that can make text read differently from what it
/// is are shown visibly instead, so an author can see and find them: ESC as `\e`, the
/// others as `\u{7}`. A tab becomes a space.
public enum TextSanitizer {
    /// One line of text, safe to print.
    public static func clean(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            append(scalar, to: &result)
        }
        return result
    }

    /// Text of several lines, safe to print: line breaks are kept, the rest as `clean`.
    public static func cleanLines(_ text: some StringProtocol) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { clean($0) }.joined(separator: "\n")
    }

    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    /// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        if scalar == "\t" {
            result.append(" ")
        } else if scalar == "\u{1B}" {
            result.append("\\e")
        } else if isControl(scalar) || isBidiControl(scalar) {
            result.append("\\u{\(String(scalar.value, radix: 16, uppercase: true))}")
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
}
