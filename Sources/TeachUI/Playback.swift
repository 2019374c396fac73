#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NetSim

/// How simulated time moves on screen: paused or playing at a chosen speed, and the short
/// glide that carries messages to where one single step leaves them.
struct Playback: Hashable, Sendable {
    /// Simulated seconds per second of wall time, slowest first. Requests take
    /// milliseconds and a swarm minutes, so the range is wide.
    static let speeds: [Double] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000]
    static let defaultSpeedIndex = 4
    /// The longest a single step's glide takes, in wall microseconds: long enough to see
    /// the message travel, short enough that stepping stays brisk.
    static let longestGlide: Int64 = 450_000

    var speedIndex = Playback.defaultSpeedIndex
    /// The learner set the speed: it is no longer chosen for them.
    var speedChosen = false
    var playing = false
    var glide: Glide?

    /// Messages travelling from one simulated instant to the next after a single step,
    /// drawn from the state before the step until the glide ends.
    struct Glide: Hashable, Sendable {
        var from: SimTime
        var to: SimTime
        var elapsed: Int64
        var duration: Int64
        /// It carries a play to the event where the play stopped: to the learner, still
        /// playing.
        var endsPlay = false

        /// The simulated instant shown now.
        var time: SimTime {
            guard duration > 0 else { return to }
            let fraction = min(1, Double(elapsed) / Double(duration))
            return from + SimTime((Double(to - from) * fraction).rounded())
        }

        var isOver: Bool { elapsed >= duration }
    }

    var speed: Double { Self.speeds[speedIndex] }

    /// "×0.1", "×30" ("x0.1" without Unicode).
    func speedLabel(unicode: Bool) -> String {
        let text = speed >= 1 ? String(Int(speed)) : String(speed)
        return (unicode ? "×" : "x") + text
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
    /// unless the learner has picked one.
    mutating func suggest(forDuration duration: SimTime) {
        guard !speedChosen, duration > 0 else { return }
        let wanted = Double(duration) / 1e6 / Self.comfortablePlay
        speedIndex = Self.speeds.indices.min { abs(log10(Self.speeds[$0] / wanted)) < abs(log10(Self.speeds[$1] / wanted)) } ?? speedIndex
    }

    /// Simulated microseconds that `wall` microseconds of wall time stand for.
    func simulated(wall: Int64) -> SimTime {
        SimTime((Double(wall) * speed).rounded())
    }

    /// A glide from `from` to `to` at the current speed, capped so no step drags on.
    func glide(from: SimTime, to: SimTime) -> Glide? {
        guard to > from else { return nil }
        let natural = Double(to - from) / speed
        return Glide(from: from, to: to, elapsed: 0, duration: Int64(min(Double(Self.longestGlide), natural.rounded())))
    }
}
