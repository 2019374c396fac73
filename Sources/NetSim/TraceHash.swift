/// A running FNV-1a hash over every handled event: two runs with the same hash took the
/// same events in the same order at the same times. Tests compare it to check determinism.
struct TraceHash: Equatable, Hashable, Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func mix(_ word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value = (value ^ (w & 0xFF)) &* 0x0000_0100_0000_01B3
            w >>= 8
        }
    }

    mutating func mix(_ int: Int) { mix(UInt64(bitPattern: Int64(int))) }
}
