import Testing

@testable import Canvas

@Suite("Columns a character takes")
struct DisplayWidthTests {
    @Test("the glyphs measured without a lookup are one column, as the lookup says")
    func narrowSymbolsAgreeWithLookup() {
        var checked = 0
        for value in UInt32(0xA0)..<0x2600 where DisplayWidth.isNarrowSymbol(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.lookedUp(scalar) == 1, "U+\(String(value, radix: 16, uppercase: true))")
            checked += 1
        }
        #expect(checked > 900)
    }

    @Test("soft hyphens and combining marks take none, emoji shapes and ideographs two")
    func lookedUpWidths() {
        #expect(DisplayWidth.of(Unicode.Scalar(0xAD)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x25FD)!) == 2)
        #expect(DisplayWidth.of("漢") == 2)
        #expect(DisplayWidth.of("┌─●▦→") == 5)
    }
}
