/// Sending and delivering messages: a message first moves its bits (sharing capacity,
/// when either end has a limit), then travels for the route's latency.
extension Simulation {
    /// Sends a message now and returns it. A message with no route is still created,
    /// so that the event list shows it being lost. `sharesCapacity: false` sends a tiny
    /// protocol message on latency alone: a tracker answering ten thousand peers at once
    /// would otherwise re-share its upload ten thousand times for a few bytes each.
    @discardableResult
    mutating func send(
        _ kind: MessageKind, from: NodeID, to: NodeID, bits: Double, label: String, payload: Payload,
        sharesCapacity: Bool = true
    ) -> Message {
        let latency = routeLatency(from, to)
        let id = nextMessageID
        nextMessageID += 1
        metrics.countMessage(kind)
        let message = Message(
            id: id, kind: kind, from: from, to: to, bits: bits, label: label, departs: now,
            arrives: now + (latency ?? 0)
        )
        let flight = flights.insert(Flight(message: message, payload: payload, latency: latency))
        let unlimited = network.nodes[from.rawValue].upload.isInfinite && network.nodes[to.rawValue].download.isInfinite
        // Bits sent towards a node that is down go nowhere: the message is lost on arrival.
        if latency != nil, bits > 0, !unlimited, sharesCapacity, nodes[to.rawValue].isUp {
            startTransfer(of: message, carrying: payload, flight: flight)
        } else {
            // An answer that needs no shared capacity still leaves the server and reaches
            // the client: count it, or a server answering on latency alone reads "sent 0".
            // Requests and protocol chatter stay out of the totals, which say what data a
            // node served (`{peers.served}` is the chunks peers passed on, not their asking).
            if kind == .response, latency != nil, bits > 0, nodes[to.rawValue].isUp { account(sender: from, receiver: to, bits: bits) }
            queue.schedule(.arrival(flight: flight), at: message.arrives)
        }
        return message
    }

    /// Whether the configured link between `a` and `b` carries messages now (false once
    /// cut, true again when restored); nil where the network has no such link.
    public func isLinkUp(_ a: NodeID, _ b: NodeID) -> Bool? {
        links[LinkKey(a, b)]?.isUp
    }

    /// One-way delay between two nodes, nil when they cannot reach each other now: the
    /// link between them is cut, or there is none and the network is not a full mesh.
    /// Without a link, it is the network's default latency plus each end's own.
    @inline(__always)
    func routeLatency(_ a: NodeID, _ b: NodeID) -> SimTime? {
        if a == b { return 0 }
        if !links.isEmpty, let link = links[LinkKey(a, b)] { return link.isUp ? link.latency : nil }
        return network.fullMesh ? network.defaultLatency + network.nodes[a.rawValue].latency + network.nodes[b.rawValue].latency : nil
    }

    /// A message reaches its destination (or fails to) and is handed to its protocol.
    mutating func deliver(_ slot: Int) -> Happening {
        let flight = flights.remove(slot)
        let message = flight.message
        guard flight.latency != nil, nodes[message.to.rawValue].isUp, routeLatency(message.from, message.to) != nil
        else {
            metrics.lost += 1
            lost(flight.payload, from: message.from, to: message.to, holdingSlots: !flight.slotsFreed, onArrival: true)
            return Happening(kind: .lost, message: message, node: message.to)
        }
        return deliver(flight.payload, message: message, holdingSlots: !flight.slotsFreed)
    }

    /// A node now holds the whole file.
    mutating func completeFile(at node: NodeID, message: Message?) -> Happening {
        nodes[node.rawValue].completedAt = now
        metrics.completionTimes[node] = now
        return Happening(kind: .completed, message: message, node: node)
    }

    /// Nodes sent a new file no longer have "the file": their completion time is for the
    /// file on its way now, so a second distribution is not counted done before it starts.
    mutating func forgetCompletion(of receivers: [NodeID]) {
        for node in receivers {
            nodes[node.rawValue].completedAt = nil
            metrics.completionTimes[node] = nil
        }
    }
}
