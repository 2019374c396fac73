extension Simulation {
    /// Applies a command at the current time; throws, changing nothing, when the command
    /// names a node that does not exist or cannot apply.
    public mutating func perform(_ command: Command) throws(SimError) {
        defer { applyPendingRerates() }
        switch command {
        case let .request(from, to, what, bytes, responseBytes):
            try check(from)
            try check(to)
            guard from != to else { throw .invalid("\(name(from)) cannot send a request to itself") }
            guard bytes >= 0, responseBytes >= 0 else { throw .invalid("message sizes cannot be negative") }
            try checkUp(from)
            startRequest(from: from, to: to, what: what, bytes: bytes, responseBytes: responseBytes)
        case let .serveFile(server, clients, bits):
            try check(server)
            for client in clients { try check(client) }
            guard bits > 0, bits.isFinite else { throw .invalid("a file must have a positive size") }
            guard !clients.contains(server) else { throw .invalid("\(name(server)) cannot serve a file to itself") }
            try checkUp(server)
            serveFile(from: server, to: clients, bits: bits)
        case let .startSwarm(config):
            try startSwarm(config)
            forgetCompletion(of: config.peers)
        case let .publish(key, at):
            try check(at)
            publish(key, at: at)
        case let .lookup(from, key, method):
            try check(from)
            try startLookup(from: from, key: key, method: method)
        case let .placeCall(from, to, relay):
            try check(from)
            try check(to)
            try placeCall(from: from, to: to, relay: relay)
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
        case let .setAccessControl(server, enabled):
            try check(server)
            nodes[server.rawValue].accessControl = enabled
        case let .grant(server, client):
            try check(server)
            try check(client)
            nodes[server.rawValue].granted.insert(client)
        case let .revoke(server, client):
            try check(server)
            try check(client)
            nodes[server.rawValue].granted.remove(client)
        case let .setVerification(on):
            verification = on
        case let .setMalicious(id, on):
            try check(id)
            nodes[id.rawValue].malicious = on
        case let .startHoldWorkload(pending):
            guard pending > 0 else { throw .invalid("the hold model needs at least one pending event") }
            startHold(pending: pending)
        }
    }

    private func checkUp(_ id: NodeID) throws(SimError) {
        guard nodes[id.rawValue].isUp else { throw .invalid("\(name(id)) is down") }
    }

    /// The node as it is now.
    public func node(_ id: NodeID) -> NodeState {
        let runtime = nodes[id.rawValue]
        return NodeState(
            id: id, config: network.nodes[id.rawValue], isUp: runtime.isUp, hasLeft: runtime.hasLeft,
            queueLength: runtime.waiting.count, inService: runtime.inService != nil,
            // Sent and received so far: what finished transfers carried, and the part of
            // those under way that has already gone.
            bitsUp: transfers[id].bitsUp + transfers.uploads(of: id).reduce(0) { $0 + bitsSent(by: $1) },
            bitsDown: transfers[id].bitsDown + transfers.downloads(of: id).reduce(0) { $0 + bitsSent(by: $1) },
            uploadRate: transfers.uploads(of: id).reduce(0) { $0 + transfers.rate(of: $1) },
            downloadRate: max(0, transfers[id].incomingRate),
            chunksHeld: swarm.member(id).map { swarm.held[$0] } ?? 0, chunkCount: swarm.member(id) == nil ? 0 : swarm.config.chunks,
            corruptChunks: swarm.member(id).map { member in
                (0..<swarm.config.chunks).count { swarm.corrupt.contains(row: member, column: $0) }
            } ?? 0,
            completedAt: runtime.completedAt, malicious: runtime.malicious, accessControl: runtime.accessControl,
            granted: runtime.granted, accessLog: runtime.accessLog, published: runtime.published
        )
    }

    /// Every node id, in order.
    public var nodeIDs: [NodeID] { nodes.indices.map(NodeID.init) }
}
