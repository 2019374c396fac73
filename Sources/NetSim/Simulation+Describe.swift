/// One-line descriptions of events for the event list.
///
/// An event's line is read only when a list or a transcript shows it, while every event
/// of a run is reported (a swarm runs thousands a second): so an event keeps only the
/// facts of its line that the simulation will not hold later (names, counts, why a
/// message was lost), and the line itself is written when it is read.
extension Simulation {
    func describe(_ happening: Happening) -> EventSummary {
        var summary = EventSummary(at: happening.node.map(name) ?? "")
        if let request = happening.request, let record = requests.records[request] {
            summary.what = record.what
            summary.client = name(record.client)
            if happening.kind == .timedOut { summary.count = record.attempt }
        } else {
            summary.what = happening.message?.label ?? ""
        }
        if let message = happening.message {
            summary.from = name(message.from)
            summary.to = name(message.to)
        }
        switch happening.kind {
        case .queued: summary.count = requests.servers[happening.node!].waiting.count
        case .lost: summary.reason = happening.message.map(lossReason) ?? ""
        case .miss: summary.reason = cacheMissAction(at: happening.node!, what: summary.what)
        default: break
        }
        return summary
    }

    private func lossReason(_ message: Message) -> String {
        if !nodes[message.to.rawValue].isUp { return "\(name(message.to)) is down" }
        if routeLatency(message.from, message.to) == nil { return "no link between them" }
        return "the connection broke"
    }
}

/// The facts of an event's line that the simulation may not hold later, as they were when
/// the event happened; `text` writes the line from them and the report's kind and message.
struct EventSummary: Sendable, Hashable {
    /// The node where it happened, by name.
    var at: String
    /// What was asked for (or the message's label), and by which client.
    var what = ""
    var client = ""
    /// The message's sender and receiver, by name.
    var from = "", to = ""
    /// Requests waiting behind a queued one, or a retried request's attempt.
    var count = 0
    /// Why a message was lost, or what a cache does about a miss.
    var reason = ""

    /// "c3 → server: GET /report (request, 400 B)".
    func text(_ kind: EventKind, message: Message?) -> String {
        switch kind {
        case .transmitted, .delivered, .completed, .lost:
            guard let message else { return "\(at): \(kind.rawValue)" }
            let route = "\(from) → \(to): \(message.label)"
            // The kind in words, unless the label already begins with them ("chunk 3/40").
            let title = message.label.hasPrefix(message.kind.title) ? [] : [message.kind.title]
            let details = (title + (message.bits > 0 ? [Units.format(bits: message.bits)] : [])).joined(separator: ", ")
            let about = details.isEmpty ? "" : " (\(details))"
            switch kind {
            case .transmitted: return "\(route)\(about) sent, travelling"
            case .completed: return "\(route) arrived: \(to) has the whole file"
            case .lost: return "\(route) lost: \(reason)"
            default: return "\(route)\(about)"
            }
        case .accepted: return "\(at) starts on \(what) from \(client)"
        case .queued: return "\(at) queues \(what) from \(client) (\(count) waiting)"
        case .dropped: return "\(at) drops \(what) from \(client): queue full"
        case .refused: return "\(at) refuses \(what) from \(client): no permission"
        case .served: return "\(at) answers \(what) for \(client)"
        case .timedOut: return "\(at) timed out waiting for \(what); sending again (attempt \(count))"
        case .gaveUp: return "\(at) gave up on \(what)"
        case .rejected: return "\(at) rejects \(what): hash mismatch"
        case .rechoked: return "every swarm member re-chooses whom to upload to"
        case .found: return "\(at) found \(what)"
        case .connected: return "\(at): call connected"
        case .timer: return "timer"
        case .left: return "\(at) left the network"
        case .hit: return "\(at) has a fresh copy of \(what) for \(client): a hit"
        case .miss: return "\(at) has no fresh copy of \(what) for \(client): a miss, \(reason)"
        }
    }
}
