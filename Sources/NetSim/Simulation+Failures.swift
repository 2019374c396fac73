/// What failures put in the queue. Going down, coming back and links cut take effect
/// when commanded; a node's leaving is also an event of its own, so that the record of
/// what happened says so.
enum FailureEvent: Hashable, Sendable {
    /// A node has left the network.
    case left(NodeID)
}

/// Nodes going down and coming back, links cut and restored, nodes joining and leaving.
extension Simulation {
    /// A node that goes down loses everything in progress: its transfers stop, its queue
    /// and the request in service are gone, and its own pending requests are abandoned.
    /// Messages still travelling towards it are lost when they arrive.
    mutating func setNode(_ id: NodeID, up: Bool) throws(SimError) {
        let index = id.rawValue
        guard !nodes[index].hasLeft else { throw .invalid("\(name(id)) has left the network") }
        guard nodes[index].isUp != up else { return }
        nodes[index].isUp = up
        refreshCapacity(of: id)
        guard !up else {
            if let member = swarm.member(id) { rejoinSwarm(member) }
            return
        }
        if let member = swarm.member(id) { leaveSwarm(member, comingBack: true) }
        abortTransfers(Array(transfers.uploads(of: id)) + Array(transfers.downloads(of: id)))
        protocolsNodeWentDown(id)
    }

    /// Cutting a link stops the transfers along it; on a full mesh, cutting a pair with
    /// no explicit link cuts their direct path.
    mutating func setLink(_ a: NodeID, _ b: NodeID, up: Bool) throws(SimError) {
        let key = LinkKey(a, b)
        if links[key] == nil {
            guard network.fullMesh else { throw .invalid("there is no link between \(name(a)) and \(name(b))") }
            links[key] = LinkRuntime(latency: network.defaultLatency)
        }
        links[key]!.isUp = up
        guard !up else { return }
        let between = transfers.uploads(of: a).filter { transfers[$0].receiver == b }
            + transfers.uploads(of: b).filter { transfers[$0].receiver == a }
        abortTransfers(between)
    }

    mutating func addNode(_ config: NodeConfig, linkTo neighbours: [NodeID]) {
        let id = NodeID(nodes.count)
        network.nodes.append(config)
        nodes.append(NodeRuntime())
        rerateScratch.addNode()
        transfers.addNode(upload: config.upload, download: config.download)
        for neighbour in neighbours {
            network.links.append(LinkConfig(a: id, b: neighbour, latency: network.defaultLatency))
            links[LinkKey(id, neighbour)] = LinkRuntime(latency: network.defaultLatency)
        }
    }

    /// A node that leaves goes down for good; its leaving is an event of its own, at
    /// once, so the record of what happened says so.
    mutating func removeNode(_ id: NodeID) throws(SimError) {
        try setNode(id, up: false)
        nodes[id.rawValue].hasLeft = true
        queue.schedule(.failures(.left(id)), at: now)
    }

    func handle(_ event: FailureEvent) -> Happening {
        switch event {
        case let .left(node): Happening(kind: .left, node: node)
        }
    }

    mutating func setCapacity(_ id: NodeID, upload: Double?, download: Double?) {
        if let upload {
            if let member = swarm.member(id), !swarm.status[member].departed {
                swarm.uploadTotal += min(upload, 1e15) - countedUpload(of: id)
            }
            network.nodes[id.rawValue].upload = upload
        }
        if let download { network.nodes[id.rawValue].download = download }
        refreshCapacity(of: id)
        swarmCapacityChanged()
        rerate(sender: id, receiver: id)
    }
}
