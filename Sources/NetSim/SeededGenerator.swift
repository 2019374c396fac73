/// The simulation's only source of randomness: SplitMix64, stored inside the state.
///
/// Being a plain value, it is copied with every snapshot, so replaying from a snapshot
/// draws exactly the same numbers again; `SystemRandomNumberGenerator` could not do that.
public struct SeededGenerator: RandomNumberGenerator, Equatable, Hashable, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's method without the rare rejection
    /// retry: the bias is below 2^-40 for the bounds a simulation uses).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        return Int((UInt64(bound).multipliedFullWidth(by: next())).high)
    }
}
