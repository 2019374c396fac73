import HeapModule

/// Something the simulation will do at a given time.
enum Event: Hashable, Sendable {
    /// The last bit of a transfer leaves its sender (stale if the transfer was re-rated).
    case transmitted(transfer: Int, version: Int)
    /// A message (named by its slot in the flight table) reaches its destination.
    case arrival(flight: Int)
    /// A server finishes the request in service (stale if the server went down).
    case serviceDone(server: NodeID, version: Int)
    /// A client's wait for an answer runs out.
    case timeout(request: Int, attempt: Int)
    /// One event of the benchmark's hold model.
    case hold
    /// Swarm members re-choose whom to upload to (stale once the swarm has ended).
    case rechoke(version: Int)
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

/// The pending events, a binary heap ordered by (time, insertion counter).
///
/// Cancelled events stay in the heap and are skipped when they come out (lazy
/// invalidation); `staleCount` says how many of those there are, so the queue knows
/// whether anything live is left without searching it.
struct EventQueue: Sendable, Equatable {
    private var heap = Heap<ScheduledEvent>()
    private var nextSequence = 0
    private(set) var staleCount = 0

    var liveCount: Int { heap.count - staleCount }

    mutating func schedule(_ event: Event, at time: SimTime) {
        heap.insert(ScheduledEvent(time: time, sequence: nextSequence, event: event))
        nextSequence += 1
    }

    /// Records that one scheduled event will be skipped when it comes out.
    mutating func invalidateOne() {
        staleCount += 1
        assert(staleCount <= heap.count, "more stale events than events")
    }

    /// Takes the earliest event; the caller says whether it was stale.
    mutating func popMin() -> ScheduledEvent? { heap.popMin() }

    /// Returns an event taken by `popMin` that is not to be handled yet; it keeps its
    /// place in the order because the order is by (time, sequence).
    mutating func putBack(_ scheduled: ScheduledEvent) {
        heap.insert(scheduled)
    }

    mutating func discardedStale() {
        staleCount -= 1
        assert(staleCount >= 0, "stale count below zero")
    }

    /// Equal when the same events are pending, whatever the heap's internal layout (which
    /// never affects the order events come out in, since (time, sequence) is a total order).
    static func == (lhs: EventQueue, rhs: EventQueue) -> Bool {
        lhs.nextSequence == rhs.nextSequence && lhs.staleCount == rhs.staleCount
            && lhs.heap.unordered.sorted() == rhs.heap.unordered.sorted()
    }
}
