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
        return SwarmPart(isSeed: swarm.isSeed[member], departed: swarm.departed[member])
    }

    /// Members still in the swarm, not done, that lack a chunk no member still in it
    /// holds: they cannot finish unless a holder comes back (a seed that failed early).
    public var strandedMembers: Set<NodeID> {
        let nowhere = (0..<swarm.availability.count).filter { swarm.availability[$0] <= 0 }
        guard !nowhere.isEmpty else { return [] }
        var stranded: Set<NodeID> = []
        for member in swarm.members.indices where !swarm.departed[member] && !swarm.isSeed[member] {
            if nowhere.contains(where: { !swarm.have.contains(row: member, column: $0) }) { stranded.insert(swarm.members[member]) }
        }
        return stranded
    }

    /// For every node that has asked something, how its latest request ended.
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

    /// Nodes that have left the network for good, in order.
    public var departedNodes: [NodeID] {
        nodes.indices.filter { nodes[$0].hasLeft }.map(NodeID.init)
    }
}
