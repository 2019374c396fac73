/// What one event did.
public enum EventKind: String, Sendable, CaseIterable {
    /// The last bit of a message left its sender; it is still on its way.
    case transmitted
    /// A message reached its destination and was taken in.
    case delivered
    /// A message could not arrive: its destination is down, or the link is cut or missing.
    case lost
    /// A server began working on a request.
    case accepted
    /// A request waits in the server's queue.
    case queued
    /// The server's queue was full: the request was thrown away.
    case dropped
    /// Access control turned the request away.
    case refused
    /// A server finished a request and sent the response.
    case served
    /// A client waited too long and sent its request again.
    case timedOut
    /// A client waited too long and has no retries left.
    case gaveUp
    /// A node now holds the whole file.
    case completed
    /// A peer checked a chunk against its hash, found it corrupt and threw it away.
    case rejected
    /// Every swarm member re-chose whom it uploads to: one event for the whole swarm.
    case rechoked
    /// A lookup found who holds the resource.
    case found
    /// A call between two peers is up.
    case connected
    /// A benchmark timer.
    case timer
    /// A cache had a fresh copy of what was asked and serves it.
    case hit
    /// A cache had no fresh copy: it fetches one from its origin (or waits for the one
    /// on its way).
    case miss
    /// A node left the network for good (it stays where it was on the stage, marked).
    case left
}

/// One handled event, with what a UI needs to animate and list it.
public struct StepReport: Sendable, Hashable {
    /// 1 for the first event of the run.
    public let index: Int
    public let time: SimTime
    public let kind: EventKind
    /// The message the event is about, if any (as it was when the event happened).
    public let message: Message?
    /// The node where it happened.
    public let node: NodeID?
    /// One line for an event list: "c3 → server: GET /report (request, 400 B)", written
    /// when it is read (see `EventSummary`).
    public var summary: String { facts.text(kind, message: message) }
    let facts: EventSummary
}

/// When `run(until:maxEvents:)` stops.
public enum StopCondition: Sendable {
    /// Run every event up to and including this time, then move the clock to it.
    case time(SimTime)
    /// Run this many more events.
    case events(Int)
    /// Run until nothing is left to happen.
    case idle
    /// Run until the condition holds (checked before each event).
    case condition(@Sendable (Simulation) -> Bool)
}

/// How a run ended.
public struct RunOutcome: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The stop condition was met.
        case reached
        /// Nothing was left to happen before the condition was met.
        case idle
        /// `maxEvents` ran out first.
        case eventLimit
    }

    public let eventsRun: Int
    public let reason: Reason
}
