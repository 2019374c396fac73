/// What the benchmark asks of the hold model.
public enum HoldCommand: Sendable, Hashable {
    /// `pending` timer events, each of which, when handled, schedules one more after a
    /// delay drawn uniformly from [0, 2·pending) µs.
    case start(pending: Int)
}

extension Command {
    /// The benchmark's hold model (see `HoldCommand.start`).
    public static func startHoldWorkload(pending: Int) -> Command {
        .hold(.start(pending: pending))
    }
}

/// How far ahead each timer reschedules itself: up to twice the number pending.
struct HoldState: Equatable, Sendable {
    var spread = 0
}
