/// What a node does in the swarm running (or last run): a seed started with the file, a
/// peer came to get it. `departed`: it has stopped taking part (it finished and did not
/// stay, went down, or was removed).
public struct SwarmPart: Sendable, Hashable {
    public let isSeed: Bool
    public let departed: Bool
}

/// How a client's latest request ended, as far as it knows now.
public enum RequestOutcome: Sendable, Hashable {
    case waiting, answered, refused, gaveUp
}

/// A call relayed between two peers (`CallCommand`): being set up while its set-up
/// messages travel, connected once the relay has told the caller, for as long as its
/// three nodes are up and the links between them carry messages.
public struct RelayedCall: Sendable, Hashable {
    public let caller: NodeID
    public let callee: NodeID
    public let relay: NodeID
    public let connected: Bool
}

/// Facts the stage's marks need that no protocol keeps, noted as events happen: values
/// in the simulation, so a snapshot keeps them and a step back restores them with it.
struct MarkFacts: Equatable, Sendable {
    /// Chunks each node threw away on a hash mismatch in the swarm running or last run.
    private(set) var rejections: [NodeID: Int] = [:]
    /// For each client, the id of its request that ended last (answered, refused or
    /// given up), which may be older than its latest request.
    private(set) var lastEnded: [NodeID: Int] = [:]

    mutating func note(_ happening: Happening) {
        guard happening.kind == .rejected, let node = happening.node else { return }
        rejections[node, default: 0] += 1
    }

    /// A new swarm starts: what was rejected belongs to the one before.
    mutating func swarmStarted() {
        rejections = [:]
    }

    mutating func ended(_ request: Int, of client: NodeID) {
        lastEnded[client] = request
    }
}

/// Read-only views the stage draws its marks from: who takes part in the swarm and as
/// what, who is sending now, how each client's latest request ended, who has left.
extension Simulation {
    /// The messages whose bits are leaving their sender now (a transfer under way at a
    /// positive rate), oldest first: who uploads at this instant, as the upload gauges
    /// count it. A message whose last bit has left, only travelling now, is not one; nor
    /// is one sent on latency alone (between nodes without capacity limits).
    public var transmitting: [Message] {
        flights.messages(where: { flight in flight.transfer.map { transfers.rate(of: $0) > 0 } ?? false }) { $0.message }
    }

    /// How many of the messages on their way each node sends (indexed by node id) that
    /// `include` picks, told whether the message is `transmitting` (its bits still
    /// leaving): counted without building a message, as a display counts its senders
    /// every frame.
    public func senderCounts(where include: (_ message: Message, _ transmitting: Bool) -> Bool) -> [Int] {
        var counts = Array(repeating: 0, count: nodes.count)
        flights.forEach { flight in
            let transmitting = flight.transfer.map { transfers.rate(of: $0) > 0 } ?? false
            if include(flight.message, transmitting) { counts[flight.message.from.rawValue] += 1 }
        }
        return counts
    }

    /// The node's part in the swarm running or last run; nil when it is not a member.
    public func swarmPart(of id: NodeID) -> SwarmPart? {
        guard let member = swarm.member(id) else { return nil }
        return SwarmPart(isSeed: swarm.status[member].isSeed, departed: swarm.status[member].departed)
    }

    /// Members still in the swarm, not done, that lack a chunk no member still in it
    /// holds: they cannot finish unless a holder comes back (a seed that failed early).
    public var strandedMembers: Set<NodeID> {
        let nowhere = (0..<swarm.availability.count).filter { swarm.availability[$0] <= 0 }
        guard !nowhere.isEmpty else { return [] }
        var stranded: Set<NodeID> = []
        for member in swarm.members.indices where !swarm.status[member].departed && !swarm.status[member].isSeed {
            if nowhere.contains(where: { !swarm.have.contains(row: member, column: $0) }) { stranded.insert(swarm.members[member]) }
        }
        return stranded
    }

    /// For every client with a request that has ended, how the one that ended last
    /// ended, unless a request it made after that one is still waiting (then it waits):
    /// a client that gave up on one request while later ones were answered (a page
    /// nobody could fetch, among pages that came) has still given up on it.
    public var settledRequestOutcomes: [NodeID: RequestOutcome] {
        markFacts.lastEnded.compactMapValues { id in
            guard let record = requests.records[id] else { return nil }
            if let latest = requests.records.latestByClient[record.client], latest > id,
               requests.records[latest]?.state == .waiting { return .waiting }
            switch record.state {
            case .waiting: return .waiting
            case .answered: return .answered
            case .refused: return .refused
            case .failed: return .gaveUp
            }
        }
    }

    /// Chunks the node threw away because they failed their hash check, in the swarm
    /// running or last run.
    public func rejectedChunks(at id: NodeID) -> Int {
        markFacts.rejections[id] ?? 0
    }

    /// Whether the network gives `a` any way to send to `b`: a link between them (up or
    /// cut), or a full mesh. Without one a message cannot leave its sender at all.
    public func hasWay(_ a: NodeID, _ b: NodeID) -> Bool {
        a == b || network.fullMesh || links[LinkKey(a, b)] != nil
    }

    /// Clients whose latest request went to a node they have no way to reach
    /// (`hasWay`): it could not leave them, while they wait and once they gave up.
    public var clientsAskingWithNoWay: Set<NodeID> {
        var clients: Set<NodeID> = []
        for (client, id) in requests.records.latestByClient {
            guard let record = requests.records[id], record.state == .waiting || record.state == .failed,
                  !hasWay(client, record.server) else { continue }
            clients.insert(client)
        }
        return clients
    }

    /// The relayed calls being set up or connected now, in the order they were placed;
    /// a call whose caller, callee or relay is down, or whose links are cut, is over.
    public var relayedCalls: [RelayedCall] {
        guard !calls.isEmpty else { return [] }
        var settingUp: Set<Int> = []
        flights.forEach { flight in
            if case let .calls(payload) = flight.payload { settingUp.insert(payload.call) }
        }
        return calls.indices.compactMap { index in
            let call = calls[index]
            guard [call.caller, call.callee, call.relay].allSatisfy({ nodes[$0.rawValue].isUp }),
                  routeLatency(call.caller, call.relay) != nil, routeLatency(call.relay, call.callee) != nil else { return nil }
            let connected = metrics.calls.contains {
                $0.caller == call.caller && $0.callee == call.callee && $0.relay == call.relay && $0.started == call.started
            }
            guard connected || settingUp.contains(index) else { return nil }
            return RelayedCall(caller: call.caller, callee: call.callee, relay: call.relay, connected: connected)
        }
    }
    public var latestRequestOutcomes: [NodeID: RequestOutcome] {
        requests.records.latestByClient.mapValues { id in
            switch requests.records[id]!.state {
            case .waiting: .waiting
            case .answered: .answered
            case .refused: .refused
            case .failed: .gaveUp
            }
        }
    }

    /// Whether a peer still in the swarm (not a seed) lacks chunks: while one does, those
    /// holding the whole file are worth marking.
    public var swarmUnfinished: Bool { swarm.isActive }

    /// Clients that a server checking access (up, access control on) does not have on
    /// its list: whatever they ask it is refused. Marked as soon as the list changes, not
    /// only once a refusal comes back.
    public var clientsOffAccessLists: Set<NodeID> {
        let checking = nodes.indices.map(NodeID.init).filter { nodes[$0.rawValue].isUp && access[$0].enabled }
        guard !checking.isEmpty else { return [] }
        var off: Set<NodeID> = []
        for index in network.nodes.indices where network.nodes[index].role == .client {
            let client = NodeID(index)
            if checking.contains(where: { !access[$0].granted.contains(client) }) { off.insert(client) }
        }
        return off
    }

    /// Nodes that have left the network for good, in order.
    public var departedNodes: [NodeID] {
        nodes.indices.filter { nodes[$0].hasLeft }.map(NodeID.init)
    }
}
