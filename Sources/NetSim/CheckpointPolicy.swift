/// Which snapshots a `Timeline` keeps, so that its memory stays bounded however long a
/// run lasts while stepping back stays exact and quick.
///
/// A snapshot is taken every `spacing` events. Near the present all of them are kept, so
/// stepping back replays at most `spacing` events. Further back they are thinned: at a
/// distance `d` only those at multiples of `spacing(atDistance: d)` stay, a spacing that
/// doubles as `d` grows (about `perLevel` snapshots per doubling) up to `widest`, so a
/// jump anywhere replays at most `widest` events. Beyond `horizon` events the history is
/// forgotten: the oldest snapshot goes, with the events and commands before the next.
///
/// Since the spacings are powers of two times `spacing`, a snapshot kept at one distance
/// is also kept at every shorter one: thinning never needs a snapshot that was dropped.
public struct CheckpointPolicy: Sendable, Hashable {
    /// Events between two snapshots near the present.
    public let spacing: Int
    /// Snapshots kept at each spacing before it doubles.
    public let perLevel: Int
    /// The largest spacing, in events (a power of two times `spacing`).
    public let widest: Int
    /// How many events back the history reaches at least.
    public let horizon: Int
    /// The most points a metrics series keeps (see `Metrics`): each snapshot may hold a
    /// copy of every series, so they are bounded too.
    public let seriesLimit = 4096

    /// A spacing of 256 events replays in about 2 ms on a loaded machine (a 200-peer swarm
    /// runs some 120,000 events a second), 4,096 events in about 35 ms; a horizon of
    /// 131,072 events keeps at most 55 snapshots and the reports of that many events
    /// (a lesson runs at most 300,000 events in all).
    public static let standard = CheckpointPolicy(spacing: 256)

    public init(spacing: Int, perLevel: Int = 8, widestLevel: Int = 4, horizonSpacings: Int = 512) {
        precondition(spacing > 0 && perLevel > 0 && widestLevel >= 0 && horizonSpacings > 0, "a checkpoint policy needs positive figures")
        self.spacing = spacing
        self.perLevel = perLevel
        widest = spacing << widestLevel
        horizon = spacing * horizonSpacings
    }

    /// The spacing of the snapshots kept `distance` events before the present.
    public func spacing(atDistance distance: Int) -> Int {
        var gap = spacing
        while gap < widest, gap * perLevel < distance { gap *= 2 }
        return gap
    }

    /// Whether a snapshot taken after `events` events is kept when `present` events have run.
    public func keeps(events: Int, present: Int) -> Bool {
        events.isMultiple(of: spacing(atDistance: present - events))
    }

    /// The most snapshots kept at once (the oldest, which anchors the history, included):
    /// `perLevel` at the first spacing, half as many at each wider one, then one per
    /// `widest` events up to the horizon.
    public var maximumKept: Int {
        var count = perLevel + 2, gap = spacing, reach = spacing * perLevel
        while gap < widest {
            gap *= 2
            count += perLevel / 2 + 1
            reach = gap * perLevel
        }
        return count + max(0, horizon - reach) / widest + 1
    }
}
