/// What the engine's heap orders: a time, then one word that orders simultaneous events
/// (the event queue keeps a sequence number in its high bits and the event's slot in its
/// low bits). 16 bytes, so that sifting moves as little as a bare heap of (time,
/// sequence) pairs would.
struct HeapKey: Comparable, Sendable {
    let time: SimTime
    let order: UInt64

    @inline(__always)
    static func < (lhs: HeapKey, rhs: HeapKey) -> Bool {
        lhs.time < rhs.time || (lhs.time == rhs.time && lhs.order < rhs.order)
    }
}
