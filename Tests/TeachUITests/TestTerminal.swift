import Canvas

/// A terminal small enough to trust, for checking what a recording's escapes draw: it
/// understands exactly what `ANSIStream` sends (cursor position, SGR colours and
/// attributes, clear screen, cursor visibility) and fails a test on anything else.
struct TestTerminal {
    private(set) var canvas: Canvas
    private var x = 0, y = 0
    private var style = Style.plain
    /// Sequences it did not understand, or text written past the right edge.
    private(set) var surprises: [String] = []

    init(width: Int, height: Int) {
        canvas = Canvas(width: width, height: height)
    }

    mutating func feed(_ text: String) {
        var characters = Array(text)[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            guard character == "\u{1B}" else {
                write(character)
                continue
            }
            guard characters.first == "[" else {
                surprises.append("ESC not followed by [")
                continue
            }
            characters = characters.dropFirst()
            let body = characters.prefix { !$0.isLetter }
            characters = characters.dropFirst(body.count)
            guard let final = characters.first else {
                surprises.append("unfinished sequence")
                return
            }
            characters = characters.dropFirst()
            apply(String(body), final)
        }
    }

    private mutating func apply(_ parameters: String, _ final: Character) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch (final, parameters) {
        case ("H", _):
            y = max(1, numbers.first ?? 1) - 1
            x = max(1, numbers.count > 1 ? numbers[1] : 1) - 1
        case ("m", _):
            for number in numbers { select(number) }
        case ("J", "2"):
            canvas = Canvas(width: canvas.width, height: canvas.height, fill: Cell(" ", style: style))
        case ("l", "?25"), ("h", "?25"):
            break
        default:
            surprises.append("ESC[\(parameters)\(final)")
        }
    }

    private mutating func select(_ code: Int) {
        switch code {
        case 0: style = .plain
        case 1: style.attributes.insert(.bold)
        case 2: style.attributes.insert(.dim)
        case 3: style.attributes.insert(.italic)
        case 4: style.attributes.insert(.underline)
        case 7: style.attributes.insert(.reverse)
        case 30...37: style.foreground = Color(rawValue: UInt8(code - 30 + 1))!
        case 40...47: style.background = Color(rawValue: UInt8(code - 40 + 1))!
        default: surprises.append("SGR \(code)")
        }
    }

    private mutating func write(_ character: Character) {
        let columns = DisplayWidth.of(character)
        guard x + columns <= canvas.width, y < canvas.height else {
            surprises.append("text past the edge at (\(x), \(y))")
            return
        }
        canvas[x, y] = Cell(String(character), style: style)
        if columns == 2 { canvas[x + 1, y] = Cell(Cell.continuation.text, style: style) }
        x += max(1, columns)
    }
}
