/// One-line descriptions of events for the event list.
extension Simulation {
    func describe(_ happening: Happening) -> String {
        let at = happening.node.map(name) ?? ""
        let what = happening.request.map { requests.records[$0]!.what } ?? happening.message?.label ?? ""
        let client = happening.request.map { name(requests.records[$0]!.client) } ?? ""
        switch happening.kind {
        case .transmitted, .delivered, .completed, .lost:
            guard let message = happening.message else { return "\(at): \(happening.kind.rawValue)" }
            let route = "\(name(message.from)) → \(name(message.to)): \(message.label)"
            // The kind in words, unless the label already begins with them ("chunk 3/40").
            let kind = message.label.hasPrefix(message.kind.title) ? [] : [message.kind.title]
            let details = (kind + (message.bits > 0 ? [Units.format(bits: message.bits)] : [])).joined(separator: ", ")
            let about = details.isEmpty ? "" : " (\(details))"
            switch happening.kind {
            case .transmitted: return "\(route)\(about) sent, travelling"
            case .completed: return "\(route) arrived: \(name(message.to)) has the whole file"
            case .lost: return "\(route) lost: \(lossReason(message))"
            default: return "\(route)\(about)"
            }
        case .accepted: return "\(at) starts on \(what) from \(client)"
        case .queued: return "\(at) queues \(what) from \(client) (\(requests.servers[happening.node!].waiting.count) waiting)"
        case .dropped: return "\(at) drops \(what) from \(client): queue full"
        case .refused: return "\(at) refuses \(what) from \(client): no permission"
        case .served: return "\(at) answers \(what) for \(client)"
        case .timedOut: return "\(at) timed out waiting for \(what); sending again (attempt \(requests.records[happening.request!]!.attempt))"
        case .gaveUp: return "\(at) gave up on \(what)"
        case .rejected: return "\(at) rejects \(what): hash mismatch"
        case .rechoked: return "every swarm member re-chooses whom to upload to"
        case .found: return "\(at) found \(what)"
        case .connected: return "\(at): call connected"
        case .timer: return "timer"
        case .left: return "\(at) left the network"
        case .hit: return "\(at) has a fresh copy of \(what) for \(client): a hit"
        case .miss: return "\(at) has no fresh copy of \(what) for \(client): a miss, \(cacheMissAction(at: happening.node!, what: what))"
        }
    }

    private func lossReason(_ message: Message) -> String {
        if !nodes[message.to.rawValue].isUp { return "\(name(message.to)) is down" }
        if routeLatency(message.from, message.to) == nil { return "no link between them" }
        return "the connection broke"
    }
}
