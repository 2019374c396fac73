import NetSim

/// Requests a lesson has scheduled for later (a `request` with a `rate:` pattern), which
/// the runner sends as the simulated clock reaches each one's time. Sent requests are
/// passed by a cursor rather than removed, so the copy the runner keeps before every
/// move shares the list.
struct ScheduledTraffic: Sendable {
    struct Request: Sendable, Hashable {
        var time: SimTime
        var from: String
        var to: String
        var what: String
        var bytes: Int
        var responseBytes: Int
        /// The action that scheduled it, for a problem report.
        var location: SourceLocation
    }

    /// By time; requests of the same time in the order they were scheduled.
    private var requests: [Request] = []
    private var next = 0

    /// When the next request goes out; nil when none is left.
    var nextTime: SimTime? { next < requests.count ? requests[next].time : nil }

    var isPending: Bool { next < requests.count }

    /// How many have been sent so far.
    var sentCount: Int { next }

    /// Adds requests to send, keeping those not yet sent.
    mutating func add(_ new: [Request]) {
        let kept = requests[next...]
        let merged = (kept + new).enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        requests = merged.map(\.element)
        next = 0
    }

    /// The requests due at `now` or before, marked as sent.
    mutating func takeDue(at now: SimTime) -> ArraySlice<Request> {
        let start = next
        while next < requests.count, requests[next].time <= now { next += 1 }
        return requests[start..<next]
    }
}
