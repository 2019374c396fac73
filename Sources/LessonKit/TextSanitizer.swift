/// Removes every control character from lesson text before it can reach a terminal.
///
/// Lessons are data written by anyone; an escape sequence in a title could clear a
/// tutor's screen or retitle their window. Tabs become a space; everything else in C0,
/// DEL and C1 is dropped.
enum TextSanitizer {
    static func clean(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(" ")
            } else if !isControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }
}
