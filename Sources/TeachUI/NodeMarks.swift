import NetSim

/// What the stage marks on each node at an instant, read from the simulation and from
/// the events up to that instant: the same moment always gets the same marks, after a
/// step back too, however it was reached.
///
/// Standing marks last as long as their cause: down, left, a full queue, a malicious or
/// poisoned node, a client whose latest request was refused or given up. Momentary marks
/// last a moment of simulated time after their event: a drop stays at the server while
/// the backlog that caused it is worked off (its service time for each place in the
/// queue, and the one in service), a rejected chunk at its receiver for as long as the
/// chunk took to arrive.
struct NodeMarks {
    /// The most recent events searched for momentary marks: enough for any lesson's
    /// moment, and a bound on what a busy swarm costs per frame.
    static let recentEvents = 1_024

    private var momentary: [NodeID: [StageMark]] = [:]
    private let outcomes: [NodeID: RequestOutcome]
    private let simulation: Simulation

    init(_ frame: Frame, reports: Slice<EventReports>) {
        simulation = frame.simulation
        outcomes = frame.simulation.latestRequestOutcomes
        var index = reports.endIndex
        let oldest = max(reports.startIndex, reports.endIndex - Self.recentEvents)
        while index > oldest {
            index -= 1
            // Most events leave no mark: look at the kind before copying the report.
            let kind = reports.base.kind(at: index)
            guard kind == .dropped || kind == .rejected else { continue }
            let report = reports[index]
            guard let node = report.node, let hold = hold(of: report), frame.time - report.time <= hold else { continue }
            let mark: StageMark = kind == .dropped ? .dropped : .rejected
            if momentary[node]?.contains(mark) != true { momentary[node, default: []].append(mark) }
        }
    }

    /// How long an event's mark lasts; nil for events that leave none.
    private func hold(of report: StepReport) -> SimTime? {
        switch report.kind {
        case .dropped:
            guard let node = report.node else { return nil }
            let config = simulation.network.nodes[node.rawValue]
            return config.serviceTime * SimTime(min(config.queueLimit, 1_000) + 1)
        case .rejected:
            return report.message.map { $0.arrives - $0.departs }
        default:
            return nil
        }
    }

    /// The node's marks, most important first.
    func marks(of state: NodeState) -> [StageMark] {
        if state.hasLeft { return [.left] }
        let part = simulation.swarmPart(of: state.id)
        var marks: [StageMark] = []
        if !state.isUp { marks.append(.down) }
        if part?.departed == true, state.isUp { marks.append(.left) }
        let recent = momentary[state.id] ?? []
        if recent.contains(.dropped) { marks.append(.dropped) }
        let limit = state.config.queueLimit
        if limit > 0, limit < .max, state.queueLength >= limit { marks.append(.queueFull) }
        if recent.contains(.rejected) { marks.append(.rejected) }
        if state.malicious { marks.append(.malicious) }
        if state.corruptChunks > 0 { marks.append(.poisoned) }
        // A client's last request speaks for it until it takes part in a swarm.
        if part == nil {
            switch outcomes[state.id] {
            case .gaveUp: marks.append(.gaveUp)
            case .refused: marks.append(.refused)
            default: break
            }
        }
        return marks
    }

    /// The node's part in the swarm, while it takes part.
    func swarmRole(of state: NodeState) -> SwarmRole? {
        guard let part = simulation.swarmPart(of: state.id), !part.departed else { return nil }
        return part.isSeed ? .seed : .peer
    }
}
