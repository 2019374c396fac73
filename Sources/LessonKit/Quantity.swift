import NetSim

/// Reads quantities the way networking texts write them: decimal prefixes, b = bit,
/// B = byte. `15Gb` is 15×10^9 bits, `30Mbps` 30×10^6 bit/s, `256KB` 256,000 bytes.
enum Quantity {
    private static let prefixes: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]

    /// Splits "2.5Mbps" into 2.5 and "Mbps"; nil when there is no number in front.
    private static func split(_ text: String) -> (Double, String)? {
        let trimmed = text.trimmingCharacters()
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, let value = Double(number), value.isFinite else { return nil }
        return (value, trimmed.dropFirst(number.count).trimmingCharacters())
    }

    /// A size in bits: "1Gb", "2MB" (16×10^6 bits), "700kb".
    static func bits(_ text: String) -> Double? {
        guard let (value, unit) = split(text), let last = unit.last, last == "b" || last == "B" else { return nil }
        let prefix = unit.dropLast()
        guard prefix.count <= 1 else { return nil }
        let scale = prefix.first.map { prefixes[$0] } ?? 1
        guard let scale else { return nil }
        return value * scale * (last == "B" ? 8 : 1)
    }

    /// A size in whole bytes: "400B", "256KB".
    static func bytes(_ text: String) -> Int? {
        guard let (_, unit) = split(text), unit.hasSuffix("B"), let bits = bits(text) else { return nil }
        let bytes = bits / 8
        return bytes <= Double(Int.max / 2) ? Int(bytes.rounded()) : nil
    }

    /// A rate in bit/s: "30Mbps", "700kbps".
    static func rate(_ text: String) -> Double? {
        guard let (value, unit) = split(text), unit.hasSuffix("bps") else { return nil }
        let prefix = unit.dropLast(3)
        guard prefix.count <= 1 else { return nil }
        guard let scale = prefix.first.map({ prefixes[$0] }) ?? 1 else { return nil }
        return value * scale
    }

    /// A duration in microseconds: "300us", "20ms", "1.5s", "2min".
    static func duration(_ text: String) -> SimTime? {
        guard let (value, unit) = split(text) else { return nil }
        let scale: Double
        switch unit {
        case "us", "µs": scale = 1
        case "ms": scale = 1e3
        case "s": scale = 1e6
        case "min": scale = 60e6
        default: return nil
        }
        let micros = value * scale
        return micros < 1e15 ? SimTime(micros.rounded()) : nil
    }
}

extension Quantity {
    /// A duration as a lesson author would write it back: "500ms", "1.5s".
    static func describe(duration: SimTime) -> String {
        if duration % 1_000_000 == 0 { return "\(duration / 1_000_000)s" }
        if duration >= 1_000_000 { return "\(Double(duration) / 1e6)s" }
        if duration % 1_000 == 0 { return "\(duration / 1_000)ms" }
        return "\(duration)us"
    }
}
