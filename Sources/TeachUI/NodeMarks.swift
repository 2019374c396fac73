import NetSim

/// What the stage marks on each node at an instant, read from the simulation and from
/// the events up to that instant: the same moment always gets the same marks, after a
/// step back too, however it was reached.
///
/// Standing marks last as long as their cause: down, left, a peer with no source left for a chunk, a full queue, a cache fetching
/// what it missed (its word is "miss: fetching": once the copy is in, it says nothing
/// true), a malicious or poisoned node, a node that has rejected chunks (with how many),
/// the relay of a call, a client whose request that ended last was refused or given up
/// (until it makes a newer one, or holds the file of a swarm it joined), a client whose
/// latest request has no way to leave it (and a node sending anything with no way).
/// Momentary marks last a moment of simulated time after their event (see
/// `nodes(markedBy:at:)`):
/// - a drop, at the server that dropped the request (not at its client, which did
///   nothing wrong and goes on waiting), while the backlog that caused it is worked off
///   (the server's service time for each place in its queue, and the one in service);
/// - a lost request, at its client until the client stops waiting for it (its timeout,
///   counted from when it was sent); any other lost message, for as long as it travelled;
/// - a cache's hit, at the cache, for `cacheMoment`.
struct NodeMarks {
    /// The most recent events searched for momentary marks: enough for any lesson's
    /// moment, and a bound on what a busy swarm costs per frame.
    static let recentEvents = 1_024

    /// How long a cache's hit stays marked: a cache answers its clients within
    /// a few milliseconds, too briefly to see at the pace a lesson plays a crowd, while a
    /// quarter of a second is seen even as single requests trickle in.
    static let cacheMoment: SimTime = 250_000

    private var momentary: [NodeID: [StageMark]] = [:]
    private let outcomes: [NodeID: RequestOutcome]
    private let stranded: Set<NodeID>
    /// Nodes whose message (or a client's latest request) has no way to leave them.
    private let cannotSend: Set<NodeID>
    private let relays: Set<NodeID>
    /// Clients some up server with access control leaves off its list.
    private let unlisted: Set<NodeID>
    /// A peer still in the swarm lacks chunks: those with the whole file are marked.
    private let swarmUnfinished: Bool
    private let simulation: Simulation

    init(_ frame: Frame, reports: Slice<EventReports>) {
        simulation = frame.simulation
        let running = frame.simulation
        outcomes = running.settledRequestOutcomes
        stranded = running.strandedMembers
        cannotSend = running.clientsAskingWithNoWay.union(frame.inFlight.filter { !running.hasWay($0.from, $0.to) }.map(\.from))
        relays = Set(running.relayedCalls.map(\.relay))
        unlisted = running.clientsOffAccessLists
        swarmUnfinished = running.swarmUnfinished
        var index = reports.endIndex
        let oldest = max(reports.startIndex, reports.endIndex - Self.recentEvents)
        let events = reports.base // read once: each read of `base` is a copy
        while index > oldest {
            index -= 1
            // Most events leave no mark: look at the kind before copying the report.
            let kind = events.kind(at: index)
            guard kind == .dropped || kind == .lost || kind == .hit else { continue }
            let report = reports[index]
            guard let node = report.node, let until = until(report), frame.time <= until else { continue }
            // A message with no way to its receiver never left: its sender's `noLink` says so.
            if kind == .lost, let message = report.message, !running.hasWay(message.from, message.to) { continue }
            let mark: StageMark = switch kind {
            case .dropped: .dropped
            case .lost: .lost
            default: .hit
            }
            for marked in nodes(markedBy: report, at: node) where momentary[marked]?.contains(mark) != true {
                momentary[marked, default: []].append(mark)
            }
        }
    }

    /// Until when an event's mark lasts; nil for events that leave none.
    private func until(_ report: StepReport) -> SimTime? {
        switch report.kind {
        case .dropped:
            guard let node = report.node else { return nil }
            let config = simulation.network.nodes[node.rawValue]
            return report.time + config.serviceTime * SimTime(min(config.queueLimit, 1_000) + 1)
        case .lost:
            guard let message = report.message else { return nil }
            let travelled = report.time + max(0, message.arrives - message.departs)
            guard message.kind == .request, let timeout = simulation.network.nodes[message.from.rawValue].timeout else { return travelled }
            // Until the client stops waiting: at its timeout it retries or gives up.
            return max(travelled, message.departs + timeout - 1)
        case .hit:
            return report.time + Self.cacheMoment
        default:
            return nil
        }
    }

    /// The nodes an event marks. A drop: the server. A lost request or answer: the
    /// client it was for (the server is down, or its link cut, which have marks of their
    /// own); any other lost message, its receiver. A hit: the cache.
    private func nodes(markedBy report: StepReport, at node: NodeID) -> [NodeID] {
        guard let message = report.message else { return [node] }
        let asker: NodeID? = switch message.kind {
        case .request: message.from
        case .response, .refused: message.to
        default: nil
        }
        switch report.kind {
        case .lost: return [asker ?? node]
        default: return [node]
        }
    }

    /// The node's marks, most important first.
    func marks(of state: NodeState) -> [StageMark] {
        if state.hasLeft { return [.left] }
        let part = simulation.swarmPart(of: state.id)
        var marks: [StageMark] = []
        if !state.isUp { marks.append(.down) }
        if part?.departed == true, state.isUp { marks.append(.left) }
        if state.isUp, stranded.contains(state.id) { marks.append(.stranded) }
        let recent = momentary[state.id] ?? []
        if recent.contains(.dropped) { marks.append(.dropped) }
        if recent.contains(.lost) { marks.append(.lost) }
        if cannotSend.contains(state.id) { marks.append(.noLink) }
        let limit = state.config.queueLimit
        if limit > 0, limit < .max, state.queueLength >= limit { marks.append(.queueFull) }
        if simulation.rejectedChunks(at: state.id) > 0 { marks.append(.rejected) }
        if state.cache?.fetching.isEmpty == false { marks.append(.miss) }
        if recent.contains(.hit) { marks.append(.hit) }
        if state.malicious { marks.append(.malicious) }
        if state.corruptChunks > 0 { marks.append(.poisoned) }
        if relays.contains(state.id) { marks.append(.relay) }
        if state.accessControl, state.isUp { marks.append(.accessList) }
        if swarmUnfinished, part?.isSeed == false, part?.departed == false, state.isUp, state.chunkCount > 0, state.chunksHeld >= state.chunkCount {
            marks.append(.whole)
        }
        // A client's last request speaks for it until it has what it asked for another
        // way: the file of a swarm it joined.
        if part == nil || (part?.isSeed == false && state.completedAt == nil) {
            switch outcomes[state.id] {
            case .gaveUp: marks.append(.gaveUp)
            case .refused: marks.append(.refused)
            default: break
            }
        }
        if unlisted.contains(state.id) { marks.append(.unlisted) }
        return marks
    }

    /// The node's part in the swarm, kept once it has left.
    func swarmRole(of id: NodeID) -> SwarmRole? {
        // A member that left is still drawn as what it was in the swarm, with its `left`
        // mark: drawn as its configured role, a peer would turn into a client as it goes.
        guard let part = simulation.swarmPart(of: id) else { return nil }
        return part.isSeed ? .seed : .peer
    }
}
