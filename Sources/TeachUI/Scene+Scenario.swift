import NetSim

extension Scene {
    /// How a client's request ended belongs to the scenario and the step the request was
    /// made in: once a lesson begins a new scenario (a swarm or a `reset`, at `start`) or
    /// a new step (after event `firstReport` of `reports`), a client is marked refused or
    /// gave up only for what happened since, so a quiz at the start of the next step, or
    /// the new scenario, has a clean stage, as the answers drawn where they arrived do.
    /// `reports` are the events up to the instant shown; only those since both are read,
    /// and only when some client carries such a mark.
    mutating func keepOutcomes(since start: SimTime?, fromReport firstReport: Int, reports: Slice<EventReports>) {
        let outcomes: [StageMark] = [.refused, .gaveUp]
        guard nodes.contains(where: { $0.marks.contains(where: outcomes.contains) }) else { return }
        var recent: [Int: [StageMark]] = [:]
        var index = reports.endIndex
        while index > max(reports.startIndex, firstReport) {
            index -= 1
            if let start, reports[index].time < start { break }
            switch reports[index].kind {
            case .refused:
                if let client = reports[index].message?.from { recent[client.rawValue, default: []].append(.refused) }
            case .gaveUp:
                if let client = reports[index].node { recent[client.rawValue, default: []].append(.gaveUp) }
            default:
                break
            }
        }
        for position in nodes.indices {
            let happened = recent[nodes[position].id] ?? []
            nodes[position].marks.removeAll { outcomes.contains($0) && !happened.contains($0) }
        }
    }
}
