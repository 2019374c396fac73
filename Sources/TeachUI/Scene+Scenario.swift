import NetSim

extension Scene {
    /// How a client's request ended belongs to the scenario the request was made in:
    /// once a lesson begins a new one (a swarm or a `reset`, at `start`), a client is
    /// marked refused or gave up only for what happened since, so the new scenario
    /// starts on a clean stage. `reports` are the events up to the instant shown; only
    /// those since `start` are read, and only when some client carries such a mark.
    mutating func keepOutcomes(since start: SimTime, reports: Slice<EventReports>) {
        let outcomes: [StageMark] = [.refused, .gaveUp]
        guard nodes.contains(where: { $0.marks.contains(where: outcomes.contains) }) else { return }
        var recent: [Int: [StageMark]] = [:]
        var index = reports.endIndex
        while index > reports.startIndex {
            index -= 1
            guard reports[index].time >= start else { break }
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
