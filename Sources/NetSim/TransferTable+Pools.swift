/// Forming, keeping and dissolving the table's `SharePool`s.
///
/// A pool forms at re-sharing once a sender divides its upload evenly among at least
/// `poolThreshold` transfers and every receiver downloads from it alone, at least as fast
/// as its upload. A transfer that starts there on the same terms joins it; one that
/// does not, a receiver that starts downloading from someone else, or a capacity change
/// that breaks the terms dissolves it at the next re-sharing, which gives each member
/// back its own rate (the share) and re-shares as usual from there.
extension TransferTable {
    /// A transfer just inserted joins its sender's pool if it keeps the pool's terms;
    /// otherwise that pool is dissolved at the next re-sharing, as is the pool of a
    /// receiver that now downloads from a second sender.
    mutating func poolNewTransfer(_ id: Int) {
        let transfer = transfers[id]
        let sender = Int32(transfer.sender.rawValue)
        let receiver = endpoints[transfer.receiver.rawValue]
        var receiverPool: Int32?
        if receiver.pooledDownloads > 0 {
            let poolSender = links[Int(receiver.firstDownload)].sender
            receiverPool = poolSender
            if poolSender != sender { dissolveLater(poolSender) }
        }
        let index = Int(endpoints[Int(sender)].pool)
        guard index >= 0, !poolsToDissolve.contains(sender) else { return }
        guard receiver.download >= pools[index].upload, receiver.pooledDownloads == receiver.downloadCount - 1,
              receiverPool == nil || receiverPool == sender
        else {
            dissolveLater(sender)
            return
        }
        pools[index].advance(to: transfer.updatedAt)
        let (order, finish) = pools[index].join(id, remaining: transfer.remaining)
        self[id].poolOrder = order
        self[id].remaining = finish
        self[transfer.receiver].pooledDownloads += 1
    }

    private mutating func dissolveLater(_ sender: Int32) {
        if !poolsToDissolve.contains(sender) { poolsToDissolve.append(sender) }
    }

    /// Before re-sharing: dissolves the pools that no longer hold (their sender's upload
    /// changed, a receiver's download fell below it, or a transfer broke their terms),
    /// then brings the pools of `senders` to their new share and schedules their first
    /// finisher if it now finishes sooner.
    mutating func preparePools(senders: [NodeID], receivers: [NodeID], at now: SimTime, scratch: inout RerateScratch) {
        for sender in senders {
            let index = Int(endpoints[sender.rawValue].pool)
            if index >= 0, endpoints[sender.rawValue].upload != pools[index].upload { dissolveLater(Int32(sender.rawValue)) }
        }
        for receiver in receivers where endpoints[receiver.rawValue].pooledDownloads > 0 {
            let sender = links[Int(endpoints[receiver.rawValue].firstDownload)].sender
            if endpoints[receiver.rawValue].download < pools[Int(endpoints[Int(sender)].pool)].upload { dissolveLater(sender) }
        }
        for sender in poolsToDissolve { dissolvePool(of: Int(sender), at: now, scratch: &scratch) }
        poolsToDissolve.removeAll(keepingCapacity: true)
        for sender in senders where endpoints[sender.rawValue].pool >= 0 {
            updatePool(of: sender.rawValue, at: now, scratch: &scratch)
        }
    }

    /// The pool's members changed (or may have): the share becomes the upload over their
    /// number, and the first to finish gets its completion time.
    private mutating func updatePool(of sender: Int, at now: SimTime, scratch: inout RerateScratch) {
        let index = Int(endpoints[sender].pool)
        pools[index].advance(to: now)
        guard pools[index].count > 0 else {
            self[NodeID(sender)].evenShare = -1
            deletePool(at: index)
            return
        }
        let share = pools[index].upload / Double(pools[index].count)
        let shareChanged = share != pools[index].share
        pools[index].share = share
        let table = transfers
        guard let first = pools[index].first(isMember: { Self.isMember($0, of: sender, in: table) }) else {
            preconditionFailure("a pool with members has a first to finish")
        }
        let id = Int(first.transfer)
        let previous = pools[index].timed
        guard previous != id || shareChanged else { return }
        if previous != id {
            // The previous first finisher ended, or a shorter transfer joined: the
            // previous one's time is worked out when asked again (an event it still has
            // is re-armed when it fires, see `Simulation.rearmIfEarly`).
            if previous >= 0, transfers[previous].isLive, transfers[previous].poolOrder >= 0,
               transfers[previous].sender.rawValue == sender {
                self[previous].completesAt = .max
            }
            pools[index].timed = id
        }
        let left = max(0, first.finish - pools[index].served(at: now))
        var transfer = transfers[id]
        transfer.completesAt = completionTime(remaining: left, rate: share, at: now)
        schedule(&transfer, id, scratch: &scratch)
        self[id] = transfer
    }

    /// Whether a pool mark still names a member: a slot freed and taken again has another
    /// order of joining, or another sender.
    private static func isMember(_ mark: PoolMark, of sender: Int, in transfers: [Transfer]) -> Bool {
        let transfer = transfers[Int(mark.transfer)]
        return transfer.isLive && transfer.poolOrder == mark.order && transfer.sender.rawValue == sender
    }

    /// A completion event for a transfer that now completes before its event fires.
    private func schedule(_ transfer: inout Transfer, _ id: Int, scratch: inout RerateScratch) {
        guard transfer.completesAt < transfer.scheduledAt else { return }
        if transfer.scheduledAt != .max { scratch.staleCompletions += 1 }
        transfer.version += 1
        transfer.scheduledAt = transfer.completesAt
        scratch.completions.append(Completion(transfer: id, version: transfer.version, time: transfer.completesAt))
    }

    /// Gives every member its own rate again, the share it has had, and its own completion
    /// event; the sender then re-shares as usual.
    private mutating func dissolvePool(of sender: Int, at now: SimTime, scratch: inout RerateScratch) {
        let index = Int(endpoints[sender].pool)
        guard index >= 0 else { return }
        pools[index].advance(to: now)
        let pool = pools[index]
        var cursor = endpoints[sender].firstUpload
        while cursor >= 0 {
            let id = Int(cursor)
            cursor = links[id].nextUpload
            var transfer = transfers[id]
            guard transfer.poolOrder >= 0 else { continue }
            transfer.poolOrder = -1
            transfer.remaining = max(0, transfer.remaining - pool.served)
            transfer.updatedAt = now
            if id != pool.timed {
                transfer.completesAt = completionTime(remaining: transfer.remaining, rate: pool.share, at: now)
            }
            schedule(&transfer, id, scratch: &scratch)
            self[id] = transfer
            self[link: id].rate = pool.share
            let receiver = transfer.receiver.rawValue
            self[NodeID(receiver)].incomingRate += pool.share
            self[NodeID(receiver)].pooledDownloads -= 1
        }
        self[NodeID(sender)].evenShare = pool.share
        deletePool(at: index)
        scratch.joinUploadSide(NodeID(sender))
    }

    private mutating func deletePool(at index: Int) {
        self[NodeID(Int(pools[index].sender))].pool = -1
        let last = pools.count - 1
        if index != last {
            pools[index] = pools[last]
            self[NodeID(Int(pools[index].sender))].pool = Int32(index)
        }
        pools.removeLast()
    }

    /// After re-sharing: pools the uploads of `sender` if they keep a pool's terms. Their
    /// progress is brought up to now, their rates leave their receivers' sums, and only the
    /// first to finish keeps a completion event.
    mutating func formPoolIfEligible(_ sender: NodeID, at now: SimTime, scratch: inout RerateScratch) {
        let endpoint = endpoints[sender.rawValue]
        let share = endpoint.evenShare
        guard endpoint.pool < 0, endpoint.uploadCount >= poolThreshold, share > 0, endpoint.upload.isFinite,
              eligibleForPool(sender)
        else { return }
        var pool = SharePool(sender: sender, upload: endpoint.upload, share: share, at: now)
        var cursor = endpoint.firstUpload
        while cursor >= 0 {
            let id = Int(cursor)
            cursor = links[id].nextUpload
            var transfer = transfers[id]
            let left = max(0, transfer.remaining - share * Double(now - transfer.updatedAt) / 1e6)
            (transfer.poolOrder, transfer.remaining) = pool.join(id, remaining: left)
            transfer.updatedAt = now
            self[id] = transfer
            self[link: id].rate = 0
            let receiver = transfer.receiver.rawValue
            self[NodeID(receiver)].incomingRate = 0
            self[NodeID(receiver)].pooledDownloads += 1
        }
        guard let first = pool.first(isMember: { _ in true }) else { return }
        pool.timed = Int(first.transfer)
        // Only the first to finish keeps its event (and its completion time, set when its
        // rate became the share); events asked for in this round for the others are not
        // scheduled at all.
        cursor = endpoint.firstUpload
        while cursor >= 0 {
            let id = Int(cursor)
            cursor = links[id].nextUpload
            guard id != pool.timed else { continue }
            self[id].completesAt = .max
            if transfers[id].scheduledAt != .max {
                self[id].version += 1
                self[id].scheduledAt = .max
                scratch.staleCompletions += 1
            }
        }
        let asked = scratch.completions.count
        scratch.completions.removeAll { transfers[$0.transfer].version != $0.version }
        scratch.staleCompletions -= asked - scratch.completions.count
        self[sender].pool = Int32(pools.count)
        pools.append(pool)
    }

    /// Whether every upload of `sender` runs at its even share, to a receiver that
    /// downloads from it alone and at least as fast as its upload.
    private func eligibleForPool(_ sender: NodeID) -> Bool {
        let endpoint = endpoints[sender.rawValue]
        let from = Int32(sender.rawValue)
        var cursor = endpoint.firstUpload
        while cursor >= 0 {
            let link = links[Int(cursor)]
            let receiver = endpoints[Int(link.receiver)]
            guard link.rate == endpoint.evenShare, receiver.download >= endpoint.upload, receiver.pooledDownloads == 0 else { return false }
            if receiver.downloadCount > 1 {
                var download = receiver.firstDownload
                while download >= 0 {
                    guard links[Int(download)].sender == from else { return false }
                    download = links[Int(download)].nextDownload
                }
            }
            cursor = link.nextUpload
        }
        return true
    }
}
