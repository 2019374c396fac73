import NetSim
import Yams

/// How a `request` spreads its requests over time: `rate: [1/s for 10s, 50/s for 20s]`,
/// a flash crowd. Each phase sends requests evenly at its rate for its duration, the
/// nodes of `from` taking turns, starting when the action runs.
struct RequestPattern: Sendable, Hashable {
    struct Phase: Sendable, Hashable {
        /// Requests per simulated second, all of `from` together.
        var perSecond: Double
        var duration: SimTime
        /// As written, for summaries: "50/s for 20s".
        var source: String
    }

    var phases: [Phase]

    /// When each request goes out, from the pattern's start: phase after phase, the first
    /// request of a phase at its start.
    var offsets: [SimTime] {
        var result: [SimTime] = []
        var start: SimTime = 0
        for phase in phases {
            var index = 0
            while true {
                let offset = SimTime((Double(index) / phase.perSecond * 1e6).rounded())
                guard offset < phase.duration else { break }
                result.append(start + offset)
                index += 1
            }
            start += phase.duration
        }
        return result
    }

    /// How many requests the pattern sends, without listing them.
    var requestCount: Double {
        phases.reduce(0) { $0 + ($1.perSecond * Double($1.duration) / 1e6).rounded(.up) }
    }

    static let example = "like 'rate: [1/s for 10s, 50/s for 20s]': requests a second (or '/min' a minute), 'for', and how long"

    /// `rate:`'s value: one phase or a list of them.
    static func parse(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> RequestPattern? {
        var phases: [Phase] = []
        for item in reader.list(node) {
            guard let text = reader.text(item, "a rate", log: &log) else { return nil }
            guard let phase = phase(text) else {
                log.error("'\(text)' is not a rate over a time: write it \(example)", at: reader.location(item))
                return nil
            }
            phases.append(phase)
        }
        guard !phases.isEmpty else {
            log.error("'rate' lists how the requests come, \(example)", at: reader.location(node))
            return nil
        }
        let pattern = RequestPattern(phases: phases)
        guard pattern.requestCount <= Double(LessonLimits.patternRequests) else {
            log.error("this pattern sends \(Int(pattern.requestCount)) requests; a request pattern may send at most \(LessonLimits.patternRequests)", at: reader.location(node))
            return nil
        }
        return pattern
    }

    private static func phase(_ text: String) -> Phase? {
        let parts = text.split(separator: " for ", maxSplits: 1).map { $0.trimmingCharacters() }
        guard parts.count == 2, let slash = parts[0].firstIndex(of: "/"),
              let count = Double(parts[0][..<slash].trimmingCharacters()), count.isFinite, count > 0 else { return nil }
        let unit = parts[0][parts[0].index(after: slash)...].trimmingCharacters()
        let perSecond: Double
        switch unit {
        case "s": perSecond = count
        case "min": perSecond = count / 60
        default: return nil
        }
        guard let duration = try? Units.duration(parts[1]), duration > 0, duration <= LessonLimits.simulatedTime else { return nil }
        return Phase(perSecond: perSecond, duration: duration, source: "\(parts[0]) for \(parts[1])")
    }
}
