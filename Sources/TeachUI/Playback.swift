#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LessonKit
import NetSim

/// How simulated time moves on screen: paused or playing at a chosen speed (slowed down
/// around the moments a lesson asks for), and the short glide that carries messages to
/// where one step leaves them.
struct Playback: Hashable, Sendable {
    /// Simulated seconds per second of wall time, slowest first.
    static let speeds = PlaySpeed.all
    static let defaultSpeedIndex = 4
    /// The longest a single step's glide takes, in wall microseconds: long enough to see
    /// the message travel, short enough that stepping stays brisk.
    static let longestGlide: Int64 = 450_000

    var speedIndex = Playback.defaultSpeedIndex
    /// The learner set the speed: it is no longer chosen for them.
    var speedChosen = false
    var playing = false
    /// While playing: the driver has already run the event where the play stops, and the
    /// clock goes on to it at the speed in force.
    var stopAhead = false
    var glide: Glide?
    /// The lesson wait whose pace was last applied (its speed is set once, as it begins).
    var pacedWait: [Int]?
    /// The lesson set the speed of the wait under way: nothing else picks one for it.
    var speedPaced = false
    /// Stretches of simulated time that play slower, in time order.
    var slowdowns: [Slowdown] = []
    /// The speed chosen for the wait under way before `quicken` raised it: where a new
    /// measure of its first change starts from (the stage drawn at another size).
    var unquickenedIndex: Int?

    /// Slow motion over `span` of simulated time.
    struct Slowdown: Hashable, Sendable {
        var span: Range<SimTime>
        var speed: Double
    }

    /// Messages travelling from one simulated instant to the next after a single step,
    /// drawn from the state before the step until the glide ends.
    struct Glide: Hashable, Sendable {
        var from: SimTime
        var to: SimTime
        var elapsed: Int64
        var duration: Int64

        /// The simulated instant shown now.
        var time: SimTime {
            guard duration > 0 else { return to }
            let fraction = min(1, Double(elapsed) / Double(duration))
            return from + SimTime((Double(to - from) * fraction).rounded())
        }

        var isOver: Bool { elapsed >= duration }
    }

    var speed: Double { Self.speeds[speedIndex] }

    /// The speed in force at `time` as the status line says it: "×0.1", "×30" ("x0.1"
    /// without Unicode); "×0.03 auto" when the program picked it for the wait under way
    /// (play-testers saw ×0.03, ×0.01, ×0.003 and ×0.3 on four steps and took it for a
    /// fault: each wait gets the speed that plays it in a few seconds, until the learner
    /// or the lesson picks one, which is then kept); "×0.001 slow motion" where the
    /// lesson slows the play around an event.
    func speedLabel(unicode: Bool, at time: SimTime? = nil) -> String {
        let slow = time.flatMap { time in slowdowns.first { $0.span.contains(time) } }
        let shown = slow?.speed ?? speed
        let label = (unicode ? "×" : "x") + (shown >= 1 ? String(Int(shown)) : String(shown))
        if slow != nil { return label + " slow motion" }
        return speedChosen || speedPaced ? label : label + " auto"
    }

    mutating func faster() {
        speedIndex = min(Self.speeds.count - 1, speedIndex + 1)
        speedChosen = true
    }

    mutating func slower() {
        speedIndex = max(0, speedIndex - 1)
        speedChosen = true
    }

    /// How long, in wall time, playing what is under way should take at the chosen speed.
    static let comfortablePlay: Double = 8

    /// Picks the speed that plays `duration` of simulated time in about eight seconds,
    /// unless the learner or the lesson has picked one. When one wait follows another
    /// that played (`slowing` false), the speed may go up for a long wait but never down
    /// by itself: the last 24 ms of a swarm played at ×1 would otherwise turn the speed
    /// the learner was watching into ×0.003 at the moment the first peer finishes.
    mutating func suggest(forDuration duration: SimTime, slowing: Bool = true) {
        guard !speedChosen, !speedPaced, duration > 0 else { return }
        let wanted = Double(duration) / 1e6 / Self.comfortablePlay
        let suggested = Self.speeds.indices.min { abs(log10(Self.speeds[$0] / wanted)) < abs(log10(Self.speeds[$1] / wanted)) } ?? speedIndex
        speedIndex = slowing ? suggested : max(speedIndex, suggested)
    }

    /// The longest the class waits, in wall seconds, to see the first thing move when a
    /// wait plays at a speed chosen for it.
    static let firstMotion: Double = 0.25

    /// Raises a speed chosen for the wait under way (not one the learner or the lesson
    /// picked) so that the stage's first change, `delay` of simulated time away, shows
    /// within `firstMotion`: a single 10 ms trip spread over eight seconds would look
    /// frozen to a class. One step up the list at most: a wait whose first change is far
    /// off (a client waiting out its timeout) is not rushed through.
    mutating func quicken(firstChangeIn delay: SimTime) {
        guard !speedChosen, !speedPaced, delay > 0 else { return }
        let wanted = Double(delay) / 1e6 / Self.firstMotion
        guard speed < wanted else { return }
        speedIndex = min(speedIndex + 1, Self.speeds.count - 1)
    }

    /// The speed in force at `time`, and when it next changes (nil: it does not).
    func pace(at time: SimTime) -> (speed: Double, until: SimTime?) {
        if let slow = slowdowns.first(where: { $0.span.contains(time) }) { return (slow.speed, slow.span.upperBound) }
        return (speed, slowdowns.first { $0.span.lowerBound > time }?.span.lowerBound)
    }

    /// Where the clock gets from `start` in `wall` microseconds of wall time, at the speed
    /// in force along the way: exactly the chosen speed, slower through slow motion.
    func advance(from start: SimTime, wall: Int64) -> SimTime {
        var time = start, left = Double(wall)
        while left > 0 {
            let (speed, until) = pace(at: time)
            let reach = Double(time) + left * speed
            guard let until, Double(until) < reach else {
                time = SimTime(reach.rounded())
                break
            }
            left -= Double(until - time) / speed
            time = until
        }
        return max(start + 1, time)
    }

    /// A glide from `from` to `to` at the current speed, capped so no step drags on.
    func glide(from: SimTime, to: SimTime) -> Glide? {
        guard to > from else { return nil }
        let natural = Double(to - from) / speed
        return Glide(from: from, to: to, elapsed: 0, duration: Int64(min(Double(Self.longestGlide), natural.rounded())))
    }
}
