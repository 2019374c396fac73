/// A file spread in chunks among peers. Peers pull: each keeps up to `downloadSlots`
/// chunks being sent to it at once, each from a different source, choosing the rarest
/// chunk the source can give; requests are pipelined, so the next chunk from a source
/// starts as the last bit of the one before leaves (see `chunkTransmitted`). Which
/// sources a peer may use depends on the scheduling:
///
/// - relay: any member; the peer samples a few and takes the one whose upload would give
///   it the biggest share, so busy sources shed requesters to idle ones;
/// - bitTorrent: only neighbours (from the tracker's peer list) that have unchoked it.
extension Simulation {
    mutating func startSwarm(_ config: SwarmConfig) throws(SimError) {
        for node in config.seeds + config.peers + (config.tracker.map { [$0] } ?? []) { try check(node) }
        guard !swarm.isActive else { throw .invalid("a swarm is already running") }
        guard config.chunks > 0, config.fileBits > 0, config.fileBits.isFinite else {
            throw .invalid("a swarm needs a file of positive size and at least one chunk")
        }
        guard !config.seeds.isEmpty, !config.peers.isEmpty else { throw .invalid("a swarm needs at least one seed and one peer") }
        let all = config.seeds + config.peers
        guard Set(all).count == all.count else { throw .invalid("a node appears twice among the seeds and peers") }
        guard config.uploadSlots > 0, config.rechokeInterval > 0, config.peerListSize > 0 else {
            throw .invalid("upload slots, re-choke interval and peer list size must be positive")
        }
        if let tracker = config.tracker, all.contains(tracker) { throw .invalid("the tracker cannot also be a swarm member") }
        // The last swarm's chunks still being sent are wanted by nobody now; those already
        // sent and travelling arrive marked with its generation, and are ignored.
        let leftovers = nodeIDs.flatMap { Array(transfers.uploads(of: $0)) }.filter { transfers[$0].chunk >= 0 }
        if !leftovers.isEmpty { abortTransfers(leftovers, lost: false) }
        let (epoch, generation) = (swarm.rechokeVersion + 1, swarm.generation + 1)
        swarm = SwarmState(config: config, nodeCount: nodes.count)
        swarm.rechokeVersion = epoch
        swarm.generation = generation
        for member in swarm.members.indices where !nodes[swarm.members[member].rawValue].isUp {
            leaveSwarm(member)
        }
        switch config.scheduling {
        case .relay:
            for member in swarm.members.indices { fillDownloads(member) }
        case .bitTorrent:
            startBitTorrent()
        }
    }

    /// Starts downloads for `member` until its slots are full or no source can help.
    mutating func fillDownloads(_ member: Int) {
        guard swarm.isActive, !swarm.departed[member], swarm.held[member] < swarm.config.chunks else { return }
        while swarm.downloading[member] < swarm.downloadSlots {
            guard let (source, chunk) = findSource(for: member, endgame: false)
                ?? lastResortSource(for: member) ?? findSource(for: member, endgame: true)
            else {
                if swarm.config.scheduling == .relay, swarm.downloading[member] == 0 { swarm.starved.append(member) }
                return
            }
            sendChunk(chunk, from: source, to: member)
        }
    }

    /// The source and chunk for `sink`'s next download. In the endgame (every chunk it
    /// lacks is already on its way) it may fetch a chunk a second time from another,
    /// faster source; the first copy to arrive cancels the other.
    private mutating func findSource(for sink: Int, endgame: Bool) -> (Int, Int)? {
        if endgame {
            let missing = swarm.config.chunks - swarm.held[sink]
            guard missing <= swarm.downloadSlots, swarm.downloading[sink] < 2 * missing else { return nil }
        }
        let candidates: [Int32]
        switch swarm.config.scheduling {
        case .relay:
            let seeds = Int32(min(swarm.config.seeds.count, 4))
            let sampled = (0..<swarm.sampleSize).map { _ in Int32(random.below(swarm.members.count)) }
            candidates = Array(0..<seeds) + sampled
        case .bitTorrent:
            candidates = swarm.unchokedBy[sink]
        }
        var best: (source: Int, chunk: Int, share: Double)?
        for candidate in candidates {
            let source = Int(candidate)
            guard usable(source, by: sink), hasRoom(source, for: sink) else { continue }
            let share = transfers[swarm.members[source]].upload / Double(swarm.serving[source] + 1)
            guard best == nil || share > best!.share,
                  let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: endgame)
            else { continue }
            best = (source, chunk, share)
        }
        return best.map { ($0.source, $0.chunk) }
    }

    /// In relay mode, when the sample found nobody and nothing is on its way, every member
    /// is asked: this happens only once the seeds are gone, and keeps a peer from waiting
    /// while someone could help.
    private func lastResortSource(for sink: Int) -> (Int, Int)? {
        guard swarm.config.scheduling == .relay, swarm.downloading[sink] == 0,
              swarm.config.seeds.indices.allSatisfy({ swarm.departed[$0] })
        else { return nil }
        for source in swarm.members.indices where usable(source, by: sink) {
            if let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: false) { return (source, chunk) }
        }
        return nil
    }

    /// Whether `source` takes on another download. BitTorrent mode: while it has a free
    /// upload slot (a choked peer's last chunk may still be finishing). Relay mode: two
    /// at least, more only while each of its streams would still get what one of the
    /// sink's download slots can take, so a slow server sends one chunk fast instead of
    /// many slowly and the peers have something to pass on sooner.
    private func hasRoom(_ source: Int, for sink: Int) -> Bool {
        let serving = swarm.serving[source]
        guard swarm.config.scheduling == .relay else { return serving < swarm.config.uploadSlots }
        guard serving > 1 else { return true }
        let upload = transfers[swarm.members[source]].upload
        let slotRate = transfers[swarm.members[sink]].download / Double(swarm.downloadSlots)
        return upload / Double(serving + 1) >= slotRate
    }

    /// A source `sink` may fetch from now: in the swarm, up, not banned, not already sending to it.
    private func usable(_ source: Int, by sink: Int) -> Bool {
        guard source != sink, !swarm.departed[source], !swarm.banned[sink].contains(Int32(source)) else { return false }
        return !transfers.hasTransfer(from: swarm.members[source], to: swarm.members[sink])
    }

    private mutating func sendChunk(_ chunk: Int, from source: Int, to sink: Int) {
        let sourceNode = swarm.members[source]
        let corrupt = nodes[sourceNode.rawValue].malicious || swarm.corrupt.contains(row: source, column: chunk)
        swarm.pending.insert(row: sink, column: chunk)
        swarm.downloading[sink] += 1
        swarm.serving[source] += 1
        swarm.inflight[chunk] += 1
        send(
            corrupt ? .corruptChunk : .chunk, from: sourceNode, to: swarm.members[sink], bits: swarm.chunkBits,
            label: swarm.chunkLabels[chunk], payload: .chunk(chunk, corrupt: corrupt, swarm: swarm.generation)
        )
    }

    /// The last bit of a chunk has left its source and the chunk is on its way. Requests
    /// are pipelined, as BitTorrent clients do: the sink asked the source ahead for its
    /// next chunk, so that one starts at once (while the source still serves the sink and
    /// has something it needs) instead of both slots idling while this one travels. The
    /// chunk stays pending at the sink until it arrives.
    mutating func chunkTransmitted(from sourceNode: NodeID, to sinkNode: NodeID) {
        guard let source = swarm.member(sourceNode), let sink = swarm.member(sinkNode) else { return }
        swarm.downloading[sink] -= 1
        swarm.serving[source] -= 1
        continuePipeline(from: source, to: sink)
        fillDownloads(sink)
        if swarm.config.scheduling == .relay { offerUploads(from: source) }
        wakeStarved()
    }

    /// Sends `sink` the next chunk it asked `source` for ahead, if that still makes sense.
    private mutating func continuePipeline(from source: Int, to sink: Int) {
        guard swarm.isActive, !swarm.departed[sink], swarm.held[sink] < swarm.config.chunks,
              swarm.downloading[sink] < swarm.downloadSlots,
              swarm.config.scheduling == .relay || swarm.unchokedBy[sink].contains(Int32(source)),
              usable(source, by: sink), hasRoom(source, for: sink),
              let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: false)
        else { return }
        sendChunk(chunk, from: source, to: sink)
    }

    /// A chunk is no longer on its way (it arrived, or a node or link failed);
    /// `holdingSlots` says it still held its source's and its sink's slots.
    mutating func releaseChunk(_ chunk: Int, from sourceNode: NodeID, to sinkNode: NodeID, holdingSlots: Bool = true) {
        guard let source = swarm.member(sourceNode), let sink = swarm.member(sinkNode) else { return }
        swarm.pending.remove(row: sink, column: chunk)
        swarm.inflight[chunk] -= 1
        if holdingSlots {
            swarm.downloading[sink] -= 1
            swarm.serving[source] -= 1
        }
    }

    mutating func receiveChunk(_ chunk: Int, corrupt: Bool, message: Message, holdingSlots: Bool) -> Happening {
        releaseChunk(chunk, from: message.from, to: message.to, holdingSlots: holdingSlots)
        let source = swarm.member(message.from)!
        let sink = swarm.member(message.to)!
        var happening = Happening(kind: .delivered, message: message, node: message.to)
        if swarm.config.scheduling == .bitTorrent { credit(sink, from: source, bits: message.bits) }
        if corrupt, verification {
            metrics.corruptRejected += 1
            ban(source, by: sink)
            happening.kind = .rejected
        } else if !swarm.departed[sink], !swarm.have.contains(row: sink, column: chunk) {
            swarm.have.insert(row: sink, column: chunk)
            swarm.held[sink] += 1
            swarm.availability[chunk] += 1
            if corrupt {
                swarm.corrupt.insert(row: sink, column: chunk)
                metrics.corruptAccepted += 1
            }
            cancelDuplicates(of: chunk, to: message.to)
            if swarm.config.scheduling == .bitTorrent { offerNewChunk(from: sink) }
            if swarm.held[sink] == swarm.config.chunks {
                happening = completeFile(at: message.to, message: message)
                finishPeer(sink)
            }
        }
        fillDownloads(sink)
        if swarm.config.scheduling == .relay {
            offerUploads(from: source)
            offerUploads(from: sink)
        }
        wakeStarved()
        return happening
    }

    /// Relay mode: a source with room looks for peers that need what it has, so that no
    /// upload waits for someone to happen to ask. It samples a few members and serves
    /// the one furthest behind.
    private mutating func offerUploads(from source: Int) {
        guard swarm.isActive, !swarm.departed[source] else { return }
        for _ in 0..<2 {
            var best: (sink: Int, chunk: Int, progress: Int)?
            for _ in 0..<swarm.sampleSize {
                let sink = random.below(swarm.members.count)
                let progress = swarm.held[sink] + swarm.downloading[sink]
                guard swarm.downloading[sink] < swarm.downloadSlots, swarm.held[sink] < swarm.config.chunks,
                      best == nil || progress < best!.progress, usable(source, by: sink),
                      let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: false)
                else { continue }
                best = (sink, chunk, progress)
            }
            guard let best, hasRoom(source, for: best.sink) else { return }
            sendChunk(best.chunk, from: source, to: best.sink)
        }
    }

    /// A chunk from `source` failed its hash check at `sink`: the sink never uses that
    /// source again and drops what it is still fetching from it.
    private mutating func ban(_ source: Int, by sink: Int) {
        guard !swarm.banned[sink].contains(Int32(source)) else { return }
        swarm.banned[sink].append(Int32(source))
        let sourceNode = swarm.members[source]
        let fetching = transfers.downloads(of: swarm.members[sink]).filter { transfers[$0].sender == sourceNode && transfers[$0].chunk >= 0 }
        if !fetching.isEmpty { abortTransfers(fetching, lost: false) }
    }

    /// Stops other downloads of a chunk that has just arrived (endgame duplicates).
    /// Only a sink that has reached its endgame (it was missing no more chunks than it
    /// has download slots) can have fetched a chunk twice.
    private mutating func cancelDuplicates(of chunk: Int, to node: NodeID) {
        let sink = swarm.member(node)!
        guard swarm.config.chunks - swarm.held[sink] < swarm.downloadSlots, swarm.inflight[chunk] > 0, swarm.downloading[sink] > 0
        else { return }
        let duplicates = transfers.downloads(of: node).filter { transfers[$0].chunk == chunk }
        if !duplicates.isEmpty { abortTransfers(duplicates, lost: false) }
    }

    /// A peer has every chunk: it stays as a seed or leaves, as configured.
    private mutating func finishPeer(_ member: Int) {
        swarm.unfinished -= 1
        if !swarm.config.seedsStay { leaveSwarm(member) }
        if !swarm.isActive { endSwarm() }
    }

    /// The member stops taking part: its chunks are no longer available and its transfers
    /// stop (their receivers look for other sources).
    mutating func leaveSwarm(_ member: Int) {
        guard !swarm.departed[member] else { return }
        swarm.departed[member] = true
        let node = swarm.members[member]
        for chunk in 0..<swarm.config.chunks where swarm.have.contains(row: member, column: chunk) {
            swarm.availability[chunk] -= 1
        }
        if !swarm.isSeed[member], swarm.held[member] < swarm.config.chunks {
            swarm.unfinished -= 1
        }
        if swarm.config.scheduling == .bitTorrent { disconnect(member) }
        let chunkTransfers = (Array(transfers.uploads(of: node)) + Array(transfers.downloads(of: node)))
            .filter { transfers[$0].chunk >= 0 }
        abortTransfers(chunkTransfers)
        if !swarm.isActive { endSwarm() }
    }

    /// The receivers of aborted chunk transfers look for other sources.
    mutating func refill(after receivers: [NodeID]) {
        guard swarm.isActive else { return }
        for node in receivers {
            if let member = swarm.member(node) { fillDownloads(member) }
        }
        wakeStarved()
    }

    /// Gives waiting members another try now that some chunk has a new holder.
    private mutating func wakeStarved() {
        guard !swarm.starved.isEmpty else { return }
        let waiting = swarm.starved
        swarm.starved.removeAll()
        for member in waiting where swarm.downloading[member] == 0 { fillDownloads(member) }
    }

    private mutating func endSwarm() {
        if swarm.rechokePending {
            queue.invalidateOne()
            swarm.rechokePending = false
        }
        swarm.starved.removeAll()
    }
}
