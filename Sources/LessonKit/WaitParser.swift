import Foundation
import NetSim
import Yams

/// Reads a `run` entry: how long the simulation goes on before the script continues.
///
/// `run: idle`, `run: 500ms` (that much time passes), `run: { until: queue-full }`,
/// `run: { until: "server.queue >= 6", budget: 50000 }`, `run: { events: 10 }`,
/// `run: { event: dropped }`; any of them may set how the screen plays it:
/// `run: { until: idle, speed: 0.01, slow: { around: dropped, speed: 0.001, window: 5ms } }`.
struct WaitParser {
    static let fields = ["until", "for", "events", "event", "node", "budget", "speed", "slow"]
    static let keywords = ["idle", "delivered", "queue-full", "all-done"]

    let reader: YAMLReader
    let values: LiveValueParser

    func parse(_ node: Node, log: inout DiagnosticLog) -> Wait? {
        if case .scalar = node {
            guard let text = reader.text(node, "run", log: &log) else { return nil }
            if let duration = try? Units.duration(text) {
                return Wait(condition: .duration(duration), budget: Wait.defaultBudget, source: "for: \(text)")
            }
            return until(text, node: node, queueNode: nil, budget: Wait.defaultBudget, log: &log)
        }
        guard let fields = reader.fields(node, of: "run", allowed: Self.fields, log: &log) else { return nil }
        var budget = Wait.defaultBudget
        if let value = fields["budget"] {
            guard let parsed = reader.integer(value, "budget", in: 1...Wait.maximumBudget, log: &log) else { return nil }
            budget = parsed
        }
        let kinds = ["until", "for", "events", "event"].filter(fields.has)
        guard kinds.count == 1 else {
            log.error(kinds.isEmpty
                      ? "run needs one of 'until', 'for', 'events' or 'event'"
                      : "run takes only one of \(kinds.map { "'\($0)'" }.joined(separator: ", "))",
                      at: reader.location(node))
            return nil
        }
        var queueNode: String?
        if let value = fields["node"] {
            guard let server = TargetResolver(reader: reader, scope: values.scope).node(value, log: &log) else { return nil }
            queueNode = server
        }
        var speed: Double?
        if let value = fields["speed"] {
            guard let parsed = Self.speed(value, reader: reader, log: &log) else { return nil }
            speed = parsed
        }
        var slow: SlowMotion?
        if let value = fields["slow"] {
            guard let parsed = Self.slowMotion(value, reader: reader, log: &log) else { return nil }
            slow = parsed
        }
        var wait = condition(kinds[0], fields[kinds[0]]!, queueNode: queueNode, budget: budget, log: &log)
        wait?.speed = speed
        wait?.slow = slow
        return wait
    }

    /// A speed the screen offers, as a lesson writes it: `0.01` (or `x0.01`).
    static func speed(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> Double? {
        guard let text = reader.text(node, "speed", log: &log) else { return nil }
        let number = text.hasPrefix("x") || text.hasPrefix("×") ? String(text.dropFirst()) : text
        guard let speed = Double(number), PlaySpeed.all.contains(speed) else {
            log.error("speed '\(text)' is not one the screen offers; use one of \(PlaySpeed.listed) (simulated seconds per second)", at: reader.location(node))
            return nil
        }
        return speed
    }

    /// `slow: dropped`, or `slow: { around: dropped, speed: 0.001, window: 5ms }`.
    static func slowMotion(_ node: Node, reader: YAMLReader, log: inout DiagnosticLog) -> SlowMotion? {
        let aroundNode: Node
        var slow = SlowMotion(around: .dropped)
        if case .scalar = node {
            aroundNode = node
        } else {
            guard let fields = reader.fields(node, of: "slow", allowed: ["around", "speed", "window"], log: &log),
                  let around = reader.require("around", in: fields, of: "slow", log: &log) else { return nil }
            aroundNode = around
            if let value = fields["speed"] {
                guard let speed = speed(value, reader: reader, log: &log) else { return nil }
                slow.speed = speed
            }
            if let value = fields["window"] {
                guard let window = reader.duration(value, "window", log: &log) else { return nil }
                guard window > 0 else {
                    log.error("window is how long before and after the event the run plays slowly; it must be more than 0", at: reader.location(value))
                    return nil
                }
                slow.window = window
            }
        }
        guard let name = reader.text(aroundNode, "around", log: &log) else { return nil }
        guard let kind = EventNames.kind(named: name) else {
            log.error("unknown event '\(name)'\(Suggestion.phrase(for: name, in: EventNames.all)); expected \(EventNames.all.joined(separator: ", "))", at: reader.location(aroundNode))
            return nil
        }
        slow.around = kind
        return slow
    }

    private func condition(_ kind: String, _ value: Node, queueNode: String?, budget: Int, log: inout DiagnosticLog) -> Wait? {
        switch kind {
        case "for":
            return reader.duration(value, "for", log: &log).map {
                Wait(condition: .duration($0), budget: budget, source: "for: \(Units.format(duration: $0))")
            }
        case "events":
            return reader.integer(value, "events", in: 1...Wait.maximumBudget, log: &log).map {
                Wait(condition: .events($0), budget: max(budget, $0), source: "events: \($0)")
            }
        case "event":
            guard let name = reader.text(value, "event", log: &log) else { return nil }
            guard let kind = EventNames.kind(named: name) else {
                log.error("unknown event '\(name)'\(Suggestion.phrase(for: name, in: EventNames.all)); expected \(EventNames.all.joined(separator: ", "))", at: reader.location(value))
                return nil
            }
            return Wait(condition: .event(kind), budget: budget, source: "event: \(name)")
        default:
            guard let text = reader.text(value, "until", log: &log) else { return nil }
            if let time = try? Units.duration(text) {
                return Wait(condition: .time(time), budget: budget, source: "until: \(text)")
            }
            return until(text, node: value, queueNode: queueNode, budget: budget, log: &log)
        }
    }

    private func until(_ text: String, node: Node, queueNode: String?, budget: Int, log: inout DiagnosticLog) -> Wait? {
        let source = "until: \(text)"
        switch text {
        case "idle": return Wait(condition: .idle, budget: budget, source: source)
        case "delivered": return Wait(condition: .delivered, budget: budget, source: source)
        case "queue-full": return Wait(condition: .queueFull(queueNode), budget: budget, source: source)
        case "all-done": return Wait(condition: .allDone, budget: budget, source: source)
        default: break
        }
        guard let comparison = Wait.Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
            .first(where: { text.contains($0.rawValue) }) else {
            log.error("'\(text)' is not a condition\(Suggestion.phrase(for: text, in: Self.keywords)); expected \(Self.keywords.joined(separator: ", ")), a time like 2s, or a comparison like 'server.queue >= 6'",
                      at: reader.location(node))
            return nil
        }
        let sides = text.components(separatedBy: comparison.rawValue)
        guard sides.count == 2 else {
            log.error("a comparison has one operator: 'server.queue >= 6'", at: reader.location(node))
            return nil
        }
        let right = sides[1].trimmingCharacters()
        guard let value = values.parse(sides[0], at: reader.location(node), log: &log) else { return nil }
        guard value.span == .lesson else {
            log.error("'\(value.source)': a wait compares a value as it is now; write it without 'step.' or '@'", at: reader.location(node))
            return nil
        }
        if case .curve = value.subject {
            log.error("'\(value.source)' is measured once, when its curve is drawn, and never changes while the simulation runs; a wait cannot test it", at: reader.location(node))
            return nil
        }
        guard let threshold = Double(right) ?? (try? Units.duration(right)).map(Double.init) ?? (try? Units.bits(right)) ?? (try? Units.rate(right)) else {
            log.error("'\(right)' is not a number to compare with", at: reader.location(node))
            return nil
        }
        return Wait(condition: .compare(value, comparison, threshold), budget: budget, source: source)
    }
}
