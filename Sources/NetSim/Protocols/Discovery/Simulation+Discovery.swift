/// Finding who holds a resource: ask one directory server, flood the question through
/// the links with a hop budget, or route it through a distributed hash table. Each
/// lookup counts every message it causes, so lessons can compare what each costs.
extension Simulation {
    mutating func apply(_ command: DiscoveryCommand) throws(SimError) {
        switch command {
        case let .publish(key, at):
            try check(at)
            publish(key, at: at)
        case let .lookup(from, key, method):
            try check(from)
            try startLookup(from: from, key: key, method: method)
        }
    }

    mutating func deliver(_ payload: DiscoveryPayload, message: Message) -> Happening {
        switch payload {
        case let .query(id, ttl, path): receiveQuery(id, ttl: ttl, path: path, message: message)
        case let .reply(id, holder, hops, path): receiveReply(id, holder: holder, hops: hops, path: path, message: message)
        }
    }

    /// A lookup message could not arrive.
    mutating func lost(_ payload: DiscoveryPayload) {
        switch payload {
        case let .query(id, _, _), let .reply(id, _, _, _):
            discovery.inProgress[id]!.outstanding -= 1
            finishLookupIfQuiet(id)
        }
    }

    private mutating func publish(_ key: String, at node: NodeID) {
        if !discovery.published[node].contains(key) { discovery.published[node].append(key) }
        if discovery.dhtPointers[key] == nil, let responsible = dhtResponsible(for: key) {
            discovery.dhtPointers[key] = responsible
        }
    }

    private mutating func startLookup(from origin: NodeID, key: String, method: LookupMethod) throws(SimError) {
        if case let .server(directory) = method {
            try check(directory)
            guard directory != origin else { throw .invalid("\(name(origin)) cannot ask itself") }
        }
        if case let .flood(ttl) = method, ttl < 1 { throw .invalid("a flood needs a hop budget (ttl) of at least 1") }
        guard nodes[origin.rawValue].isUp else { throw .invalid("\(name(origin)) is down") }
        let id = discovery.inProgress.count + metrics.lookups.count + 1
        discovery.inProgress[id] = LookupState(origin: origin, key: key, method: method, started: now, seen: [origin])
        discovery.latest = LookupTrace(id: id, origin: origin, key: key, method: method, started: now)
        switch method {
        case let .server(directory):
            sendQuery(id, from: origin, to: directory, ttl: 1, path: [origin])
        case let .flood(ttl):
            for neighbour in floodNeighbours(of: origin) {
                sendQuery(id, from: origin, to: neighbour, ttl: ttl, path: [origin])
            }
        case .dht:
            if let next = dhtNextHop(from: origin, key: key) {
                sendQuery(id, from: origin, to: next, ttl: 0, path: [origin])
            } else {
                answerDHT(id, at: origin, path: [origin])
            }
        }
        finishLookupIfQuiet(id)
    }

    private mutating func sendQuery(_ id: Int, from: NodeID, to: NodeID, ttl: Int, path: [NodeID]) {
        discovery.inProgress[id]!.messages += 1
        discovery.inProgress[id]!.outstanding += 1
        let key = discovery.inProgress[id]!.key
        send(.lookup, from: from, to: to, bits: 8 * 100, label: "who has \(key)?", payload: .discovery(.query(id, ttl: ttl, path: path + [to])))
    }

    private mutating func sendReply(_ id: Int, from: NodeID, to: NodeID, holder: NodeID?, hops: Int, path: [NodeID]) {
        discovery.inProgress[id]!.messages += 1
        discovery.inProgress[id]!.outstanding += 1
        let key = discovery.inProgress[id]!.key
        let label = holder.map { "\(name($0)) has \(key)" } ?? "\(key): not here"
        send(.lookupReply, from: from, to: to, bits: 8 * 100, label: label, payload: .discovery(.reply(id, holder: holder, hops: hops, path: path)))
    }

    private mutating func receiveQuery(_ id: Int, ttl: Int, path: [NodeID], message: Message) -> Happening {
        discovery.inProgress[id]!.outstanding -= 1
        let here = message.to
        let state = discovery.inProgress[id]!
        defer { finishLookupIfQuiet(id) }
        recordVisit(id, at: here, hop: path.count - 1)
        switch state.method {
        case .server:
            let holder = holders(of: state.key).first
            sendReply(id, from: here, to: state.origin, holder: holder, hops: 1, path: [])
        case .flood:
            guard discovery.inProgress[id]!.seen.insert(here).inserted else { break }
            if discovery.published[here].contains(state.key) {
                sendReply(id, from: here, to: path[path.count - 2], holder: here, hops: path.count - 1, path: Array(path.dropLast(2)))
            } else if ttl > 1 {
                for neighbour in floodNeighbours(of: here) where neighbour != message.from {
                    sendQuery(id, from: here, to: neighbour, ttl: ttl - 1, path: path)
                }
            }
        case .dht:
            if discovery.published[here].contains(state.key) {
                // A peer asked for what it holds says so, whatever the table would do next.
                sendReply(id, from: here, to: state.origin, holder: here, hops: path.count - 1, path: [])
            } else if let next = dhtNextHop(from: here, key: state.key) {
                sendQuery(id, from: here, to: next, ttl: 0, path: path)
            } else {
                answerDHT(id, at: here, path: path)
            }
        }
        return Happening(kind: .delivered, message: message, node: here)
    }

    /// The first time a lookup's question reaches a node (the asker's own is not a visit).
    private mutating func recordVisit(_ id: Int, at node: NodeID, hop: Int) {
        guard var trace = discovery.latest, trace.id == id, node != trace.origin, trace.visit(of: node) == nil else { return }
        trace.visits.append(LookupVisit(node: node, hop: hop, at: now, holds: discovery.published[node].contains(trace.key)))
        discovery.latest = trace
    }

    /// The node closest to the key answers the asker directly.
    private mutating func answerDHT(_ id: Int, at here: NodeID, path: [NodeID]) {
        let key = discovery.inProgress[id]!.key
        let holder = discovery.dhtPointers[key] == here ? holders(of: key).first : nil
        let origin = discovery.inProgress[id]!.origin
        if here == origin {
            recordFound(id, holder: holder, hops: 0)
        } else {
            sendReply(id, from: here, to: origin, holder: holder, hops: path.count - 1, path: [])
        }
    }

    /// A reply travels back the way the query came (flooding) or straight to the asker.
    private mutating func receiveReply(_ id: Int, holder: NodeID?, hops: Int, path: [NodeID], message: Message) -> Happening {
        discovery.inProgress[id]!.outstanding -= 1
        let here = message.to
        defer { finishLookupIfQuiet(id) }
        if let back = path.last {
            sendReply(id, from: here, to: back, holder: holder, hops: hops, path: Array(path.dropLast()))
            return Happening(kind: .delivered, message: message, node: here)
        }
        guard discovery.inProgress[id]!.foundAt == nil, holder != nil else {
            return Happening(kind: .delivered, message: message, node: here)
        }
        recordFound(id, holder: holder, hops: hops)
        return Happening(kind: .found, message: message, node: here)
    }

    private mutating func recordFound(_ id: Int, holder: NodeID?, hops: Int) {
        discovery.inProgress[id]!.holder = holder
        discovery.inProgress[id]!.hops = hops
        discovery.inProgress[id]!.foundAt = now
    }

    /// Once no message of the lookup is left travelling, its cost is final.
    private mutating func finishLookupIfQuiet(_ id: Int) {
        guard let state = discovery.inProgress[id], state.outstanding == 0 else { return }
        discovery.inProgress[id] = nil
        if discovery.latest?.id == id { discovery.latest?.isOver = true }
        metrics.lookups.append(LookupResult(
            from: state.origin, key: state.key, method: state.method, holder: state.holder, messages: state.messages,
            hops: state.hops, started: state.started, finished: state.foundAt ?? now
        ))
    }

    /// Nodes that publish `key` and are up, in id order.
    private func holders(of key: String) -> [NodeID] {
        nodeIDs.filter { nodes[$0.rawValue].isUp && discovery.published[$0].contains(key) }
    }

    /// Where a flood goes next: along the node's links that are up; on a full mesh with
    /// no links of its own, to every other node.
    private func floodNeighbours(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        for link in network.links where link.a == node || link.b == node {
            let other = link.a == node ? link.b : link.a
            if links[LinkKey(link.a, link.b)]?.isUp == true, !result.contains(other) { result.append(other) }
        }
        if result.isEmpty, network.fullMesh {
            return nodeIDs.filter { $0 != node && !nodes[$0.rawValue].hasLeft }
        }
        return result
    }

    /// The lookup started last, under way or over: whom its question reached so far.
    public var latestLookup: LookupTrace? { discovery.latest }

    // MARK: The distributed hash table

    /// A node's place in the table's 16-bit identifier space (a hash of its name).
    func dhtIdentifier(of node: NodeID) -> UInt16 { dhtHash(name(node)) }

    private func dhtHash(_ text: String) -> UInt16 {
        var hash = TraceHash()
        for byte in text.utf8 { hash.mix(Int(byte)) }
        return UInt16(truncatingIfNeeded: hash.value ^ (hash.value >> 16) ^ (hash.value >> 32) ^ (hash.value >> 48))
    }

    /// Peers and supernodes that are up form the table.
    private var dhtMembers: [NodeID] {
        nodeIDs.filter {
            let role = network.nodes[$0.rawValue].role
            return (role == .peer || role == .supernode) && nodes[$0.rawValue].isUp
        }
    }

    /// XOR distance, ties broken by node number so there is always one closest node.
    private func dhtDistance(_ node: NodeID, _ target: UInt16) -> (UInt16, Int) {
        (dhtIdentifier(of: node) ^ target, node.rawValue)
    }

    /// The member closest to the key: it keeps the pointer to the key's holders.
    private func dhtResponsible(for key: String) -> NodeID? {
        let target = dhtHash(key)
        return dhtMembers.min { dhtDistance($0, target) < dhtDistance($1, target) }
    }

    /// Kademlia-style greedy routing: a node knows, for each distance band (each leading
    /// bit its identifier shares with others), the closest member in that band; it
    /// passes the query to whichever known member is closest to the key, or answers
    /// itself when none is closer. Each hop at least halves the distance.
    private func dhtNextHop(from node: NodeID, key: String) -> NodeID? {
        let target = dhtHash(key)
        let own = dhtIdentifier(of: node)
        var contacts: [Int: NodeID] = [:]
        for member in dhtMembers where member != node {
            let distance = dhtIdentifier(of: member) ^ own
            let band = distance == 0 ? -1 : 15 - distance.leadingZeroBitCount
            if let known = contacts[band], dhtDistance(known, own) < dhtDistance(member, own) { continue }
            contacts[band] = member
        }
        let best = contacts.values.min { dhtDistance($0, target) < dhtDistance($1, target) }
        guard let best, dhtDistance(best, target) < dhtDistance(node, target) else { return nil }
        return best
    }
}
