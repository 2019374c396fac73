/// Re-sharing capacity among the transfers in the table (fluid sharing, max-min fair at
/// both ends).
///
/// First each sender divides its upload max-min fairly; it offers each transfer at
/// most what the receiver's download has left beside its other incoming transfers
/// (and never less than an equal share of it). Then each receiver divides its download
/// max-min fairly among the offers. A change at a receiver moves its senders' offers,
/// which moves their other receivers, so the work spans three hops from the change and
/// no more. Nodes are visited in the order they are found, so the result never depends
/// on hashing. Work is skipped where it could not change anything: a sender that split
/// its upload evenly is not re-divided for a receiver whose new cap still allows its
/// even share, and receivers are re-divided only where an offer changed (or their own
/// transfers or capacity did). A sender whose upload is split evenly among many
/// receivers that nothing else limits keeps them as one `SharePool`, re-shared in
/// O(log n).
extension TransferTable {
    /// Re-shares after the upload side of `senders` and the download side of `receivers`
    /// changed (a transfer started or ended there, or a capacity changed). The completion
    /// events this calls for are left in `scratch`, in the order they are to be scheduled.
    mutating func reshare(senders: [NodeID], receivers: [NodeID], at now: SimTime, scratch: inout RerateScratch) {
        scratch.beginRound()
        let pooling = !pools.isEmpty || !poolsToDissolve.isEmpty
        if pooling { preparePools(senders: senders, receivers: receivers, at: now, scratch: &scratch) }
        // Pooled senders and their receivers are done; the rest never reach them (a
        // pool's receivers download from its sender alone).
        for sender in senders where !pooling || endpoints[sender.rawValue].pool < 0 { scratch.joinUploadSide(sender) }
        for receiver in receivers where !pooling || endpoints[receiver.rawValue].pooledDownloads == 0 {
            var cursor = endpoints[receiver.rawValue].firstDownload
            while cursor >= 0 {
                let sender = endpoints[Int(links[Int(cursor)].sender)]
                if sender.evenShare < 0 || offerCap(for: Int(cursor)) < sender.evenShare {
                    scratch.joinUploadSide(NodeID(Int(links[Int(cursor)].sender)))
                }
                cursor = links[Int(cursor)].nextDownload
            }
        }
        for receiver in receivers where !pooling || endpoints[receiver.rawValue].pooledDownloads == 0 {
            scratch.joinDownloadSide(receiver, changed: true)
        }
        for sender in scratch.upSides { offer(from: sender, scratch: &scratch) }
        for receiver in scratch.downSides where scratch.mustReshare(receiver) {
            divide(at: receiver, now: now, scratch: &scratch)
        }
        for sender in scratch.manyUploads { formPoolIfEligible(sender, at: now, scratch: &scratch) }
    }

    /// The sender's side: divides its upload among its transfers' caps and notes the
    /// receivers whose offers changed.
    private mutating func offer(from sender: NodeID, scratch: inout RerateScratch) {
        let endpoint = endpoints[sender.rawValue]
        if endpoint.uploadCount >= poolThreshold { scratch.noteManyUploads(sender) }
        withIDsAndShares(count: Int(endpoint.uploadCount)) { ids, shares in
            var cursor = endpoint.firstUpload
            for index in ids.indices {
                ids[index] = cursor
                shares[index] = offerCap(for: Int(cursor))
                cursor = links[Int(cursor)].nextUpload
            }
            shareMaxMinFairly(capacity: endpoint.upload, shares)
            let even = endpoint.upload / Double(ids.count)
            let isEven = !ids.isEmpty && endpoint.upload.isFinite && shares.allSatisfy { $0 == even }
            self[sender].evenShare = isEven ? even : -1
            for index in ids.indices {
                let id = Int(ids[index])
                let changed = links[id].upShare != shares[index]
                self[link: id].upShare = shares[index]
                scratch.joinDownloadSide(NodeID(Int(links[id].receiver)), changed: changed)
            }
        }
    }

    /// The most a sender offers a transfer: what its receiver's download has left beside
    /// its other incoming transfers, but at least an equal share of that download.
    private func offerCap(for id: Int) -> Double {
        let link = links[id]
        let receiver = endpoints[Int(link.receiver)]
        let download = receiver.download
        guard receiver.downloadCount > 1, download.isFinite else { return download }
        let others = receiver.incomingRate - link.rate
        return max(download / Double(receiver.downloadCount), download - others)
    }

    /// The receiver's side: divides its download among the offers it has.
    private mutating func divide(at receiver: NodeID, now: SimTime, scratch: inout RerateScratch) {
        let endpoint = endpoints[receiver.rawValue]
        withIDsAndShares(count: Int(endpoint.downloadCount)) { ids, shares in
            var cursor = endpoint.firstDownload
            for index in ids.indices {
                ids[index] = cursor
                shares[index] = links[Int(cursor)].upShare
                cursor = links[Int(cursor)].nextDownload
            }
            shareMaxMinFairly(capacity: endpoint.download, shares)
            for index in ids.indices { setRate(of: Int(ids[index]), to: shares[index], now: now, scratch: &scratch) }
        }
    }

    /// Brings the transfer's progress up to now, then moves at `rate` from here on.
    ///
    /// A completion that moves earlier needs a new event (the old one goes stale). One
    /// that moves later keeps its event: when that fires too early it is re-armed for
    /// the new time (see `Simulation.rearmIfEarly`), which saves most re-scheduling in a
    /// busy swarm.
    private mutating func setRate(of id: Int, to rate: Double, now: SimTime, scratch: inout RerateScratch) {
        let old = links[id].rate
        guard rate != old else { return }
        var transfer = transfers[id]
        transfer.remaining = max(0, transfer.remaining - old * Double(now - transfer.updatedAt) / 1e6)
        transfer.updatedAt = now
        self[transfer.receiver].incomingRate += rate - old
        self[link: id].rate = rate
        transfer.completesAt = completionTime(remaining: transfer.remaining, rate: rate, at: now)
        if transfer.completesAt < transfer.scheduledAt {
            if transfer.scheduledAt != .max { scratch.staleCompletions += 1 }
            transfer.version += 1
            transfer.scheduledAt = transfer.completesAt
            scratch.completions.append(Completion(transfer: id, version: transfer.version, time: transfer.completesAt))
        }
        self[id] = transfer
    }
}

/// A completion event re-sharing calls for.
struct Completion: Equatable, Sendable {
    let transfer: Int
    let version: Int
    let time: SimTime
}

/// Calls `body` with room for `count` transfer ids and as many rates, without allocating.
private func withIDsAndShares(
    count: Int, _ body: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Double>) -> Void
) {
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { ids in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { body(ids, $0) }
    }
}
