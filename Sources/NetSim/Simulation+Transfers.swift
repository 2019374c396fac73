/// Fluid sharing of capacity: concurrent transfers divide their sender's upload and
/// their receiver's download max-min fairly (see `TransferTable.reshare`).
///
/// Rates change only when a transfer starts or ends or a capacity changes, and only for
/// transfers near that change, so a swarm of thousands re-rates locally.
/// A re-rated transfer gets a new completion event and a new version; the old event
/// stays in the heap and is skipped when it comes out.
extension Simulation {
    /// Starts moving the bits of a message just sent (in flight slot `flight`); its rate
    /// is set when the current event ends.
    mutating func startTransfer(of message: Message, carrying payload: Payload, flight: Int) {
        var transfer = Transfer(flight: flight, sender: message.from, receiver: message.to, bits: message.bits, updatedAt: now)
        if case let .swarm(chunk) = payload { transfer.chunk = chunk.chunk }
        flights[flight].transfer = transfers.insert(transfer)
        rerate(sender: message.from, receiver: message.to)
    }

    /// The last bit has left: free the capacity, then deliver now or after the latency.
    mutating func finishTransmission(_ transferID: Int) -> Happening {
        let transfer = detach(transferID, eventPending: false)
        account(sender: transfer.sender, receiver: transfer.receiver, bits: transfer.bits)
        rerate(sender: transfer.sender, receiver: transfer.receiver)
        flights[transfer.flight].transfer = nil
        let latency = flights[transfer.flight].latency ?? 0
        if latency == 0 { return deliver(transfer.flight) }
        flights[transfer.flight].message.arrives = now + latency
        flights[transfer.flight].slotsFreed = transfer.chunk >= 0
        queue.schedule(.arrival(flight: transfer.flight), at: now + latency)
        if transfer.chunk >= 0 { chunkTransmitted(from: transfer.sender, to: transfer.receiver) }
        return Happening(kind: .transmitted, message: flights[transfer.flight].message, node: transfer.sender)
    }

    /// How much of a transfer under way has been sent by now, in bits.
    func bitsSent(by transferID: Int) -> Double {
        transfers[transferID].bits - transfers.remaining(of: transferID, at: now)
    }

    /// Stops the given transfers: their node or link failed (`lost`), or their message is
    /// no longer wanted. Receivers of swarm chunks look for other sources.
    mutating func abortTransfers(_ transferIDs: [Int], lost: Bool = true) {
        var senders: [NodeID] = []
        var receivers: [NodeID] = []
        for transferID in transferIDs {
            let transfer = transfers[transferID]
            account(sender: transfer.sender, receiver: transfer.receiver, bits: bitsSent(by: transferID))
            _ = detach(transferID, eventPending: transfer.scheduledAt != .max)
            let payload = flights.remove(transfer.flight).payload
            self.lost(payload, from: transfer.sender, to: transfer.receiver, holdingSlots: true, onArrival: false)
            if lost { metrics.lost += 1 }
            senders.append(transfer.sender)
            receivers.append(transfer.receiver)
        }
        rerate(senders: senders, receivers: receivers)
        refill(after: receivers)
    }

    /// Removes a transfer from the tables; `eventPending` says its completion event is
    /// still in the heap and must now be skipped.
    private mutating func detach(_ transferID: Int, eventPending: Bool) -> Transfer {
        let transfer = transfers.remove(transferID)
        if eventPending { queue.invalidateOne() }
        return transfer
    }

    mutating func account(sender: NodeID, receiver: NodeID, bits: Double) {
        transfers[sender].bitsUp += bits
        transfers[receiver].bitsDown += bits
        metrics.recordBits(
            sender: sender, sent: transfers[sender].bitsUp,
            receiver: receiver, received: transfers[receiver].bitsDown, at: now
        )
    }

    /// Asks for capacity to be re-shared after the upload side of `senders` and the
    /// download side of `receivers` changed (see `TransferTable.reshare`). The work waits
    /// until the current event (or command) is over, so that a transfer ending and the
    /// next one starting between the same nodes re-share once.
    mutating func rerate(senders: [NodeID], receivers: [NodeID]) {
        staleSenders += senders
        staleReceivers += receivers
    }

    /// `rerate(senders:receivers:)` for one transfer's two ends, as every chunk starting
    /// and ending asks: without the two one-element arrays to allocate and free.
    mutating func rerate(sender: NodeID, receiver: NodeID) {
        staleSenders.append(sender)
        staleReceivers.append(receiver)
    }

    /// Does the re-sharing `rerate` asked for and schedules the completions it calls for.
    mutating func applyPendingRerates() {
        guard !staleSenders.isEmpty || !staleReceivers.isEmpty else { return }
        var scratch = rerateScratch
        rerateScratch = RerateScratch(nodeCount: 0)
        transfers.reshare(senders: staleSenders, receivers: staleReceivers, at: now, scratch: &scratch)
        staleSenders.removeAll(keepingCapacity: true)
        staleReceivers.removeAll(keepingCapacity: true)
        for completion in scratch.completions {
            queue.schedule(.transmitted(transfer: completion.transfer, version: completion.version), at: completion.time)
        }
        for _ in 0..<scratch.staleCompletions { queue.invalidateOne() }
        rerateScratch = scratch
        if queue.isCrowdedWithStale { dropStaleEvents() }
    }

    /// Drops the queue's stale events (see `EventQueue.dropStale`). The queue is taken out
    /// while it is filtered, so that asking whether each event is live reads the rest of
    /// the simulation without copying the queue.
    @inline(never)
    private mutating func dropStaleEvents() {
        var pending = queue
        queue = EventQueue()
        pending.dropStale { !isLive($0) }
        queue = pending
    }

    /// Sets a node's capacities for sharing: as configured while it is up, none while down.
    mutating func refreshCapacity(of node: NodeID) {
        let up = nodes[node.rawValue].isUp
        transfers[node].upload = up ? network.nodes[node.rawValue].upload : 0
        transfers[node].download = up ? network.nodes[node.rawValue].download : 0
    }

    /// A completion event that fired before its transfer is done (the transfer slowed
    /// down since it was scheduled) is moved to the new completion time. Returns whether
    /// the event was early.
    mutating func rearmIfEarly(_ id: Int, firedAt time: SimTime) -> Bool {
        guard transfers[id].completesAt > time else { return false }
        rearm(id)
        return true
    }

    /// Never inlined: in the loop that takes events, the transfer table's copy-on-write
    /// check would be hoisted to run on every event, and copy an empty table each time
    /// when there are no transfers (the empty array is never uniquely referenced).
    @inline(never)
    private mutating func rearm(_ id: Int) {
        let completion = transfers[id].completesAt
        transfers[id].scheduledAt = completion
        if completion != .max {
            queue.schedule(.transmitted(transfer: id, version: transfers[id].version), at: completion)
        }
    }

    /// When the message of a transfer will arrive, as it stands now.
    func estimatedArrival(of transferID: Int, latency: SimTime) -> SimTime {
        let completion = transfers.completion(of: transferID, at: now)
        return completion == .max ? .max : completion + latency
    }
}

extension Array where Element: Equatable {
    /// Removes the first element equal to `element`, which must be present.
    mutating func removeFirstOccurrence(of element: Element) {
        let index = firstIndex(of: element)
        assert(index != nil, "removing an element that is not there")
        if let index { remove(at: index) }
    }
}
