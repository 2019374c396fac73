/// A running hash over every handled event: two runs with the same hash took the same
/// events in the same order at the same times. Tests compare it to check determinism.
/// One rotate, xor and multiply per word (the FxHash step): it is mixed four times for
/// every event, where hashing byte by byte cost as much as the event queue itself.
struct TraceHash: Equatable, Hashable, Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func mix(_ word: UInt64) {
        value = ((value << 5 | value >> 59) ^ word) &* 0x517C_C1B7_2722_0A95
    }

    @inline(__always)
    mutating func mix(_ int: Int) { mix(UInt64(bitPattern: Int64(int))) }
}
