extension Simulation {
    /// Applies a command at the current time; throws, changing nothing, when the command
    /// names a node that does not exist or cannot apply.
    public mutating func perform(_ command: Command) throws(SimError) {
        defer { applyPendingRerates() }
        switch command {
        case let .setNodeUp(id, up):
            try check(id)
            try setNode(id, up: up)
        case let .setLinkUp(a, b, up):
            try check(a)
            try check(b)
            guard a != b else { throw .invalid("a link joins two different nodes") }
            try setLink(a, b, up: up)
        case let .addNode(config, neighbours):
            for neighbour in neighbours { try check(neighbour) }
            guard config.upload >= 0, config.download >= 0 else { throw .invalid("capacities cannot be negative") }
            addNode(config, linkTo: neighbours)
        case let .removeNode(id):
            try check(id)
            try removeNode(id)
        case let .setCapacity(id, upload, download):
            try check(id)
            guard (upload ?? 0) >= 0, (download ?? 0) >= 0 else { throw .invalid("capacities cannot be negative") }
            setCapacity(id, upload: upload, download: download)
        default:
            try performProtocol(command)
        }
    }

    func checkUp(_ id: NodeID) throws(SimError) {
        guard nodes[id.rawValue].isUp else { throw .invalid("\(name(id)) is down") }
    }

    /// The node as it is now.
    public func node(_ id: NodeID) -> NodeState {
        let runtime = nodes[id.rawValue]
        return NodeState(
            id: id, config: network.nodes[id.rawValue], isUp: runtime.isUp, hasLeft: runtime.hasLeft,
            queueLength: requests.servers[id].waiting.count, inService: requests.servers[id].inService != nil,
            // Sent and received so far: what finished transfers carried, and the part of
            // those under way that has already gone.
            bitsUp: transfers[id].bitsUp + transfers.uploads(of: id).reduce(0) { $0 + bitsSent(by: $1) },
            bitsDown: transfers[id].bitsDown + transfers.downloads(of: id).reduce(0) { $0 + bitsSent(by: $1) },
            uploadRate: transfers.uploads(of: id).reduce(0) { $0 + transfers.rate(of: $1) },
            downloadRate: max(0, transfers.incomingRate(of: id)),
            chunksHeld: swarm.member(id).map { swarm.status[$0].held } ?? 0, chunkCount: swarm.member(id) == nil ? 0 : swarm.config.chunks,
            corruptChunks: swarm.member(id).map { swarm.corrupt.count(row: $0) } ?? 0,
            completedAt: runtime.completedAt, malicious: runtime.malicious, accessControl: access[id].enabled,
            granted: access[id].granted, accessLog: access[id].log, published: discovery.published[id],
            cache: cache(at: id)
        )
    }

    /// Every node id, in order.
    public var nodeIDs: [NodeID] { nodes.indices.map(NodeID.init) }
}
