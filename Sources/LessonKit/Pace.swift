import NetSim

/// How fast a lesson asks the screen to play its runs: a tutor's pacing, so the moment
/// the class should see does not flash past.
public enum PlaySpeed {
    /// The speeds the screen offers (simulated seconds per second of wall time), slowest
    /// first; a lesson names one of them. Requests take milliseconds and a swarm minutes,
    /// so the range is wide.
    public static let all: [Double] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000]

    /// The speeds as an author writes them: "0.001, 0.003, …, 1000".
    static var listed: String {
        all.map { $0 >= 1 ? String(Int($0)) : String($0) }.joined(separator: ", ")
    }
}

/// Slow motion around the events of one kind: while playing, the stretch of simulated
/// time from `window` before each such event to `window` after it plays at `speed`.
public struct SlowMotion: Sendable, Hashable {
    public var around: EventKind
    /// nil: a tenth of the speed the run plays at.
    public var speed: Double?
    /// nil: a twentieth of the run's length.
    public var window: SimTime?

    public init(around: EventKind, speed: Double? = nil, window: SimTime? = nil) {
        self.around = around
        self.speed = speed
        self.window = window
    }
}

/// The pacing of the wait under way: its speed (the run's own, or the step's `speed`
/// action), and its slow motion.
public struct Pace: Sendable, Hashable {
    /// Which wait it is (step and script position), so the screen sets the speed once
    /// as the wait begins and the learner may change it afterwards.
    public var wait: [Int]
    public var speed: Double?
    public var slow: SlowMotion?
}
