/// Checks a lesson file's bytes before anything parses them: size, text encoding and
/// binary content, so that a wrong file gets one clear error at once.
enum SourceGuard {
    /// Why a file is not lesson text, and where (nil: the whole file).
    struct Problem: Error {
        var location: SourceLocation?
        var message: String
    }

    static let maximumBytes = LessonLimits.fileBytes

    /// The file's text, or the reason it is not a lesson file, with where that is.
    static func text(from bytes: some Collection<UInt8>) -> Result<String, Problem> {
        if bytes.count > maximumBytes {
            return .failure(Problem(location: nil, message: tooLarge(bytes.count)))
        }
        if bytes.isEmpty {
            return .failure(Problem(location: nil, message: "the file is empty: a lesson starts with front matter between '---' lines"))
        }
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 {
                return .failure(Problem(location: SourceLocation(line: line, column: column), message: "the file contains binary data (a zero byte), so it is not a lesson"))
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index = bytes.index(after: index)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Problem(location: invalidUTF8Location(bytes), message: "the file is not UTF-8 text, so it is not a lesson"))
        }
        return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }

    static func tooLarge(_ size: Int) -> String {
        "the file is \(size) bytes; a lesson may be at most \(maximumBytes / 1024) KB"
    }

    private static func invalidUTF8Location(_ bytes: some Collection<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                break loop
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
