import NetSim

/// How long a `run` lets the simulation go on.
public struct Wait: Sendable, Hashable {
    public enum Condition: Sendable, Hashable {
        /// Nothing left to happen.
        case idle
        /// Every request sent so far has been answered, refused or dropped.
        case delivered
        /// The simulation clock reaches this time.
        case time(SimTime)
        /// This much simulated time passes from the start of the wait.
        case duration(SimTime)
        /// This many events happen.
        case events(Int)
        /// An event of this kind happens, such as a request being dropped.
        case event(EventKind)
        /// A server's queue is at its limit (`nil`: any server).
        case queueFull(String?)
        /// Every node that is downloading a file has all of it.
        case allDone
        /// A comparison on a live value: `server.queue >= 6`.
        case compare(LiveValue, Comparison, Double)
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

        public func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .less: left < right
            case .lessOrEqual: left <= right
            case .greater: left > right
            case .greaterOrEqual: left >= right
            case .equal: left == right
            case .notEqual: left != right
            }
        }
    }

    /// The default and the largest number of events a wait may take before it is reported as never coming true.
    public static let defaultBudget = 200_000
    public static let maximumBudget = 2_000_000

    public var condition: Condition
    /// Events the wait may take; past that it gave up (and `check` says so).
    public var budget: Int
    /// As written, for messages: "until: queue-full".
    public var source: String
    /// The speed the screen plays this run at (`speed: 0.01`), one of `PlaySpeed.all`.
    public var speed: Double? = nil
    /// Slow motion around an event while this run plays (`slow: dropped`).
    public var slow: SlowMotion? = nil
}
