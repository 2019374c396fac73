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

    /// Whether stale events are so many that they should be dropped now rather than as
    /// they come out (see `dropStale`).
    var isCrowdedWithStale: Bool { staleCount >= 4096 && 2 * staleCount > heap.count }

    /// Drops the stale events (those `isStale` picks: exactly those counted stale) at once.
    /// A sender whose upload many transfers share speeds them all up when one ends, and
    /// each gets a new completion event; the old ones would wait in the heap until their
    /// later time, so that a server with a backlog of thousands of answers filled the heap
    /// with millions. Events that are not stale keep their order.
    mutating func dropStale(where isStale: (Event) -> Bool) {
        staleCount -= heap.removeAll(where: isStale)
        assert(staleCount == 0, "an event counted stale is live")
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
