/// Fluid sharing of capacity: concurrent transfers divide their sender's upload and
/// their receiver's download max-min fairly (see `rerate`).
///
/// Rates change only when a transfer starts or ends or a capacity changes, and only for
/// transfers near that change, so a swarm of thousands re-rates locally.
/// A re-rated transfer gets a new completion event and a new version; the old event
/// stays in the heap and is skipped when it comes out.
extension Simulation {
    /// Starts moving a message's bits; rates are shared out unless `deferRating` (the
    /// caller then calls `rerate` once for a whole batch).
    mutating func startTransfer(message id: Int, deferRating: Bool = false) {
        let message = flights[id]!.message
        let transferID = nextTransferID
        nextTransferID += 1
        transfers[transferID] = Transfer(
            message: id, sender: message.from, receiver: message.to, remaining: message.bits, updatedAt: now
        )
        nodes[message.from.rawValue].uploads.append(transferID)
        nodes[message.to.rawValue].downloads.append(transferID)
        flights[id]!.transfer = transferID
        if !deferRating { rerate(senders: [message.from], receivers: [message.to]) }
    }

    /// The last bit has left: free the capacity, then deliver now or after the latency.
    mutating func finishTransmission(_ transferID: Int) -> Happening {
        let transfer = detach(transferID, eventPending: false)
        let bits = flights[transfer.message]!.message.bits
        account(sender: transfer.sender, receiver: transfer.receiver, bits: bits)
        rerate(senders: [transfer.sender], receivers: [transfer.receiver])
        flights[transfer.message]!.transfer = nil
        let latency = flights[transfer.message]!.latency ?? 0
        if latency == 0 { return deliver(transfer.message) }
        flights[transfer.message]!.message.arrives = now + latency
        queue.schedule(.arrival(message: transfer.message), at: now + latency)
        return Happening(kind: .transmitted, message: flights[transfer.message]!.message, node: transfer.sender)
    }

    /// Stops the transfers of the given messages (their node or link failed); the messages
    /// are lost. Returns nothing: the caller has already decided what happened.
    mutating func abortTransfers(_ transferIDs: [Int]) {
        var senders: [NodeID] = []
        var receivers: [NodeID] = []
        for transferID in transferIDs {
            var transfer = transfers[transferID]!
            transfer.remaining -= transfer.rate * Double(now - transfer.updatedAt) / 1e6
            account(sender: transfer.sender, receiver: transfer.receiver, bits: flights[transfer.message]!.message.bits - max(0, transfer.remaining))
            _ = detach(transferID, eventPending: transfer.completesAt != .max)
            flights[transfer.message] = nil
            metrics.lost += 1
            senders.append(transfer.sender)
            receivers.append(transfer.receiver)
        }
        rerate(senders: senders, receivers: receivers)
    }

    /// Removes a transfer from the tables; `eventPending` says its completion event is
    /// still in the heap and must now be skipped.
    private mutating func detach(_ transferID: Int, eventPending: Bool) -> Transfer {
        let transfer = transfers.removeValue(forKey: transferID)!
        if eventPending { queue.invalidateOne() }
        nodes[transfer.sender.rawValue].uploads.removeFirstOccurrence(of: transferID)
        nodes[transfer.receiver.rawValue].downloads.removeFirstOccurrence(of: transferID)
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
    /// First each sender divides its upload max-min fairly, offering each transfer at
    /// most an equal share of its receiver's download; then each receiver divides its
    /// download max-min fairly among what its senders offered. A change at a receiver
    /// moves its senders' offers, which moves their other receivers, so the work spans
    /// three hops from the change and no more.
    mutating func rerate(senders: [NodeID], receivers: [NodeID]) {
        var upSides = Set(senders)
        for receiver in receivers {
            for id in nodes[receiver.rawValue].downloads { upSides.insert(transfers[id]!.sender) }
        }
        var downSides = Set(receivers)
        for sender in upSides {
            for id in nodes[sender.rawValue].uploads { downSides.insert(transfers[id]!.receiver) }
        }
        for sender in upSides {
            let ids = nodes[sender.rawValue].uploads
            let caps = ids.map { equalShare(download: transfers[$0]!.receiver) }
            for (id, share) in zip(ids, maxMinShares(capacity: capacity(upload: sender), caps: caps)) {
                transfers[id]!.upShare = share
            }
        }
        var rates: [(id: Int, rate: Double)] = []
        for receiver in downSides {
            let ids = nodes[receiver.rawValue].downloads
            let caps = ids.map { transfers[$0]!.upShare }
            for (id, share) in zip(ids, maxMinShares(capacity: capacity(download: receiver), caps: caps)) {
                rates.append((id, share))
            }
        }
        rates.sort { $0.id < $1.id }
        for (id, rate) in rates { setRate(of: id, to: rate) }
    }

    private func capacity(upload node: NodeID) -> Double {
        nodes[node.rawValue].isUp ? network.nodes[node.rawValue].upload : 0
    }

    private func capacity(download node: NodeID) -> Double {
        nodes[node.rawValue].isUp ? network.nodes[node.rawValue].download : 0
    }

    private func equalShare(download node: NodeID) -> Double {
        capacity(download: node) / Double(max(1, nodes[node.rawValue].downloads.count))
    }

    /// Brings the transfer's progress up to now, then moves at `rate` from here on.
    private mutating func setRate(of id: Int, to rate: Double) {
        var transfer = transfers[id]!
        guard rate != transfer.rate else { return }
        transfer.remaining = max(0, transfer.remaining - transfer.rate * Double(now - transfer.updatedAt) / 1e6)
        transfer.updatedAt = now
        transfer.rate = rate
        let completion: SimTime
        if rate <= 0 {
            completion = .max
        } else {
            let micros = (transfer.remaining / rate * 1e6).rounded(.up)
            completion = micros < 1e17 ? now + SimTime(micros) : .max
        }
        if completion != transfer.completesAt {
            if transfer.completesAt != .max { queue.invalidateOne() }
            transfer.version += 1
            transfer.completesAt = completion
            if completion != .max {
                queue.schedule(.transmitted(transfer: id, version: transfer.version), at: completion)
            }
            let latency = flights[transfer.message]!.latency ?? 0
            flights[transfer.message]!.message.arrives = completion == .max ? .max : completion + latency
        }
        transfers[id] = transfer
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
