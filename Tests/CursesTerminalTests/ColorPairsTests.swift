import Canvas
import Testing

@testable import CursesTerminal

@Suite("Colour pairs")
struct ColorPairsTests {
    @Test("each combination is defined once and reused")
    func reuse() {
        var pairs = ColorPairs(limit: 64, terminalDefaults: true)
        var defined: [(Int32, Int16, Int16)] = []
        let first = pairs.pair(foreground: .red, background: .default) { defined.append(($0, $1, $2)) }
        let again = pairs.pair(foreground: .red, background: .default) { defined.append(($0, $1, $2)) }
        let other = pairs.pair(foreground: .black, background: .cyan) { defined.append(($0, $1, $2)) }
        #expect(first == again)
        #expect(first != other)
        #expect(defined.map(\.0) == [first, other])
        #expect(defined.map(\.1) == [1, 0])
        #expect(defined.map(\.2) == [-1, 6])
    }

    @Test("the terminal's own colours need no pair")
    func defaults() {
        var pairs = ColorPairs(limit: 64, terminalDefaults: true)
        #expect(pairs.pair(foreground: .default, background: .default) { _, _, _ in Issue.record("defined") } == 0)
    }

    @Test("without default-colour support, default means white on black")
    func noDefaultColors() {
        var pairs = ColorPairs(limit: 64, terminalDefaults: false)
        var defined: [(Int16, Int16)] = []
        _ = pairs.pair(foreground: .yellow, background: .default) { defined.append(($1, $2)) }
        #expect(defined.first! == (3, 0))
    }

    @Test("when pairs run out, new combinations use the terminal's colours")
    func exhausted() {
        var pairs = ColorPairs(limit: 3, terminalDefaults: true)
        let numbers = [Color.red, .green, .blue].map { pairs.pair(foreground: $0, background: .default) { _, _, _ in } }
        #expect(numbers == [1, 2, 0])
    }
}
