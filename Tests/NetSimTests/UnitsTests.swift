import Foundation
import Testing
@testable import NetSim

@Suite struct UnitsTests {
    @Test func sizesAreDecimalWithBitsAndBytes() throws {
        #expect(try Units.bits("15Gb") == 15e9)
        #expect(try Units.bits("2MB") == 16e6)
        #expect(try Units.bits("700kb") == 7e5)
        #expect(try Units.bytes("256KB") == 256_000)
        #expect(try Units.bytes("400B") == 400)
    }

    @Test func ratesAndDurations() throws {
        #expect(try Units.rate("30Mbps") == 30e6)
        #expect(try Units.rate("700kbps") == 7e5)
        #expect(try Units.rate("1MBps") == 8e6)
        #expect(try Units.duration("20ms") == 20_000)
        #expect(try Units.duration("1.5s") == 1_500_000)
        #expect(try Units.duration("300us") == 300)
    }

    @Test(arguments: ["", "15", "15Gx", "Mbps", "-3Mb", "1.2.3Gb", "15 gigabits"])
    func badSizesAreRejectedWithWhatWasExpected(text: String) {
        #expect(throws: UnitError.self) { try Units.bits(text) }
        do {
            _ = try Units.bits(text)
        } catch {
            #expect(error.description.contains("like 15Gb"))
            #expect(error.description.contains("'\(text)'"))
        }
    }

    @Test func badRatesDurationsAndBytesAreRejected() {
        #expect(throws: UnitError.self) { try Units.rate("30Mb") }
        #expect(throws: UnitError.self) { try Units.duration("20") }
        #expect(throws: UnitError.self) { try Units.duration("20kg") }
        #expect(throws: UnitError.self) { try Units.bytes("15Gb") }
        #expect(throws: UnitError.self) { try Units.bytes("1.5B") }
    }

    /// What rounds to 1000 of a unit is written in the next one, with three figures.
    @Test func formattingNeverWritesAThousandOfAUnit() {
        #expect(Units.format(duration: 999_600) == "1.00 s", "not 1000 ms")
        #expect(Units.format(duration: 999_400) == "999 ms")
        #expect(Units.format(duration: 9_996_000) == "10.0 s", "not 10.00 s")
        #expect(Units.format(duration: 99_960_000) == "100 s", "not 100.0 s")
        #expect(Units.format(bits: 999_700) == "1 Mb", "not 1000 kb")
        #expect(Units.format(rate: 999.8e6) == "1 Gbps")
        #expect(Units.format(bits: 999) == "999 b")
    }

    /// Sizes and rates read as the lessons write them: `5 Mbps`, never `5.00 Mbps` beside
    /// a narration that says 5 Mbps; nothing sent is `0 Mb`, not `0.00 b`.
    @Test func sizesAndRatesAreWrittenAsLessonsWriteThem() {
        #expect(Units.format(rate: 5e6) == "5 Mbps")
        #expect(Units.format(rate: 2.5e6) == "2.5 Mbps")
        #expect(Units.format(rate: 10e6) == "10 Mbps")
        #expect(Units.format(bits: 80e6) == "80 Mb")
        #expect(Units.format(bits: 1.25e6) == "1.25 Mb")
        #expect(Units.format(bits: 0) == "0 Mb")
        #expect(Units.format(rate: 0) == "0 Mbps")
        #expect(Units.format(duration: 48_000_000) == "48.0 s", "a measured time keeps its figures")
    }

    @Test func formattingReadsBackAsTheSameValue() throws {
        #expect(Units.format(duration: 1_500_000) == "1.50 s")
        #expect(Units.format(duration: 20_000) == "20.0 ms")
        #expect(Units.format(duration: 300) == "300 µs")
        #expect(Units.format(rate: 30e6) == "30 Mbps")
        #expect(Units.format(rate: 7e5) == "700 kbps")
        #expect(Units.format(bits: 15e9) == "15 Gb")
        #expect(try Units.rate(Units.format(rate: 30e6).replacingOccurrences(of: " ", with: "")) == 30e6)
    }

    /// Figures are written without Foundation's formatter, for speed; they must read as it
    /// writes them, half-way cases and all.
    @Test func figuresAreWrittenAsPrintfWritesThem() {
        func printf(_ value: Double) -> String {
            let magnitude = abs(value)
            if magnitude >= 0.9995 * 100 { return String(format: "%.0f", value) }
            if magnitude >= 0.9995 * 10 { return String(format: "%.1f", value) }
            return String(format: "%.2f", value)
        }
        var random = SeededGenerator(seed: 9)
        var values = [0, 0.125, 0.375, 2.675, 1.005, 9.995, 99.95, 999.5, 0.005, 0.015, -1.5, -0.001, 12.25, 1e17]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -3...15, using: &random)
            values.append(pow(10, magnitude))
            values.append((pow(10, magnitude) * 1000).rounded() / 1000)
        }
        for value in values {
            #expect(Units.significant(value) == printf(value), "\(value)")
        }
    }
}

/// A figure's unit read back, so a zero beside it can be written in the same one.
@Suite struct FigureUnitTests {
    @Test func theUnitOfAFormattedFigure() {
        #expect(Units.unit(of: Units.format(bits: 3_200))?.unit == "kb")
        #expect(Units.unit(of: Units.format(bits: 3_200))?.quantity == .size)
        #expect(Units.unit(of: Units.format(rate: 5e6))?.unit == "Mbps")
        #expect(Units.unit(of: Units.format(rate: 5e6))?.quantity == .rate)
        #expect(Units.unit(of: Units.format(duration: 20_000))?.unit == "ms")
        #expect(Units.unit(of: "2 of 5") == nil)
        #expect(Units.unit(of: "unlimited") == nil)
        #expect(Units.unit(of: "12") == nil)
    }
}
