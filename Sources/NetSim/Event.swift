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
    /// Nodes and links failing (see `FailureEvent`).
    case failures(FailureEvent)
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
