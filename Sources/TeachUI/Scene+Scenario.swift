import NetSim

extension Scene {
    /// The marks an event leaves, kept only on a stage of the step that made them.
    /// (A rejected chunk is not one: the count beside the mark is the swarm's, as the
    /// metrics panel's is, and stands with it, as a poisoned peer's mark does.)
    static let stepMarks: [StageMark] = [.refused, .gaveUp, .dropped, .lost, .hit]

    /// What an event marked (how a client's request ended, a drop, a loss, a cache's
    /// hit) belongs to the scenario and the step it happened in: once a lesson begins a
    /// new scenario (a swarm or a `reset`, at `start`: not for how a request ended) or a
    /// new step (after event `firstReport` of `reports`), a node keeps such a mark only
    /// for what happened to it since, so a quiz at the start of the next step, or the new
    /// scenario, has a clean stage, as the answers drawn where they arrived do. Going
    /// back to the step's end brings them back: they are read again from its events.
    /// `reports` are the events up to the instant shown; only those since both are read,
    /// and only when some node carries such a mark.
    mutating func keepStepMarks(since start: SimTime?, fromReport firstReport: Int, reports: Slice<EventReports>) {
        let scoped = Self.stepMarks
        guard nodes.contains(where: { $0.marks.contains(where: scoped.contains) }) else { return }
        var recent: [Int: Set<StageMark>] = [:]
        func mark(_ node: NodeID?, _ mark: StageMark) {
            if let node { recent[node.rawValue, default: []].insert(mark) }
        }
        var index = reports.endIndex
        let events = reports.base // read once: each read of `base` is a copy
        while index > max(reports.startIndex, firstReport) {
            index -= 1
            let kind = events.kind(at: index)
            guard kind == .refused || kind == .gaveUp || kind == .dropped || kind == .lost || kind == .hit else { continue }
            let report = reports[index]
            // How a client's request ended stays through a new scenario of its step: a
            // client that gave up and joined a swarm for the same thing keeps its mark
            // until it has it (`NodeMarks`).
            if let start, report.time < start, kind != .refused, kind != .gaveUp { continue }
            switch kind {
            case .refused: mark(report.message?.from, .refused)
            case .gaveUp: mark(report.node, .gaveUp)
            case .dropped: mark(report.node, .dropped)
            case .lost:
                // Marked on whoever waited for it, or on its receiver: either end.
                mark(report.node, .lost)
                mark(report.message?.from, .lost)
                mark(report.message?.to, .lost)
            default: mark(report.node, .hit)
            }
        }
        for position in nodes.indices {
            let happened = recent[nodes[position].id] ?? []
            nodes[position].marks.removeAll { scoped.contains($0) && !happened.contains($0) }
        }
    }
}
