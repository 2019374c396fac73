import Foundation

/// A unit string that could not be read, with what was expected instead.
public struct UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text as the user wrote it.
    public let input: String
    /// What a valid value of this kind looks like.
    public let expected: String

    public var description: String { "'\(input)' is not \(expected)" }
}

/// Sizes, rates and durations written the way networking texts write them.
///
/// Prefixes are decimal (k = 10^3, M = 10^6, G = 10^9, T = 10^12); `b` is a bit and `B`
/// a byte, so `15Gb` is 15×10^9 bits, `30Mbps` is 30×10^6 bit/s and `256KB` is 256,000
/// bytes. Reading and printing live together so the two always agree.
public enum Units {
    private static let sizeExpectation =
        "a size: a number, an optional k, M, G or T prefix and b (bits) or B (bytes), like 15Gb or 256KB"
    private static let rateExpectation =
        "a rate: a number, an optional k, M, G or T prefix and bps (bits/s) or Bps (bytes/s), like 30Mbps or 700kbps"
    private static let durationExpectation =
        "a duration: a number followed by us, ms, s or min, like 20ms or 1.5s"
    private static let byteExpectation =
        "a byte count: a whole number, an optional k, M or G prefix and B, like 400B or 256KB"

    /// Bits in a size: `15Gb`, `2MB` (16×10^6 bits), `700kb`.
    public static func bits(_ text: String) throws(UnitError) -> Double {
        guard let (number, unit) = split(text), let factor = sizeFactor(unit) else {
            throw UnitError(input: text, expected: sizeExpectation)
        }
        return try finite(number * factor, text, sizeExpectation)
    }

    /// Bits per second in a rate: `30Mbps`, `700kbps`, `1MBps` (8×10^6 bit/s).
    public static func rate(_ text: String) throws(UnitError) -> Double {
        guard let (number, unit) = split(text), unit.hasSuffix("ps"),
              let factor = sizeFactor(String(unit.dropLast(2)))
        else { throw UnitError(input: text, expected: rateExpectation) }
        return try finite(number * factor, text, rateExpectation)
    }

    /// A value that stays finite once its prefix is applied: 400 nines and a T are not a size.
    private static func finite(_ value: Double, _ text: String, _ expected: String) throws(UnitError) -> Double {
        guard value.isFinite else { throw UnitError(input: text, expected: expected + " (this one is too large to count)") }
        return value
    }

    /// A duration in microseconds: `20ms`, `1.5s`, `300us`, `2min`.
    public static func duration(_ text: String) throws(UnitError) -> SimTime {
        let factors: [String: Double] = ["us": 1, "µs": 1, "ms": 1e3, "s": 1e6, "min": 60e6]
        guard let (number, unit) = split(text), let factor = factors[unit] else {
            throw UnitError(input: text, expected: durationExpectation)
        }
        let micros = (number * factor).rounded()
        guard micros < 9e18 else { throw UnitError(input: text, expected: durationExpectation) }
        return SimTime(micros)
    }

    /// Whole bytes: `256KB` (256,000), `400B`.
    public static func bytes(_ text: String) throws(UnitError) -> Int {
        guard let (number, unit) = split(text), unit.hasSuffix("B"),
              let factor = prefixFactor(String(unit.dropLast()))
        else { throw UnitError(input: text, expected: byteExpectation) }
        let value = number * factor
        guard value == value.rounded(), value < 9e18 else {
            throw UnitError(input: text, expected: byteExpectation)
        }
        return Int(value)
    }

    /// A size for people, in bits as the lessons reckon (a file of `80Mb` at `10Mbps`):
    /// `15 Gb`, `2.5 Mb`, `800 kb`, `12 b`; nothing at all is `0 Mb`, not `0.00 b`.
    public static func format(bits: Double) -> String {
        bits == 0 ? "0 Mb" : scaled(bits, unit: "b", trimmed: true)
    }

    /// A rate for people, as the lessons write one: `5 Mbps`, `2.5 Mbps`, `700 kbps`;
    /// none is `0 Mbps`.
    public static func format(rate: Double) -> String {
        rate.isInfinite ? "unlimited" : rate == 0 ? "0 Mbps" : scaled(rate, unit: "bps", trimmed: true)
    }

    /// A duration for people: `1.50 s`, `20.0 ms`, `300 µs`, `7500 s`. A value that
    /// rounds to 1000 of a unit is written in the next one: `1.00 s`, not `1000 ms`.
    public static func format(duration: SimTime) -> String {
        let micros = Double(duration)
        if abs(micros) < 1e3 { return "\(duration) µs" }
        if abs(micros) < roundsUp * 1e6 { return significant(micros / 1e3) + " ms" }
        return significant(micros / 1e6) + " s"
    }

    /// What a figure written by `format` measures.
    public enum Quantity: Sendable {
        case size, rate, duration
    }

    /// The unit of a figure `format` wrote and what it measures: ("kb", .size) for
    /// `3.2 kb`, ("ms", .duration) for `20.0 ms`; nil for any other text. Lets a zero
    /// beside it be written in the same unit ("3.2 kb by sn1, 0 kb by sn2").
    public static func unit(of figure: String) -> (unit: String, quantity: Quantity)? {
        let parts = figure.split(separator: " ")
        guard parts.count == 2, Double(parts[0]) != nil else { return nil }
        let unit = String(parts[1])
        if ["µs", "ms", "s"].contains(unit) { return (unit, .duration) }
        if unit.hasSuffix("bps"), unit.count <= 4, prefixFactor(String(unit.dropLast(3))) != nil { return (unit, .rate) }
        if unit.hasSuffix("b"), unit.count <= 2, prefixFactor(String(unit.dropLast())) != nil { return (unit, .size) }
        return nil
    }

    /// Splits `15Gb` into (15, "Gb"); nil unless a finite non-negative number leads.
    private static func split(_ text: String) -> (Double, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberPart = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces)
        guard !numberPart.isEmpty, let number = Double(numberPart), number.isFinite, !unit.isEmpty
        else { return nil }
        return (number, unit)
    }

    /// Bits per unit for `b`, `kb`, `MB`…; nil for anything else.
    private static func sizeFactor(_ unit: String) -> Double? {
        guard let last = unit.last, last == "b" || last == "B",
              let prefix = prefixFactor(String(unit.dropLast()))
        else { return nil }
        return prefix * (last == "B" ? 8 : 1)
    }

    private static func prefixFactor(_ prefix: String) -> Double? {
        ["": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12][prefix]
    }

    /// The fraction of a unit from which three significant figures of the unit below
    /// round to 1000 of them.
    private static let roundsUp = 0.9995

    /// `value` with the largest prefix it is at least one of, after rounding: `1 Mb`
    /// for 999,700 bits, not `1000 kb`. `trimmed`: without the zeros that only pad the
    /// three figures (`5 Mbps`, `2.5 Mb`), as sizes and rates are written in a lesson; a
    /// duration keeps them (`48.0 s`), its figures being measured, not set.
    private static func scaled(_ value: Double, unit: String, trimmed: Bool = false) -> String {
        let steps: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        let (factor, prefix) = steps.first { abs(value) >= roundsUp * $0.0 } ?? (1, "")
        var figures = significant(value / factor)
        // The point looked for as a byte: `contains(".")` would be Foundation's substring
        // search, which cost the metrics panel more than the rest of its formatting.
        if trimmed, figures.utf8.contains(UInt8(ascii: ".")) {
            while figures.hasSuffix("0") { figures.removeLast() }
            if figures.hasSuffix(".") { figures.removeLast() }
        }
        return figures + " \(prefix)\(unit)"
    }

    /// Three significant figures, without exponent notation; the digits are chosen by
    /// the value as rounded, so 9.996 is `10.0`, not `10.00`.
    static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= roundsUp * 100 { return fixed(value, decimals: 0) }
        if magnitude >= roundsUp * 10 { return fixed(value, decimals: 1) }
        return fixed(value, decimals: 2)
    }

    /// `value` with `decimals` digits after the point, exactly as `%.2f` writes it,
    /// without Foundation's formatter: the metrics panel writes a few hundred figures a
    /// frame and the engine one for most events, and `String(format:)` cost more than the
    /// rest of the frame's drawing.
    ///
    /// printf rounds the double's exact binary value (2.665 is 2.66500000000000003…, so
    /// `2.67`), half-way cases to even; multiplying by 100 first would round once too
    /// often (266.49999999999997). So the value is taken apart into an integer times a
    /// power of two, and the rounding is done on integers.
    private static func fixed(_ value: Double, decimals: Int) -> String {
        let scale: UInt64 = [1, 10, 100][decimals]
        let magnitude = abs(value)
        // Beyond 10^15 (or not a number at all) the formatter's way; no figure here is.
        guard magnitude < 1e15 else { return String(format: "%.\(decimals)f", value) }
        let isNormal = magnitude.exponentBitPattern != 0
        // magnitude = significand / 2^shift, exactly (below 10^15 the shift is at least 3);
        // scaled, the significand stays below 2^60.
        let significand = (isNormal ? 1 << 52 : 0) | magnitude.significandBitPattern
        let shift = UInt64(1075 - (isNormal ? Int(magnitude.exponentBitPattern) : 1))
        let scaled = significand * scale
        var units: UInt64 = 0 // from a shift of 62 on, below a quarter: rounds to nothing
        if shift < 62 {
            let half: UInt64 = 1 << (shift - 1)
            units = scaled >> shift
            let rest = scaled & ((1 << shift) - 1)
            if rest > half || (rest == half && units & 1 == 1) { units += 1 }
        }
        var text = value.sign == .minus ? "-" : ""
        guard decimals > 0 else { return text + String(units) }
        let fraction = String(units % scale)
        text += String(units / scale) + "."
        return text + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
