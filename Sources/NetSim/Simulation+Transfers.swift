/// Fluid sharing of capacity: concurrent transfers divide their sender's upload and
/// their receiver's download max-min fairly (see `rerate`).
///
/// Rates change only when a transfer starts or ends or a capacity changes, and only for
/// transfers near that change, so a swarm of thousands re-rates locally.
/// A re-rated transfer gets a new completion event and a new version; the old event
/// stays in the heap and is skipped when it comes out.
extension Simulation {
    /// Starts moving the bits of a message just sent; its rate is set when the current
    /// event ends.
    mutating func startTransfer(of message: Message, carrying payload: Payload) {
        var transfer = Transfer(message: message.id, sender: message.from, receiver: message.to, bits: message.bits, updatedAt: now)
        if case let .chunk(chunk, _) = payload { transfer.chunk = chunk }
        let transferID = transfers.insert(transfer)
        updateFlight(message.id) { $0.transfer = transferID }
        rerate(senders: [message.from], receivers: [message.to])
    }

    /// The last bit has left: free the capacity, then deliver now or after the latency.
    mutating func finishTransmission(_ transferID: Int) -> Happening {
        let transfer = detach(transferID, eventPending: false)
        account(sender: transfer.sender, receiver: transfer.receiver, bits: transfer.bits)
        rerate(senders: [transfer.sender], receivers: [transfer.receiver])
        let time = now
        let (message, latency) = updateFlight(transfer.message) { flight in
            let latency = flight.latency ?? 0
            flight.transfer = nil
            if latency != 0 { flight.message.arrives = time + latency }
            return (flight.message, latency)
        }
        if latency == 0 { return deliver(transfer.message) }
        queue.schedule(.arrival(message: transfer.message), at: now + latency)
        return Happening(kind: .transmitted, message: message, node: transfer.sender)
    }

    /// Stops the given transfers: their node or link failed (`lost`), or their message is
    /// no longer wanted. Receivers of swarm chunks look for other sources.
    mutating func abortTransfers(_ transferIDs: [Int], lost: Bool = true) {
        var senders: [NodeID] = []
        var receivers: [NodeID] = []
        for transferID in transferIDs {
            var transfer = transfers[transferID]
            transfer.remaining -= transfer.rate * Double(now - transfer.updatedAt) / 1e6
            account(sender: transfer.sender, receiver: transfer.receiver, bits: transfer.bits - max(0, transfer.remaining))
            _ = detach(transferID, eventPending: transfer.scheduledAt != .max)
            switch flights.removeValue(forKey: transfer.message)!.payload {
            case let .chunk(chunk, _):
                releaseChunk(chunk, from: transfer.sender, to: transfer.receiver)
            case let .lookup(id, _, _), let .lookupReply(id, _, _, _):
                lookupMessageLost(id)
            default:
                break
            }
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

    private mutating func account(sender: NodeID, receiver: NodeID, bits: Double) {
        nodes[sender.rawValue].bitsUp += bits
        nodes[receiver.rawValue].bitsDown += bits
        metrics.recordBits(
            sender: sender, sent: nodes[sender.rawValue].bitsUp,
            receiver: receiver, received: nodes[receiver.rawValue].bitsDown, at: now
        )
    }

    /// Re-shares capacity after the upload side of `senders` and the download side of
    /// `receivers` changed (a transfer started or ended there, or a capacity changed).
    ///
    /// First each sender divides its upload max-min fairly; it offers each transfer at
    /// most what the receiver's download has left beside its other incoming transfers
    /// (and never less than an equal share of it). Then each receiver divides its
    /// download max-min fairly among the offers. A change at a receiver moves its
    /// senders' offers, which moves their other receivers, so the work spans three hops
    /// from the change and no more. Nodes are visited in the order they are found, so
    /// the result never depends on hashing.
    ///
    /// The work waits until the current event (or command) is over, so that a transfer
    /// ending and the next one starting between the same nodes re-share once.
    mutating func rerate(senders: [NodeID], receivers: [NodeID]) {
        staleSenders += senders
        staleReceivers += receivers
    }

    /// Does the re-sharing `rerate` asked for. Receivers are re-shared only where an
    /// offer changed (or their own transfers or capacity did): elsewhere the division
    /// would give the rates they already have.
    mutating func applyPendingRerates() {
        guard !staleSenders.isEmpty || !staleReceivers.isEmpty else { return }
        var scratch = rerateScratch
        rerateScratch = RerateScratch(nodeCount: 0)
        scratch.beginRound()
        for sender in staleSenders { scratch.joinUploadSide(sender) }
        for receiver in staleReceivers {
            for id in transfers.downloads(of: receiver) { scratch.joinUploadSide(transfers[id].sender) }
        }
        for receiver in staleReceivers { scratch.joinDownloadSide(receiver, changed: true) }
        staleSenders.removeAll(keepingCapacity: true)
        staleReceivers.removeAll(keepingCapacity: true)
        for sender in scratch.upSides {
            withIDsAndShares(count: transfers[sender].uploadCount) { ids, shares in
                transfers.copyUploads(of: sender, into: ids)
                for index in ids.indices { shares[index] = offerCap(for: ids[index]) }
                shareMaxMinFairly(capacity: transfers[sender].upload, shares)
                for index in ids.indices {
                    let id = ids[index]
                    let changed = transfers[id].upShare != shares[index]
                    transfers[id].upShare = shares[index]
                    scratch.joinDownloadSide(transfers[id].receiver, changed: changed)
                }
            }
        }
        for receiver in scratch.downSides where scratch.mustReshare(receiver) {
            withIDsAndShares(count: transfers[receiver].downloadCount) { ids, shares in
                transfers.copyDownloads(of: receiver, into: ids)
                for index in ids.indices { shares[index] = transfers[ids[index]].upShare }
                shareMaxMinFairly(capacity: transfers[receiver].download, shares)
                for index in ids.indices { setRate(of: ids[index], to: shares[index]) }
            }
        }
        rerateScratch = scratch
    }

    /// The most a sender offers a transfer: what its receiver's download has left beside
    /// its other incoming transfers, but at least an equal share of that download.
    private func offerCap(for id: Int) -> Double {
        let transfer = transfers[id]
        let receiver = transfers[transfer.receiver]
        let download = receiver.download
        guard receiver.downloadCount > 1, download.isFinite else { return download }
        let others = receiver.incomingRate - transfer.rate
        return max(download / Double(receiver.downloadCount), download - others)
    }

    /// Sets a node's capacities for sharing: as configured while it is up, none while down.
    mutating func refreshCapacity(of node: NodeID) {
        let up = nodes[node.rawValue].isUp
        transfers[node].upload = up ? network.nodes[node.rawValue].upload : 0
        transfers[node].download = up ? network.nodes[node.rawValue].download : 0
    }

    /// Brings the transfer's progress up to now, then moves at `rate` from here on.
    ///
    /// A completion that moves earlier needs a new event (the old one goes stale). One
    /// that moves later keeps its event: when that fires too early it is re-armed for
    /// the new time (see `rearmIfEarly`), which saves most re-scheduling in a busy swarm.
    private mutating func setRate(of id: Int, to rate: Double) {
        var transfer = transfers[id]
        guard rate != transfer.rate else { return }
        transfer.remaining = max(0, transfer.remaining - transfer.rate * Double(now - transfer.updatedAt) / 1e6)
        transfer.updatedAt = now
        transfers[transfer.receiver].incomingRate += rate - transfer.rate
        transfer.rate = rate
        if rate <= 0 {
            transfer.completesAt = .max
        } else {
            let micros = (transfer.remaining / rate * 1e6).rounded(.up)
            transfer.completesAt = micros < 1e17 ? now + SimTime(micros) : .max
        }
        if transfer.completesAt < transfer.scheduledAt {
            if transfer.scheduledAt != .max { queue.invalidateOne() }
            transfer.version += 1
            transfer.scheduledAt = transfer.completesAt
            queue.schedule(.transmitted(transfer: id, version: transfer.version), at: transfer.completesAt)
        }
        transfers[id] = transfer
    }

    /// A completion event that fired before its transfer is done (the transfer slowed
    /// down since it was scheduled) is moved to the new completion time. Returns whether
    /// the event was early.
    mutating func rearmIfEarly(_ id: Int, firedAt time: SimTime) -> Bool {
        let completion = transfers[id].completesAt
        guard completion > time else { return false }
        transfers[id].scheduledAt = completion
        if completion != .max {
            queue.schedule(.transmitted(transfer: id, version: transfers[id].version), at: completion)
        }
        return true
    }

    /// When the message of a transfer will arrive, as it stands now.
    func estimatedArrival(of transferID: Int, latency: SimTime) -> SimTime {
        let completion = transfers[transferID].completesAt
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

/// Calls `body` with room for `count` transfer ids and as many rates, without allocating.
private func withIDsAndShares(
    count: Int, _ body: (UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Double>) -> Void
) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { ids in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { body(ids, $0) }
    }
}
