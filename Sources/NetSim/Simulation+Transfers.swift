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
        let transferID = transfers.insert(Transfer(
            message: id, sender: message.from, receiver: message.to, remaining: message.bits, updatedAt: now
        ))
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

    /// Stops the given transfers: their node or link failed (`lost`), or their message is
    /// no longer wanted. Receivers of swarm chunks look for other sources.
    mutating func abortTransfers(_ transferIDs: [Int], lost: Bool = true) {
        var senders: [NodeID] = []
        var receivers: [NodeID] = []
        for transferID in transferIDs {
            var transfer = transfers[transferID]
            transfer.remaining -= transfer.rate * Double(now - transfer.updatedAt) / 1e6
            account(sender: transfer.sender, receiver: transfer.receiver, bits: flights[transfer.message]!.message.bits - max(0, transfer.remaining))
            _ = detach(transferID, eventPending: transfer.completesAt != .max)
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
    /// First each sender divides its upload max-min fairly; it offers each transfer at
    /// most what the receiver's download has left beside its other incoming transfers
    /// (and never less than an equal share of it). Then each receiver divides its
    /// download max-min fairly among the offers. A change at a receiver moves its
    /// senders' offers, which moves their other receivers, so the work spans three hops
    /// from the change and no more. Nodes are visited in the order they are found, so
    /// the result never depends on hashing.
    mutating func rerate(senders: [NodeID], receivers: [NodeID]) {
        rerateEpoch += 1
        let upMark = 2 * rerateEpoch
        let downMark = upMark + 1
        var marks = rerateMarks
        rerateMarks = []
        var upSides: [NodeID] = []
        var downSides: [NodeID] = []
        // A node can be on both sides; its mark says which sides it has joined.
        func join(_ node: NodeID, _ mark: Int, _ list: inout [NodeID]) {
            let current = marks[node.rawValue]
            if current == mark || current == -rerateEpoch { return }
            marks[node.rawValue] = (current == upMark || current == downMark) ? -rerateEpoch : mark
            list.append(node)
        }
        for sender in senders { join(sender, upMark, &upSides) }
        for receiver in receivers {
            for id in nodes[receiver.rawValue].downloads { join(transfers[id].sender, upMark, &upSides) }
        }
        for receiver in receivers { join(receiver, downMark, &downSides) }
        for sender in upSides {
            for id in nodes[sender.rawValue].uploads { join(transfers[id].receiver, downMark, &downSides) }
        }
        rerateMarks = marks
        for sender in upSides {
            let ids = nodes[sender.rawValue].uploads
            let caps = ids.map { offerCap(for: $0) }
            let shares = maxMinShares(capacity: capacity(upload: sender), caps: caps)
            for index in ids.indices { transfers[ids[index]].upShare = shares[index] }
        }
        for receiver in downSides {
            let ids = nodes[receiver.rawValue].downloads
            let caps = ids.map { transfers[$0].upShare }
            let shares = maxMinShares(capacity: capacity(download: receiver), caps: caps)
            for index in ids.indices { setRate(of: ids[index], to: shares[index]) }
        }
    }

    /// The most a sender offers a transfer: what its receiver's download has left beside
    /// its other incoming transfers, but at least an equal share of that download.
    private func offerCap(for id: Int) -> Double {
        let receiver = transfers[id].receiver
        let incoming = nodes[receiver.rawValue].downloads
        let download = capacity(download: receiver)
        guard incoming.count > 1, download.isFinite else { return download }
        var others = 0.0
        for other in incoming where other != id { others += transfers[other].rate }
        return max(download / Double(incoming.count), download - others)
    }

    private func capacity(upload node: NodeID) -> Double {
        nodes[node.rawValue].isUp ? network.nodes[node.rawValue].upload : 0
    }

    private func capacity(download node: NodeID) -> Double {
        nodes[node.rawValue].isUp ? network.nodes[node.rawValue].download : 0
    }

    /// Brings the transfer's progress up to now, then moves at `rate` from here on.
    private mutating func setRate(of id: Int, to rate: Double) {
        var transfer = transfers[id]
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
