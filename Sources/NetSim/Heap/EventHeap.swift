/// The events that wait in a heap (see `EventQueue`), ordered by (time, sequence).
///
/// The heap itself holds 16-byte keys, the time and one word that orders simultaneous
/// events and names the slot where the event waits; the events stay put in their slots.
/// Sifting then moves a key as small as the bare heap's (see `HeapFloor`), not the whole
/// event.
struct EventHeap: Sendable {
    /// A key's second word: the sequence number above, the slot in the low bits.
    private static let slotBits = 24
    private static let slotMask: UInt64 = (1 << 24) - 1
    /// Sequence numbers must stay below this to fit beside the slot.
    static let sequenceLimit = 1 << (64 - slotBits)

    private var keys = MinHeap<HeapKey>()
    /// Each waiting event by slot; free slots are reused, latest freed first.
    private var events: [Event] = []
    private var freeSlots: [Int] = []

    var count: Int { keys.count }

    /// Whether the earliest event here comes before `other`.
    func precedes(_ other: ScheduledEvent) -> Bool {
        guard let first = keys.min else { return false }
        return first.time < other.time || (first.time == other.time && Int(first.order >> UInt64(Self.slotBits)) < other.sequence)
    }

    /// The events in no particular order.
    var unordered: [ScheduledEvent] {
        keys.storage.map { key in
            ScheduledEvent(time: key.time, sequence: Int(key.order >> UInt64(Self.slotBits)), event: events[Int(key.order & Self.slotMask)])
        }
    }

    /// - Complexity: O(log `count`)
    mutating func insert(_ event: ScheduledEvent) {
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            events[slot] = event.event
        } else {
            slot = events.count
            precondition(slot <= Self.slotMask, "more than 16,777,216 events pending")
            events.append(event.event)
        }
        keys.insert(HeapKey(time: event.time, order: UInt64(event.sequence) << UInt64(Self.slotBits) | UInt64(slot)))
    }

    /// - Complexity: O(log `count`)
    mutating func popMin() -> ScheduledEvent? {
        guard let top = keys.popMin() else { return nil }
        let slot = Int(top.order & Self.slotMask)
        freeSlots.append(slot)
        return ScheduledEvent(time: top.time, sequence: Int(top.order >> UInt64(Self.slotBits)), event: events[slot])
    }

    /// Removes the events `shouldBeRemoved` picks, freeing their slots, and returns how
    /// many it removed.
    ///
    /// - Complexity: O(`count` log `count`)
    mutating func removeAll(where shouldBeRemoved: (Event) -> Bool) -> Int {
        let events = self.events
        var freed: [Int] = []
        let removed = keys.removeAll { key in
            let slot = Int(key.order & Self.slotMask)
            guard shouldBeRemoved(events[slot]) else { return false }
            freed.append(slot)
            return true
        }
        freeSlots += freed
        return removed
    }

    /// Whether the heap is in order (for tests; each sift checks its own work in debug
    /// builds).
    var holdsHeapOrder: Bool { keys.holdsHeapOrder }
}
