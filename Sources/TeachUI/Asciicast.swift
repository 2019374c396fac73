import Canvas

/// Turns a recording's events into the lines of an asciicast v2 file: a JSON header,
/// then one JSON array per event, `[seconds, "o", text]` for what the terminal is sent
/// and `[seconds, "m", label]` for a marker. `asciinema play` and the asciinema player
/// replay it; any terminal shows the "o" texts as they are.
///
/// Each screen is written as the changes from the one before (cursor moves, SGR colours
/// and the changed cells, as `ANSIStream` makes them), so a minute of a lesson is a few
/// hundred kilobytes; a screen with no change writes nothing.
public struct AsciicastWriter: Sendable {
    public let width: Int
    public let height: Int
    private var stream = ANSIStream(capabilities: .full)
    private var shown: Canvas?
    private var lastTime: Int64 = 0

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The header line: the format's version, the screen's size, the title, and the
    /// terminal type the escapes are meant for.
    public func header(title: String) -> String {
        "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"title\": \(Self.json(title)), \"env\": {\"TERM\": \"xterm-256color\"}}"
    }

    /// The line for one event; nil for a screen the same as the one before.
    public mutating func line(for event: LessonRecording.Event) -> String? {
        lastTime = max(lastTime, event.time)
        switch event.kind {
        case let .marker(label):
            return Self.line(time: lastTime, code: "m", data: label)
        case let .screen(canvas):
            if shown == nil { stream.startScreen() }
            stream.write(canvas.changes(since: shown))
            shown = canvas
            let text = stream.take()
            return text.isEmpty ? nil : Self.line(time: lastTime, code: "o", data: text)
        }
    }

    /// The last line: the terminal's style reset and its cursor shown again, at `time`
    /// (the end of the recording).
    public mutating func finish(at time: Int64) -> String {
        lastTime = max(lastTime, time)
        stream.endScreen()
        return Self.line(time: lastTime, code: "o", data: stream.take())
    }

    private static func line(time: Int64, code: String, data: String) -> String {
        "[\(seconds(time)), \"\(code)\", \(json(data))]"
    }

    /// Microseconds as seconds with six decimals: `12.033333`.
    static func seconds(_ microseconds: Int64) -> String {
        let fraction = String(microseconds % 1_000_000)
        return "\(microseconds / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (ESC as
    /// \u001b), everything else as UTF-8.
    static func json(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
