/// A file spread in chunks among peers. Peers pull: each keeps up to `downloadSlots`
/// chunks being sent to it at once, each from a different source, choosing the rarest
/// chunk the source can give; requests are pipelined, so the next chunk from a source
/// starts as the last bit of the one before leaves (see `chunkTransmitted`). Which
/// sources a peer may use depends on the scheduling:
///
/// - relay: any member; the peer samples a few and takes the one whose upload would give
///   it the biggest share, so busy sources shed requesters to idle ones;
/// - bitTorrent: only neighbours (from the tracker's peer list) that have unchoked it.
///
/// Relay mode aims at the textbook's bound, max(F/u_s, F/d, N·F/(u_s + Σu_i)), and so
/// must never do worse than the server sending to everyone itself. Three rules get it
/// there across the whole range of rates:
///
/// - **Rarest first.** A source gives the chunk fewest members hold or are fetching, so a
///   slow server puts each chunk into the swarm once and the peers spread it; this is
///   what keeps P2P near F/u_s when the server is the bottleneck.
/// - **Only chunks that arrive in time** (`arrivesInTime`). A chunk from a peer whose
///   upload is slow can take longer than the whole distribution has left: a peer that
///   waits for it finishes late, though the server could have sent it the chunk itself.
///   So a peer fetches from a source only if one chunk from it would arrive within the
///   time the swarm still needs at best (the chunks still lacking over all the upload
///   left, the `horizon`) or within the time the peer needs for its own missing chunks
///   at its full download. Slow peers still help while there is time, and the server
///   keeps sending to peers directly, as the bound's optimal scheme does when the
///   peers' uploads cannot carry everything.
/// - **Endgame only where it wins** (`endgameSource`). Once every chunk a peer lacks is on
///   its way, it asks a second source for the chunk whose transfer ends last, only if
///   that source would bring it sooner. A duplicate from a source no faster would only
///   split the peer's download and delay both copies.
///
/// Re-sharing is max-min fair at both ends (see `TransferTable.reshare`), so a stream
/// from a fast source takes whatever download a slow one leaves.
extension Simulation {
    mutating func apply(_ command: SwarmCommand) throws(SimError) {
        switch command {
        case let .start(config):
            try startSwarm(config)
            forgetCompletion(of: config.peers)
        case let .setVerification(on):
            verification = on
        case let .setMalicious(id, on):
            try check(id)
            nodes[id.rawValue].malicious = on
        }
    }

    mutating func deliver(_ payload: ChunkPayload, message: Message, holdingSlots: Bool) -> Happening {
        guard payload.generation == swarm.generation else { return Happening(kind: .delivered, message: message, node: message.to) }
        return receiveChunk(payload.chunk, corrupt: payload.corrupt, message: message, holdingSlots: holdingSlots)
    }

    /// A chunk will never arrive. One lost on arrival from a swarm that has since been
    /// replaced holds nothing of the new one.
    mutating func lost(_ payload: ChunkPayload, from: NodeID, to: NodeID, holdingSlots: Bool, onArrival: Bool) {
        guard !onArrival || payload.generation == swarm.generation else { return }
        releaseChunk(payload.chunk, from: from, to: to, holdingSlots: holdingSlots)
        if onArrival { refill(after: [to]) }
    }

    private mutating func startSwarm(_ config: SwarmConfig) throws(SimError) {
        for node in config.seeds + config.peers + (config.tracker.map { [$0] } ?? []) { try check(node) }
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
        // A swarm still running is replaced: it ends here, so that stopping its transfers
        // below starts nothing new in it. Its chunks still being sent are wanted by nobody
        // now; those already sent and travelling arrive marked with its generation, and
        // are ignored.
        if swarm.isActive {
            endSwarm()
            swarm.unfinished = 0
        }
        let leftovers = nodeIDs.flatMap { Array(transfers.uploads(of: $0)) }.filter { transfers[$0].chunk >= 0 }
        if !leftovers.isEmpty { abortTransfers(leftovers, lost: false) }
        let generation = swarm.generation + 1
        swarm = SwarmState(config: config, nodeCount: nodes.count)
        swarm.generation = generation
        bitTorrent = BitTorrentState(members: config.scheduling == .bitTorrent ? swarm.members.count : 0, after: bitTorrent)
        swarm.uploadTotal = swarm.members.reduce(0) { $0 + countedUpload(of: $1) }
        for member in swarm.members.indices where !nodes[swarm.members[member].rawValue].isUp {
            leaveSwarm(member, comingBack: true)
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
        guard swarm.isActive, !swarm.status[member].departed, swarm.status[member].held < swarm.config.chunks else { return }
        while swarm.status[member].downloading < swarm.downloadLimit, mayFindSource(member) {
            guard let (source, chunk) = nextDownload(for: member) else {
                if swarm.config.scheduling == .relay, swarm.status[member].downloading == 0, !swarm.status[member].isStarved {
                    swarm.status[member].isStarved = true
                    swarm.starved.append(member)
                }
                return
            }
            sendChunk(chunk, from: source, to: member)
        }
    }

    /// The source and chunk of `sink`'s next download, if its download has room (see
    /// `hasDownloadRoom`). The checks are pure, so their order changes nothing but the
    /// cost: a peer with room is most often asked when none of its sources has anything
    /// for it, so the sources are looked at first and the sink's downloads walked only
    /// once one is found (or before the endgame, which walks them too). A download already
    /// known to be full (`MemberStatus.downloadFull`) is the exception: nothing found could
    /// be taken, and late in a BitTorrent swarm a laggard unchoked by dozens of finished
    /// peers is asked at each of their chunks while its download is full.
    private mutating func nextDownload(for sink: Int) -> (Int, Int)? {
        guard !swarm.status[sink].downloadFull else { return nil }
        let search = findSource(for: sink)
        if let found = search.found ?? (mayUseLastResort(sink) ? lastResortSource(for: sink) : nil) {
            return hasDownloadRoom(sink) ? found : nil
        }
        return search.endgamePossible && hasDownloadRoom(sink) ? endgameSource(for: sink) : nil
    }

    /// Whether some source `sink` may use could take on a download now. BitTorrent mode
    /// counts them (see `MemberStatus.openUnchokers`): peers are nearly always asked
    /// while every peer that unchoked them is busy, and then `findSource` would look at
    /// each in vain. Relay mode draws its sources at random when it looks.
    @inline(__always)
    private func mayFindSource(_ sink: Int) -> Bool {
        swarm.config.scheduling == .relay || swarm.status[sink].openUnchokers > 0
    }

    /// BitTorrent mode: whether the sources `sink` fetches from now leave room in its
    /// download, counting each at what it can send (its upload over its streams). A peer
    /// the seed serves at its full download asks the peers that unchoked it for nothing
    /// more: their chunks would only take the seed's place in its download, while their
    /// upload serves the other peers they unchoked (a seed's slot would otherwise carry
    /// what the peer's download leaves beside them, and the seed fall short of what its
    /// slots can do). Relay mode limits downloads by its slots alone.
    ///
    /// A laggard unchoked by a hundred peers is asked at each of their chunks, and its
    /// download is nearly always full: the answer is kept (`MemberStatus.downloadFull`)
    /// until something could have made room, rather than walking its downloads each time.
    private mutating func hasDownloadRoom(_ sink: Int) -> Bool {
        guard swarm.config.scheduling == .bitTorrent else { return true }
        guard !swarm.status[sink].downloadFull else { return false }
        let node = swarm.members[sink]
        let download = transfers[node].download
        var expected = 0.0
        // Reads only the transfers' links, not the transfers: this runs for every peer a
        // member uploads to, at each of its chunks.
        for id in transfers.downloads(of: node) {
            let link = transfers[link: id]
            let sender = NodeID(Int(link.sender))
            guard link.chunk >= 0, let source = swarm.member(sender) else { continue }
            expected += transfers[sender].upload / Double(max(1, swarm.status[source].serving))
            if expected >= download {
                swarm.status[sink].downloadFull = true
                return false
            }
        }
        return true
    }

    /// `source` is about to send less to each sink it sends to (it takes on another
    /// stream, or its node went down): their downloads may have room again (see
    /// `MemberStatus.downloadFull`).
    private mutating func forgetFullDownloads(fedBy source: Int) {
        guard swarm.config.scheduling == .bitTorrent else { return }
        for id in transfers.uploads(of: swarm.members[source]) {
            let link = transfers[link: id]
            if link.chunk >= 0, let sink = swarm.member(NodeID(Int(link.receiver))) { swarm.status[sink].downloadFull = false }
        }
    }

    /// A node's capacity changed: any member's download may have room again.
    mutating func swarmCapacityChanged() {
        guard swarm.config.scheduling == .bitTorrent else { return }
        for member in swarm.status.indices { swarm.status[member].downloadFull = false }
    }

    /// The source and chunk for `sink`'s next download: of the sources it may use (see
    /// `candidates`), the one that would give it the biggest share and has a chunk it
    /// lacks and is not fetching yet. When there is none, `endgamePossible` says whether
    /// `endgameSource` could still find one: in BitTorrent mode only if some candidate
    /// was usable and had room (its candidates are the same on a second look; relay
    /// mode draws new ones).
    private mutating func findSource(for sink: Int) -> (found: (Int, Int)?, endgamePossible: Bool) {
        var best: (source: Int, chunk: Int, rate: Double)?
        var anyOpen = false
        let onlyFilling = takesOnlyFillingSources(sink)
        // BitTorrent mode: `openUnchokers` counts the candidates with room, so once that
        // many have been looked at the rest have none, and the search stops there rather
        // than read the load of every peer that unchoked the sink.
        assert(swarm.config.scheduling == .relay
            || Int(swarm.status[sink].openUnchokers) == bitTorrent.unchokedBy[sink].count(where: { hasFreeSlot(Int($0)) }),
            "the count of open unchokers is off")
        var withRoomLeft = swarm.config.scheduling == .bitTorrent ? Int(swarm.status[sink].openUnchokers) : .max
        // BitTorrent mode reads the sink's unchokers where they are rather than through
        // `candidates`, whose copy of the list costs a reference count at every search.
        let drawn = swarm.config.scheduling == .relay ? candidates(for: sink) : []
        let count = swarm.config.scheduling == .relay ? drawn.count : bitTorrent.unchokedBy[sink].count
        for index in 0..<count {
            guard withRoomLeft > 0 else { break }
            let source = Int(swarm.config.scheduling == .relay ? drawn[index] : bitTorrent.unchokedBy[sink][index])
            // The checks are pure, so their order changes nothing but the cost: a source
            // with no room or no better rate is passed over before `usable` walks the
            // sink's downloads (a laggard may have been unchoked by hundreds).
            guard hasRoom(source, for: sink) else { continue }
            withRoomLeft -= 1
            let rate = expectedRate(from: source, to: sink)
            guard best == nil || rate > best!.rate, usable(source, by: sink, onlyFilling: onlyFilling) else { continue }
            anyOpen = true
            guard arrivesInTime(from: source, at: rate, to: sink),
                  let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: false)
            else { continue }
            best = (source, chunk, rate)
        }
        return (best.map { ($0.source, $0.chunk) }, anyOpen || swarm.config.scheduling == .relay)
    }

    /// The sources `sink` considers. Relay mode: the seeds (up to four) and a few members
    /// drawn at random. BitTorrent mode: the neighbours that have unchoked it.
    private mutating func candidates(for sink: Int) -> [Int32] {
        switch swarm.config.scheduling {
        case .relay:
            let seeds = Int32(min(swarm.config.seeds.count, 4))
            return Array(0..<seeds) + (0..<swarm.sampleSize).map { _ in Int32(random.below(swarm.members.count)) }
        case .bitTorrent:
            return bitTorrent.unchokedBy[sink]
        }
    }

    /// The endgame: every chunk `sink` lacks is on its way (and there are no more of them
    /// than it has download slots). It fetches the chunk that would land last a second
    /// time, from another source, only if that copy would land sooner. The copy shares
    /// the sink's download with the first, so it can only use what the first leaves: a
    /// first copy limited by the sink's own download is never duplicated (that would
    /// only split the download and delay both). The first copy to arrive cancels the other.
    private mutating func endgameSource(for sink: Int) -> (Int, Int)? {
        let lacking = swarm.config.chunks - swarm.status[sink].held
        guard lacking <= swarm.downloadSlots || swarm.config.scheduling == .bitTorrent, swarm.status[sink].downloading < 2 * lacking
        else { return nil }
        let download = transfers[swarm.members[sink]].download
        var latest: (chunk: Int, seconds: Double, rate: Double)?
        for id in transfers.downloads(of: swarm.members[sink]) {
            let transfer = transfers[id]
            guard transfer.chunk >= 0, swarm.inflight[transfer.chunk] == 1, let source = swarm.member(transfer.sender) else { continue }
            let rate = min(transfers[transfer.sender].upload / Double(max(1, swarm.status[source].serving)), download)
            let seconds = (transfer.bits - bitsSent(by: id)) / rate
            if latest == nil || seconds > latest!.seconds { latest = (transfer.chunk, seconds, rate) }
        }
        guard let latest, latest.rate < download else { return nil }
        var best: (source: Int, rate: Double)?
        let onlyFilling = takesOnlyFillingSources(sink)
        for candidate in candidates(for: sink) {
            let source = Int(candidate)
            guard usable(source, by: sink, onlyFilling: onlyFilling), hasRoom(source, for: sink),
                  swarm.have.contains(row: source, column: latest.chunk) else { continue }
            let rate = min(expectedRate(from: source, to: sink), download - latest.rate)
            if best == nil || rate > best!.rate { best = (source, rate) }
        }
        guard let best, swarm.chunkBits / best.rate < latest.seconds else { return nil }
        return (best.source, latest.chunk)
    }

    /// The rate `sink` may expect for one chunk from `source`: the source's upload split
    /// evenly among its streams and this one, at most the sink's download.
    ///
    /// This and the other pure checks the engine asks at every chunk (`hasRoom`,
    /// `usable`, `arrivesInTime`, `servesFurthestBehind`) are always inlined: a call from
    /// a mutating method would first copy the whole simulation, over a kilobyte.
    @inline(__always)
    private func expectedRate(from source: Int, to sink: Int) -> Double {
        min(
            transfers[swarm.members[source]].upload / Double(swarm.status[source].serving + 1),
            transfers[swarm.members[sink]].download
        )
    }

    /// Relay mode: whether one chunk from `source` at `rate` would reach `sink` within
    /// the time the swarm still needs at best (`horizon`), or within the time the sink
    /// needs at its full download for the rest of what it lacks. A chunk slower than both
    /// would make the sink, and so the swarm, finish later than fetching it elsewhere:
    /// from a seed, which always passes (every chunk has to leave a seed once, however
    /// slow it is, and a peer that waits for a seed never waits in vain), or from a
    /// faster peer. BitTorrent mode takes what it is given: its peers know nothing of
    /// the swarm's rates.
    ///
    /// The rate counted is what the source would give if it took on as many streams as
    /// it may (see `hasRoom`), not what it gives now: a slow peer takes a second stream
    /// at once, and halves the first. A peer no slower than a seed would be always
    /// passes: where the server is the bottleneck, waiting for it gains nothing.
    @inline(__always)
    private func arrivesInTime(from source: Int, at rate: Double, to sink: Int) -> Bool {
        guard swarm.config.scheduling == .relay, !swarm.status[source].isSeed else { return true }
        let upload = transfers[swarm.members[source]].upload
        let streams = max(2, swarm.status[source].serving + 1, Int(min(upload / slotRate(of: sink), 1e6)))
        let assured = min(rate, upload / Double(streams))
        guard assured < seedRate(to: sink) else { return true }
        let seconds = swarm.chunkBits / assured
        return seconds <= horizon || seconds <= bitsStillToFetch(by: sink) / transfers[swarm.members[sink]].download
    }

    /// The best rate one of the first seeds (those every peer considers) would give `sink`.
    private func seedRate(to sink: Int) -> Double {
        var best = 0.0
        for seed in 0..<min(swarm.config.seeds.count, 4) where !swarm.status[seed].departed {
            best = max(best, expectedRate(from: seed, to: sink))
        }
        return best
    }

    /// What `sink` has yet to download, in bits: the chunks it lacks and is not fetching,
    /// this one among them, and what is left of those on their way (several may be about
    /// to land at once, so counting them whole would let a slow chunk in at the end).
    private func bitsStillToFetch(by sink: Int) -> Double {
        let unasked = swarm.config.chunks - swarm.status[sink].held - swarm.pending.count(row: sink)
        var bits = Double(unasked) * swarm.chunkBits
        for id in transfers.downloads(of: swarm.members[sink]) where transfers[id].chunk >= 0 {
            bits += transfers[id].bits - bitsSent(by: id)
        }
        return bits
    }

    /// Relay mode's estimate of the time the swarm still needs at best, in seconds: the
    /// chunks its peers lack, sent at the members' whole upload (the textbook's third
    /// term, for the work left).
    var horizon: Double {
        swarm.uploadTotal > 0 ? Double(swarm.missing) * swarm.chunkBits / swarm.uploadTotal : .infinity
    }

    /// A node's upload as the horizon counts it (an unlimited one as very large, so that
    /// sums stay finite and can be taken apart again).
    func countedUpload(of node: NodeID) -> Double {
        min(network.nodes[node.rawValue].upload, 1e15)
    }


    /// In relay mode, when the sample found nobody and nothing is on its way, every member
    /// is asked: this happens only once the seeds are gone, and keeps a peer from waiting
    /// while someone could help.
    private func lastResortSource(for sink: Int) -> (Int, Int)? {
        assert(mayUseLastResort(sink), "no last resort for this sink")
        for source in swarm.members.indices where usable(source, by: sink, onlyFilling: false) {
            if let chunk = swarm.rarestChunk(from: source, to: sink, includingPending: false) { return (source, chunk) }
        }
        return nil
    }

    /// Whether `lastResortSource` may look: relay mode, the sink fetching nothing, the
    /// seeds gone. Asked before the call, which would first copy the whole simulation,
    /// while nearly every search that finds nothing is answered no here.
    @inline(__always)
    private func mayUseLastResort(_ sink: Int) -> Bool {
        swarm.config.scheduling == .relay && swarm.status[sink].downloading == 0
            && swarm.config.seeds.indices.allSatisfy({ swarm.status[$0].departed })
    }

    /// Whether `source` takes on another download. BitTorrent mode: while it has a free
    /// upload slot (a choked peer's last chunk may still be finishing). Relay mode: two
    /// at least, more only while each of its streams would still get what one of the
    /// sink's download slots can take, so a slow server sends one chunk fast instead of
    /// many slowly and the peers have something to pass on sooner.
    @inline(__always)
    private func hasRoom(_ source: Int, for sink: Int) -> Bool {
        let serving = swarm.status[source].serving
        guard swarm.config.scheduling == .relay else { return serving < swarm.config.uploadSlots }
        guard serving > 1 else { return true }
        return transfers[swarm.members[source]].upload / Double(serving + 1) >= slotRate(of: sink)
    }

    /// What one of the sink's download slots can take: its download shared among them.
    @inline(__always)
    private func slotRate(of sink: Int) -> Double {
        transfers[swarm.members[sink]].download / Double(swarm.downloadSlots)
    }

    /// A source `sink` may fetch from now: in the swarm, up, not banned, not already sending
    /// to it, and able to fill the sink's download if `onlyFilling` (see
    /// `takesOnlyFillingSources`, asked once per search rather than once per source).
    @inline(__always)
    private func usable(_ source: Int, by sink: Int, onlyFilling: Bool) -> Bool {
        guard source != sink, !swarm.status[source].departed, !swarm.banned[sink].contains(Int32(source)) else { return false }
        if onlyFilling, !slotFillsDownload(of: source, for: sink) { return false }
        return !transfers.hasTransfer(from: swarm.members[source], to: swarm.members[sink])
    }

    /// BitTorrent mode: a seed that can fill `sink`'s download has reserved or unchoked it,
    /// so it takes chunks from no slower source (see `BitTorrentState.reserved`).
    @inline(__always)
    private func takesOnlyFillingSources(_ sink: Int) -> Bool {
        swarm.config.scheduling == .bitTorrent && awaitsFullSource(sink)
    }

    private mutating func sendChunk(_ chunk: Int, from source: Int, to sink: Int) {
        let sourceNode = swarm.members[source]
        let corrupt = nodes[sourceNode.rawValue].malicious || swarm.corrupt.contains(row: source, column: chunk)
        forgetFullDownloads(fedBy: source)
        swarm.pending.insert(row: sink, column: chunk)
        swarm.status[sink].downloading += 1
        changeServing(of: source, by: 1)
        swarm.inflight[chunk] += 1
        send(
            corrupt ? .corruptChunk : .chunk, from: sourceNode, to: swarm.members[sink], bits: swarm.chunkBits,
            label: swarm.chunkLabels[chunk], payload: .swarm(ChunkPayload(chunk: chunk, corrupt: corrupt, generation: swarm.generation))
        )
    }

    /// The last bit of a chunk has left its source and the chunk is on its way. Requests
    /// are pipelined, as BitTorrent clients do: the sink asked the source ahead for its
    /// next chunk, so that one starts at once (while the source still serves the sink and
    /// has something it needs) instead of both slots idling while this one travels. The
    /// chunk stays pending at the sink until it arrives.
    mutating func chunkTransmitted(from sourceNode: NodeID, to sinkNode: NodeID) {
        guard let source = swarm.member(sourceNode), let sink = swarm.member(sinkNode) else { return }
        swarm.status[sink].downloading -= 1
        changeServing(of: source, by: -1)
        swarm.status[sink].downloadFull = false
        if servesFurthestBehind(source) {
            offerUploads(from: source)
        } else {
            continuePipeline(from: source, to: sink)
        }
        fillDownloads(sink)
        switch swarm.config.scheduling {
        case .relay: offerUploads(from: source)
        case .bitTorrent: offerFreedSlot(of: source)
        }
        wakeStarved()
    }

    /// Relay mode, where the seeds are not the bottleneck (they upload more than the
    /// peers' fair share of all the upload): a seed whose chunk has gone serves the
    /// peers furthest behind first, before the peer it served asks again. Otherwise the
    /// peers that reached the seed first would keep it, finish early and leave the last
    /// few to take the seed's upload one download at a time at the end, where
    /// client-server shares it evenly. Where the seeds are the bottleneck, every chunk
    /// they send is new to the swarm and it matters less who gets it first.
    @inline(__always)
    private func servesFurthestBehind(_ source: Int) -> Bool {
        swarm.config.scheduling == .relay && swarm.status[source].isSeed
            && Double(swarm.unfinished) * countedUpload(of: swarm.members[source]) > swarm.uploadTotal
    }

    /// Sends `sink` the next chunk it asked `source` for ahead, if that still makes sense.
    private mutating func continuePipeline(from source: Int, to sink: Int) {
        guard swarm.isActive, !swarm.status[sink].departed, swarm.status[sink].held < swarm.config.chunks,
              swarm.status[sink].downloading < swarm.downloadLimit, hasRoom(source, for: sink),
              swarm.config.scheduling == .relay || bitTorrent.unchoked[source].contains(Int32(sink)),
              usable(source, by: sink, onlyFilling: takesOnlyFillingSources(sink)), hasDownloadRoom(sink),
              arrivesInTime(from: source, at: expectedRate(from: source, to: sink), to: sink),
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
        swarm.status[sink].downloadFull = false
        if holdingSlots {
            swarm.status[sink].downloading -= 1
            changeServing(of: source, by: -1)
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
        } else if !swarm.status[sink].departed, !swarm.have.contains(row: sink, column: chunk) {
            swarm.have.insert(row: sink, column: chunk)
            swarm.status[sink].held += 1
            swarm.missing -= 1
            swarm.availability[chunk] += 1
            if corrupt {
                swarm.corrupt.insert(row: sink, column: chunk)
                metrics.corruptAccepted += 1
            }
            cancelDuplicates(of: chunk, to: message.to)
            if swarm.config.scheduling == .bitTorrent {
                offerNewChunk(from: sink)
                releaseSlotsNoLongerWanted(by: sink)
            }
            if swarm.status[sink].held == swarm.config.chunks {
                happening = completeFile(at: message.to, message: message)
                finishPeer(sink)
            }
        }
        if servesFurthestBehind(source) { offerUploads(from: source) }
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
    /// the one furthest behind. A seed serves a peer even when all its download slots are
    /// taken: by slow peers, perhaps, whose chunks would otherwise keep it from the seed.
    private mutating func offerUploads(from source: Int) {
        guard swarm.isActive, !swarm.status[source].departed else { return }
        for _ in 0..<2 {
            var best: (sink: Int, chunk: Int, progress: Int)?
            for _ in 0..<swarm.sampleSize {
                let sink = random.below(swarm.members.count)
                let progress = swarm.status[sink].held + swarm.status[sink].downloading
                guard swarm.status[sink].downloading < swarm.downloadSlots || swarm.status[source].isSeed, swarm.status[sink].held < swarm.config.chunks,
                      best == nil || progress < best!.progress, usable(source, by: sink, onlyFilling: false),
                      arrivesInTime(from: source, at: expectedRate(from: source, to: sink), to: sink),
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
        guard swarm.config.chunks - swarm.status[sink].held < swarm.downloadSlots || swarm.config.scheduling == .bitTorrent,
              swarm.inflight[chunk] > 0, swarm.status[sink].downloading > 0
        else { return }
        let duplicates = transfers.downloads(of: node).filter { Int(transfers[link: $0].chunk) == chunk }
        if !duplicates.isEmpty { abortTransfers(duplicates, lost: false) }
    }

    /// A peer has every chunk: it stays as a seed or leaves, as configured.
    private mutating func finishPeer(_ member: Int) {
        swarm.unfinished -= 1
        if !swarm.config.seedsStay { leaveSwarm(member) }
        if !swarm.isActive { endSwarm() }
    }

    /// The member stops taking part: its chunks are no longer available and its transfers
    /// stop (their receivers look for other sources). `comingBack`: its node went down,
    /// and it rejoins when the node is up again (see `rejoinSwarm`).
    mutating func leaveSwarm(_ member: Int, comingBack: Bool = false) {
        guard !swarm.status[member].departed else { return }
        forgetFullDownloads(fedBy: member)
        swarm.status[member].departed = true
        swarm.status[member].away = comingBack
        let node = swarm.members[member]
        for chunk in 0..<swarm.config.chunks where swarm.have.contains(row: member, column: chunk) {
            swarm.availability[chunk] -= 1
        }
        swarm.uploadTotal -= countedUpload(of: node)
        if !swarm.status[member].isSeed, swarm.status[member].held < swarm.config.chunks {
            swarm.unfinished -= 1
            swarm.missing -= swarm.config.chunks - swarm.status[member].held
        }
        if swarm.config.scheduling == .bitTorrent { disconnect(member) }
        let chunkTransfers = (Array(transfers.uploads(of: node)) + Array(transfers.downloads(of: node)))
            .filter { transfers[$0].chunk >= 0 }
        abortTransfers(chunkTransfers)
        if !swarm.isActive { endSwarm() }
    }

    /// A member whose node went down is up again: it takes part with the chunks it held,
    /// and the swarm picks up where it stalled (a seed that failed mid-swarm may have held
    /// the only copies of some chunks). A swarm that had ended for want of it runs again.
    mutating func rejoinSwarm(_ member: Int) {
        guard swarm.status[member].departed, swarm.status[member].away else { return }
        swarm.status[member].departed = false
        swarm.status[member].away = false
        for chunk in 0..<swarm.config.chunks where swarm.have.contains(row: member, column: chunk) {
            swarm.availability[chunk] += 1
        }
        swarm.uploadTotal += countedUpload(of: swarm.members[member])
        if !swarm.status[member].isSeed, swarm.status[member].held < swarm.config.chunks {
            swarm.unfinished += 1
            swarm.missing += swarm.config.chunks - swarm.status[member].held
        }
        guard swarm.isActive else { return }
        switch swarm.config.scheduling {
        case .relay:
            // Rare, and any member may now find a source again: all of them look.
            for other in swarm.members.indices { fillDownloads(other) }
            offerUploads(from: member)
        case .bitTorrent:
            returnToBitTorrent(member)
        }
    }

    /// The receivers of aborted chunk transfers look for other sources.
    mutating func refill(after receivers: [NodeID]) {
        guard swarm.isActive else { return }
        for node in receivers {
            if let member = swarm.member(node) { fillDownloads(member) }
        }
        wakeStarved()
    }

    /// Gives waiting members another try now that some chunk has a new holder or some
    /// source has room: the few that have waited longest, so that an event costs the
    /// same however many wait (thousands may, for a server busy with others). Those that
    /// still find nothing wait again, at the back.
    private mutating func wakeStarved() {
        var woken = 0
        while woken < swarm.sampleSize, swarm.starvedHead < swarm.starved.count {
            let member = swarm.starved[swarm.starvedHead]
            swarm.starvedHead += 1
            swarm.status[member].isStarved = false
            woken += 1
            if swarm.status[member].downloading == 0 { fillDownloads(member) }
        }
        if swarm.starvedHead == swarm.starved.count {
            swarm.starved.removeAll(keepingCapacity: true)
            swarm.starvedHead = 0
        } else if swarm.starvedHead >= 1024, 2 * swarm.starvedHead >= swarm.starved.count {
            swarm.starved.removeFirst(swarm.starvedHead)
            swarm.starvedHead = 0
        }
    }

    private mutating func endSwarm() {
        if bitTorrent.rechokePending {
            queue.invalidateOne()
            bitTorrent.rechokePending = false
        }
        swarm.starved.removeAll()
        swarm.starvedHead = 0
        for member in swarm.status.indices { swarm.status[member].isStarved = false }
    }
}
