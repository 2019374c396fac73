/// The BitTorrent-like parts of a swarm: the tracker and peer lists, and choking — each
/// member uploads only to the few neighbours it has unchoked, re-chosen every
/// `rechokeInterval`: the ones that gave it the most lately (tit-for-tat), plus one
/// chosen at random (optimistic unchoke) so newcomers get a start.
extension Simulation {
    mutating func startBitTorrent() {
        for member in swarm.members.indices where !swarm.departed[member] { announce(member) }
        scheduleRechoke()
    }

    /// The member asks the tracker for peers (or, without one, learns them at once).
    private mutating func announce(_ member: Int) {
        if let tracker = swarm.config.tracker {
            send(
                .control, from: swarm.members[member], to: tracker, bits: 8 * 100, label: "announce",
                payload: .announce, sharesCapacity: false
            )
        } else {
            join(member)
        }
    }

    /// A member back from a failure: one that never had its peer list asks for it; one
    /// that had it takes up its neighbours again, and they it. The re-choke timer, which
    /// stops in a swarm where nothing moves, runs again.
    mutating func returnToBitTorrent(_ member: Int) {
        if !swarm.rechokePending {
            swarm.rechokeVersion += 1
            scheduleRechoke()
        }
        guard swarm.connected[member] else {
            announce(member)
            return
        }
        refreshSlots(member)
        for neighbour in swarm.neighbours[member] where !swarm.departed[Int(neighbour)] {
            refreshSlots(Int(neighbour))
        }
        fillDownloads(member)
    }

    private mutating func scheduleRechoke() {
        queue.schedule(.rechoke(version: swarm.rechokeVersion), at: now + swarm.config.rechokeInterval)
        swarm.rechokePending = true
    }

    /// The tracker records the member and answers with a random list of those it knows.
    mutating func receiveAnnounce(_ message: Message) -> Happening {
        guard let member = swarm.member(message.from) else { return Happening(kind: .delivered, message: message, node: message.to) }
        let list = trackerSample(excluding: member)
        swarm.registry.append(member)
        send(
            .peerList, from: message.to, to: message.from, bits: Double(8 * 6 * max(1, list.count)),
            label: "peer list (\(list.count) peer\(list.count == 1 ? "" : "s"))", payload: .peerList(list.map(Int32.init)), sharesCapacity: false
        )
        return Happening(kind: .delivered, message: message, node: message.to)
    }

    mutating func receivePeerList(_ list: [Int32], message: Message) -> Happening {
        if let member = swarm.member(message.to), !swarm.departed[member] {
            connect(member, to: list.map(Int.init))
        }
        return Happening(kind: .delivered, message: message, node: message.to)
    }

    /// Without a tracker, a member learns its peers at once.
    private mutating func join(_ member: Int) {
        let list = trackerSample(excluding: member)
        swarm.registry.append(member)
        connect(member, to: list)
    }

    private mutating func trackerSample(excluding member: Int) -> [Int] {
        let registry = swarm.registry
        let wanted = swarm.config.peerListSize
        if registry.count <= wanted { return registry.filter { $0 != member } }
        var chosen: [Int] = []
        var seen = Set<Int>()
        while chosen.count < wanted {
            let candidate = registry[random.below(registry.count)]
            if candidate != member, seen.insert(candidate).inserted { chosen.append(candidate) }
        }
        return chosen
    }

    /// Connects `member` both ways to each listed member (links are always added in
    /// pairs), then fills its upload slots; listed members with a free slot may take the
    /// newcomer at once.
    private mutating func connect(_ member: Int, to list: [Int]) {
        swarm.connected[member] = true
        let known = Set(swarm.neighbours[member])
        for other in list where !swarm.departed[other] && !known.contains(Int32(other)) {
            swarm.neighbours[member].append(Int32(other))
            swarm.neighbours[other].append(Int32(member))
        }
        refreshSlots(member)
        for other in list
        where swarm.unchoked[other].count < swarm.config.uploadSlots && swarm.isInterested(member, in: other)
            && !swarm.unchoked[other].contains(Int32(member)) {
            unchoke(member, by: other)
        }
    }

    /// Drops unchoked neighbours that no longer need anything from `member` and fills the
    /// free slots with random neighbours that do.
    mutating func refreshSlots(_ member: Int) {
        guard swarm.isActive, !swarm.departed[member] else { return }
        for other in swarm.unchoked[member] where !swarm.isInterested(Int(other), in: member) {
            choke(Int(other), by: member)
        }
        let neighbours = swarm.neighbours[member]
        guard !neighbours.isEmpty else { return }
        var offset = random.below(neighbours.count)
        var looked = 0
        while swarm.unchoked[member].count < swarm.config.uploadSlots, looked < neighbours.count {
            let other = Int(neighbours[offset])
            offset = (offset + 1) % neighbours.count
            looked += 1
            if swarm.isInterested(other, in: member), !swarm.unchoked[member].contains(Int32(other)) {
                unchoke(other, by: member)
            }
        }
    }

    private mutating func unchoke(_ peer: Int, by member: Int) {
        swarm.unchoked[member].append(Int32(peer))
        swarm.unchokedBy[peer].append(Int32(member))
        fillDownloads(peer)
    }

    private mutating func choke(_ peer: Int, by member: Int) {
        swarm.unchoked[member].removeFirstOccurrence(of: Int32(peer))
        swarm.unchokedBy[peer].removeFirstOccurrence(of: Int32(member))
    }

    /// A member has a new chunk: the peers it uploads to may want it, and it may now
    /// interest peers it could not help before.
    mutating func offerNewChunk(from member: Int) {
        for peer in swarm.unchoked[member] { fillDownloads(Int(peer)) }
        if swarm.unchoked[member].count < swarm.config.uploadSlots { refreshSlots(member) }
    }

    /// Counts what `sink` got from `source` (always one of its neighbours), for tit-for-tat.
    mutating func credit(_ sink: Int, from source: Int, bits: Double) {
        let giver = Int32(source)
        if let index = swarm.credits[sink].firstIndex(where: { $0.giver == giver }) {
            swarm.credits[sink][index].bits += bits
        } else {
            swarm.credits[sink].append(Credit(giver: giver, bits: bits))
        }
    }

    /// A departing member stops uploading and downloading; those it served look elsewhere.
    mutating func disconnect(_ member: Int) {
        let uploaders = swarm.unchokedBy[member]
        for uploader in uploaders { choke(member, by: Int(uploader)) }
        for peer in swarm.unchoked[member] { choke(Int(peer), by: member) }
        for uploader in uploaders { refreshSlots(Int(uploader)) }
    }

    /// Every member re-chooses whom to upload to.
    mutating func rechoke() -> Happening {
        swarm.rechokePending = false
        for member in swarm.members.indices where !swarm.departed[member] && swarm.connected[member] {
            let chosen = chooseUnchoked(by: member)
            for peer in swarm.unchoked[member] where !chosen.contains(Int(peer)) { choke(Int(peer), by: member) }
            for peer in chosen where !swarm.unchoked[member].contains(Int32(peer)) { unchoke(peer, by: member) }
            swarm.credits[member].removeAll(keepingCapacity: true)
        }
        // A swarm where nothing is on its way even after re-choosing is stuck (the last
        // copy of some chunk left with its holder): the timer stops, so the run can end.
        if swarm.isActive, swarm.inflight.contains(where: { $0 > 0 }) {
            swarm.rechokeVersion += 1
            scheduleRechoke()
        }
        return Happening(kind: .rechoked)
    }

    /// The neighbours `member` unchokes until the next re-choke, all interested in
    /// something it has. A peer takes those that gave it the most since the last
    /// re-choke (tit-for-tat; the earlier giver on ties, its earliest neighbours when too
    /// few gave anything); a seed, with nobody to reciprocate, takes interested peers at
    /// random, so that it serves them in turn. One more slot, with optimistic unchoking,
    /// goes to a random interested neighbour, so newcomers get a start. Only the few
    /// neighbours that gave something are ranked: nobody looks at every neighbour while
    /// most of them are interested.
    private mutating func chooseUnchoked(by member: Int) -> [Int] {
        let slots = swarm.config.uploadSlots
        let optimistic = swarm.config.optimisticUnchoke ? 1 : 0
        let regular = slots - optimistic
        guard swarm.held[member] < swarm.config.chunks else {
            return randomInterestedNeighbours(of: member, count: slots, besides: [])
        }
        var chosen: [Int] = []
        let givers = swarm.credits[member].enumerated().sorted { first, second in
            first.element.bits != second.element.bits ? first.element.bits > second.element.bits : first.offset < second.offset
        }
        for (_, credit) in givers where chosen.count < regular && swarm.isInterested(Int(credit.giver), in: member) {
            chosen.append(Int(credit.giver))
        }
        for neighbour in swarm.neighbours[member] {
            guard chosen.count < regular else { break }
            let peer = Int(neighbour)
            if !chosen.contains(peer), swarm.isInterested(peer, in: member) { chosen.append(peer) }
        }
        return chosen + randomInterestedNeighbours(of: member, count: optimistic, besides: chosen)
    }

    /// Up to `count` different random neighbours of `member` interested in something it
    /// has and not in `taken`, each as likely as the others. A few random draws nearly
    /// always find them; only when they do not are all neighbours looked at, once.
    private mutating func randomInterestedNeighbours(of member: Int, count: Int, besides taken: [Int]) -> [Int] {
        let neighbours = swarm.neighbours[member]
        var picked: [Int] = []
        guard count > 0, !neighbours.isEmpty else { return picked }
        var draws = 0
        while picked.count < count, draws < 8 * count {
            draws += 1
            let peer = Int(neighbours[random.below(neighbours.count)])
            if !taken.contains(peer), !picked.contains(peer), swarm.isInterested(peer, in: member) { picked.append(peer) }
        }
        guard picked.count < count else { return picked }
        var rest = neighbours.map(Int.init).filter { peer in
            !taken.contains(peer) && !picked.contains(peer) && swarm.isInterested(peer, in: member)
        }
        while picked.count < count, !rest.isEmpty {
            picked.append(rest.remove(at: random.below(rest.count)))
        }
        return picked
    }
}
