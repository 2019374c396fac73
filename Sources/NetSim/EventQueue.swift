/// Something the simulation will do at a given time.
enum Event: Hashable, Sendable {
    /// The last bit of a transfer leaves its sender (stale if the transfer was re-rated).
    case transmitted(transfer: Int, version: Int)
    /// A message (named by its slot in the flight table) reaches its destination.
    case arrival(flight: Int)
    case requests(RequestEvent)
    /// One event of the benchmark's hold model.
    case hold
    case bitTorrent(BitTorrentEvent)
    /// A node has left the network: the event that puts its leaving in the record.
    case left(node: Int)
}

/// An event with its place in the order: time first, then the order it was scheduled in,
/// so simultaneous events always run in the same order.
struct ScheduledEvent: Comparable, Hashable, Sendable {
    let time: SimTime
    let sequence: Int
    let event: Event

    static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
        (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
    }
}

/// The pending events, a heap ordered by (time, insertion counter).
///
/// Cancelled events stay in the heap and are skipped when they come out (lazy
/// invalidation); `staleCount` says how many of those there are, so the queue knows
/// whether anything live is left without searching it.
///
/// Arrivals scheduled no earlier than the last arrival waiting wait in a plain list
/// beside the heap instead: messages mostly travel for the same latency, so their
/// arrivals come in time order, and the earliest event is whichever of the two heads
/// comes first. Half a swarm's events then cost no heap work, and the order is the same.
struct EventQueue: Sendable, Equatable {
    private var heap = EventHeap()
    /// Arrivals in order; those before `arrivalsStart` have been taken.
    private var arrivals: [ScheduledEvent] = []
    private var arrivalsStart = 0
    private var nextSequence = 0
    private(set) var staleCount = 0

    init() {}

    /// A queue whose sequence numbers start at `firstSequence`, to test what happens
    /// when they run out.
    init(firstSequence: Int) {
        nextSequence = firstSequence
    }

    var liveCount: Int { heap.count + arrivals.count - arrivalsStart - staleCount }

    mutating func schedule(_ event: Event, at time: SimTime) {
        if nextSequence == EventHeap.sequenceLimit { renumber() }
        let scheduled = ScheduledEvent(time: time, sequence: nextSequence, event: event)
        nextSequence += 1
        if case .arrival = event, arrivalsStart == arrivals.count || arrivals[arrivals.count - 1].time <= time {
            arrivals.append(scheduled)
        } else {
            heap.insert(scheduled)
        }
    }

    /// Records that one scheduled event will be skipped when it comes out.
    mutating func invalidateOne() {
        staleCount += 1
        assert(staleCount <= heap.count, "more stale events than events")
    }

    /// Takes the earliest event; the caller says whether it was stale.
    mutating func popMin() -> ScheduledEvent? {
        guard arrivalsStart < arrivals.count else { return heap.popMin() }
        let arrival = arrivals[arrivalsStart]
        if heap.precedes(arrival) { return heap.popMin() }
        arrivalsStart += 1
        if arrivalsStart == arrivals.count {
            arrivals.removeAll(keepingCapacity: true)
            arrivalsStart = 0
        } else if arrivalsStart >= 4096, 2 * arrivalsStart >= arrivals.count {
            arrivals.removeFirst(arrivalsStart)
            arrivalsStart = 0
        }
        return arrival
    }

    /// Returns an event taken by `popMin` that is not to be handled yet; it keeps its
    /// place in the order because the order is by (time, sequence).
    mutating func putBack(_ scheduled: ScheduledEvent) {
        heap.insert(scheduled)
    }

    mutating func discardedStale() {
        staleCount -= 1
        assert(staleCount >= 0, "stale count below zero")
    }

    /// Equal when the same events are pending, wherever they wait (which never affects
    /// the order events come out in, since (time, sequence) is a total order).
    static func == (lhs: EventQueue, rhs: EventQueue) -> Bool {
        lhs.nextSequence == rhs.nextSequence && lhs.staleCount == rhs.staleCount && lhs.pending == rhs.pending
    }

    /// Every pending event, in order.
    private var pending: [ScheduledEvent] {
        (heap.unordered + arrivals[arrivalsStart...]).sorted()
    }

    /// Numbers the pending events afresh from 0 in their order, once the sequence numbers
    /// run out (after 2^40 events): the order, and so the run, stays the same.
    private mutating func renumber() {
        let ordered = pending
        heap = EventHeap()
        arrivals = []
        arrivalsStart = 0
        for (index, scheduled) in ordered.enumerated() {
            let renumbered = ScheduledEvent(time: scheduled.time, sequence: index, event: scheduled.event)
            if case .arrival = renumbered.event { arrivals.append(renumbered) } else { heap.insert(renumbered) }
        }
        nextSequence = ordered.count
    }
}

/// A plain binary min-heap of scheduled events. The engine only ever pushes and pops the
/// minimum, which a binary heap does with the fewest comparisons (a min-max heap, which
/// can also pop the maximum, compares more on every level; a four-way heap measured
/// slower here).
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

    private struct Key {
        let time: SimTime
        let order: UInt64

        @inline(__always)
        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.time < rhs.time || (lhs.time == rhs.time && lhs.order < rhs.order)
        }
    }

    private var keys: [Key] = []
    /// Each waiting event by slot; free slots are reused, latest freed first.
    private var events: [Event] = []
    private var freeSlots: [Int] = []

    var count: Int { keys.count }

    /// Whether the earliest event here comes before `other`.
    func precedes(_ other: ScheduledEvent) -> Bool {
        guard let first = keys.first else { return false }
        return first.time < other.time || (first.time == other.time && Int(first.order >> UInt64(Self.slotBits)) < other.sequence)
    }

    /// The events in no particular order.
    var unordered: [ScheduledEvent] {
        keys.map { key in
            ScheduledEvent(time: key.time, sequence: Int(key.order >> UInt64(Self.slotBits)), event: events[Int(key.order & Self.slotMask)])
        }
    }

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
        let key = Key(time: event.time, order: UInt64(event.sequence) << UInt64(Self.slotBits) | UInt64(slot))
        keys.append(key)
        keys.withUnsafeMutableBufferPointer { heap in
            var index = heap.count - 1
            while index > 0 {
                let parent = (index - 1) / 2
                guard key < heap[parent] else { break }
                heap[index] = heap[parent]
                index = parent
            }
            heap[index] = key
        }
    }

    mutating func popMin() -> ScheduledEvent? {
        guard let last = keys.popLast() else { return nil }
        let top: Key
        if keys.isEmpty {
            top = last
        } else {
            top = keys.withUnsafeMutableBufferPointer { heap in
                let top = heap[0]
                let count = heap.count
                var index = 0
                while true {
                    var child = 2 * index + 1
                    guard child < count else { break }
                    if child + 1 < count, heap[child + 1] < heap[child] { child += 1 }
                    guard heap[child] < last else { break }
                    heap[index] = heap[child]
                    index = child
                }
                heap[index] = last
                return top
            }
        }
        let slot = Int(top.order & Self.slotMask)
        freeSlots.append(slot)
        return ScheduledEvent(time: top.time, sequence: Int(top.order >> UInt64(Self.slotBits)), event: events[slot])
    }
}
