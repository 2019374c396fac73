/// The BitTorrent-like parts of a swarm: the tracker and peer lists, and choking — each
/// member uploads only to the few neighbours it has unchoked, re-chosen every
/// `rechokeInterval`: the ones that gave it the most lately (tit-for-tat), plus one more
/// (optimistic unchoke) so newcomers get a start.
///
/// The aim is a swarm whose time above its slot-capped bound (the seed sending through
/// its upload slots, each at most a peer's download) stays about the same in seconds as
/// the chunks grow: the pipeline filling at the start and draining at the end, not a
/// share of the whole run lost. The choices that get there (see `BitTorrentGapTests`):
///
/// - **Every unchoked connection is used.** A peer fetches from every neighbour that
///   unchoked it and has a chunk it lacks (`SwarmState.downloadLimit`), one chunk per
///   connection with the next one pipelined, while its download has room for them; a
///   slot freed by a chunk's end, or by a peer that no longer needs anything from the
///   uploader, is offered again at once rather than at the next re-choke.
/// - **A seed serves those furthest behind, where it is fastest.** Of the interested
///   neighbours in the lower half by chunks held, a seed unchokes those whose download has
///   the most room (libtorrent's "fastest upload" seed choker, restricted to laggards as
///   its "anti-leech" one is): with nobody to reciprocate, what it gives them keeps the
///   swarm's finish together, and a seed slot carries a peer's whole download.
/// - **A seed reserves the peers it serves next** (`chooseForSeed`). At each re-choke a
///   seed whose slot can fill a peer's download picks the laggards for the following
///   period; they take no new chunks from slower sources meanwhile, so the chunks peers
///   were sending them have landed when the seed turns to them, and its slots carry a
///   whole download from the first second. A peer a seed has unchoked likewise takes
///   nothing from slower sources. Without this the seed ran about 8% below its slots,
///   and the gap grew with the run: 16, 20, 22 and 41 s at 10, 50, 200 and 1000 chunks
///   for 100 peers, against 16, 20, 18 and 19 s with it.
/// - **Optimistic unchoking favours the peer furthest behind**, BitTorrent's preference
///   for newcomers taken further: peers that joined the tracker late have fewer
///   neighbours, are chosen less often, and would otherwise fall behind for the whole
///   run. Regular slots left over by tit-for-tat go to the one further behind of two
///   random interested neighbours.
/// - **Endgame at any size.** Once every chunk a peer lacks is on its way, it asks a
///   faster source for the one that would land last (the first copy cancels the other),
///   as clients do in endgame mode: a chunk pending from a slow peer no longer holds up
///   a peer the seed could serve.
extension Simulation {
    mutating func deliver(_ payload: TrackerPayload, message: Message) -> Happening {
        switch payload {
        case .announce: receiveAnnounce(message)
        case let .peerList(list): receivePeerList(list, message: message)
        }
    }

    func isLive(_ event: BitTorrentEvent) -> Bool {
        switch event {
        case let .rechoke(version): bitTorrent.rechokePending && bitTorrent.rechokeVersion == version
        }
    }

    mutating func handle(_ event: BitTorrentEvent) -> Happening {
        switch event {
        case .rechoke: rechoke()
        }
    }

    mutating func startBitTorrent() {
        for member in swarm.members.indices where !swarm.status[member].departed { announce(member) }
        scheduleRechoke()
    }

    /// The member asks the tracker for peers (or, without one, learns them at once).
    private mutating func announce(_ member: Int) {
        if let tracker = swarm.config.tracker {
            send(
                .control, from: swarm.members[member], to: tracker, bits: 8 * 100, label: "announce",
                payload: .bitTorrent(.announce), sharesCapacity: false
            )
        } else {
            join(member)
        }
    }

    /// A member back from a failure: one that never had its peer list asks for it; one
    /// that had it takes up its neighbours again, and they it. The re-choke timer, which
    /// stops in a swarm where nothing moves, runs again.
    mutating func returnToBitTorrent(_ member: Int) {
        if !bitTorrent.rechokePending {
            bitTorrent.rechokeVersion += 1
            scheduleRechoke()
        }
        guard bitTorrent.connected[member] else {
            announce(member)
            return
        }
        refreshSlots(member)
        for neighbour in bitTorrent.neighbours[member] where !swarm.status[Int(neighbour)].departed {
            refreshSlots(Int(neighbour))
        }
        fillDownloads(member)
    }

    private mutating func scheduleRechoke() {
        queue.schedule(.bitTorrent(.rechoke(version: bitTorrent.rechokeVersion)), at: now + swarm.config.rechokeInterval)
        bitTorrent.rechokePending = true
    }

    /// The tracker records the member and answers with a random list of those it knows.
    private mutating func receiveAnnounce(_ message: Message) -> Happening {
        guard let member = swarm.member(message.from) else { return Happening(kind: .delivered, message: message, node: message.to) }
        let list = trackerSample(excluding: member)
        bitTorrent.registry.append(member)
        send(
            .peerList, from: message.to, to: message.from, bits: Double(8 * 6 * max(1, list.count)),
            label: "peer list (\(list.count) peer\(list.count == 1 ? "" : "s"))", payload: .bitTorrent(.peerList(list.map(Int32.init))), sharesCapacity: false
        )
        return Happening(kind: .delivered, message: message, node: message.to)
    }

    private mutating func receivePeerList(_ list: [Int32], message: Message) -> Happening {
        if let member = swarm.member(message.to), !swarm.status[member].departed {
            connect(member, to: list.map(Int.init))
        }
        return Happening(kind: .delivered, message: message, node: message.to)
    }

    /// Without a tracker, a member learns its peers at once.
    private mutating func join(_ member: Int) {
        let list = trackerSample(excluding: member)
        bitTorrent.registry.append(member)
        connect(member, to: list)
    }

    private mutating func trackerSample(excluding member: Int) -> [Int] {
        let registry = bitTorrent.registry
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
        bitTorrent.connected[member] = true
        let known = Set(bitTorrent.neighbours[member])
        for other in list where !swarm.status[other].departed && !known.contains(Int32(other)) {
            bitTorrent.neighbours[member].append(Int32(other))
            bitTorrent.neighbours[other].append(Int32(member))
        }
        refreshSlots(member)
        for other in list
        where bitTorrent.unchoked[other].count < swarm.config.uploadSlots && wants(member, from: other)
            && !bitTorrent.unchoked[other].contains(Int32(member)) {
            unchoke(member, by: other)
        }
    }

    /// Drops unchoked neighbours that no longer want anything from `member` and fills the
    /// free slots: with the peers it reserved first (see `chooseForSeed`), then with random
    /// neighbours that want something.
    mutating func refreshSlots(_ member: Int) {
        guard swarm.isActive, !swarm.status[member].departed else { return }
        for other in bitTorrent.unchoked[member] where !wants(Int(other), from: member) {
            choke(Int(other), by: member)
        }
        while bitTorrent.unchoked[member].count < swarm.config.uploadSlots, let next = bitTorrent.reserved[member].first {
            bitTorrent.reserved[member].removeFirst()
            swarm.status[Int(next)].isReserved = false
            if wants(Int(next), from: member), !bitTorrent.unchoked[member].contains(next) { unchoke(Int(next), by: member) }
        }
        let neighbours = bitTorrent.neighbours[member]
        guard !neighbours.isEmpty else { return }
        var offset = random.below(neighbours.count)
        var looked = 0
        while bitTorrent.unchoked[member].count < swarm.config.uploadSlots, looked < neighbours.count {
            let other = Int(neighbours[offset])
            offset = (offset + 1) % neighbours.count
            looked += 1
            if wants(other, from: member), !bitTorrent.unchoked[member].contains(Int32(other)) {
                unchoke(other, by: member)
            }
        }
    }

    private mutating func unchoke(_ peer: Int, by member: Int) {
        bitTorrent.unchoked[member].append(Int32(peer))
        bitTorrent.unchokedBy[peer].append(Int32(member))
        if hasFreeSlot(member) { swarm.status[peer].openUnchokers += 1 }
        if slotFillsDownload(of: member, for: peer) { bitTorrent.fillingUnchokers[peer].append(Int32(member)) }
        fillDownloads(peer)
    }

    private mutating func choke(_ peer: Int, by member: Int) {
        bitTorrent.unchoked[member].removeFirstOccurrence(of: Int32(peer))
        bitTorrent.unchokedBy[peer].removeFirstOccurrence(of: Int32(member))
        if hasFreeSlot(member) { swarm.status[peer].openUnchokers -= 1 }
        if let index = bitTorrent.fillingUnchokers[peer].firstIndex(of: Int32(member)) {
            bitTorrent.fillingUnchokers[peer].remove(at: index)
        }
    }

    /// A member has a new chunk: the peers it uploads to may want it, and it may now
    /// interest peers it could not help before.
    mutating func offerNewChunk(from member: Int) {
        for peer in bitTorrent.unchoked[member] { fillDownloads(Int(peer)) }
        if bitTorrent.unchoked[member].count < swarm.config.uploadSlots { refreshSlots(member) }
    }

    /// A chunk from `member` has gone and its upload slot is free: the peers it has
    /// unchoked may ask for the next one. Those unchoked at the last re-choke may have
    /// found every slot taken by the chunks of peers it had just choked, and without
    /// this would wait for one of their own downloads to end before asking again.
    mutating func offerFreedSlot(of member: Int) {
        for peer in bitTorrent.unchoked[member] { fillDownloads(Int(peer)) }
    }

    /// `peer` has a new chunk: those that unchoked it and now have nothing it lacks
    /// give its slot to another neighbour at once, rather than leave it idle until the
    /// next re-choke (with few chunks, a seed's unchoked peers have everything from it in
    /// a few seconds).
    mutating func releaseSlotsNoLongerWanted(by peer: Int) {
        let uploaders = bitTorrent.unchokedBy[peer]
        for uploader in uploaders where !wants(peer, from: Int(uploader)) {
            refreshSlots(Int(uploader))
        }
    }

    /// Counts what `sink` got from `source` (always one of its neighbours), for tit-for-tat.
    mutating func credit(_ sink: Int, from source: Int, bits: Double) {
        let giver = Int32(source)
        if let index = bitTorrent.credits[sink].firstIndex(where: { $0.giver == giver }) {
            bitTorrent.credits[sink][index].bits += bits
        } else {
            bitTorrent.credits[sink].append(Credit(giver: giver, bits: bits))
        }
    }

    /// A departing member stops uploading and downloading; those it served look elsewhere.
    mutating func disconnect(_ member: Int) {
        releaseReservations(of: member)
        let uploaders = bitTorrent.unchokedBy[member]
        for uploader in uploaders { choke(member, by: Int(uploader)) }
        for peer in bitTorrent.unchoked[member] { choke(Int(peer), by: member) }
        for uploader in uploaders { refreshSlots(Int(uploader)) }
    }

    /// Every member re-chooses whom to upload to.
    private mutating func rechoke() -> Happening {
        bitTorrent.rechokePending = false
        for member in swarm.members.indices where !swarm.status[member].departed && bitTorrent.connected[member] {
            let chosen = chooseUnchoked(by: member)
            for peer in bitTorrent.unchoked[member] where !chosen.contains(Int(peer)) { choke(Int(peer), by: member) }
            for peer in chosen where !bitTorrent.unchoked[member].contains(Int32(peer)) { unchoke(peer, by: member) }
            bitTorrent.credits[member].removeAll(keepingCapacity: true)
        }
        // A swarm where nothing is on its way even after re-choosing is stuck (the last
        // copy of some chunk left with its holder): the timer stops, so the run can end.
        if swarm.isActive, swarm.inflight.contains(where: { $0 > 0 }) {
            bitTorrent.rechokeVersion += 1
            scheduleRechoke()
        }
        return Happening(kind: .rechoked)
    }

    /// The neighbours `member` unchokes until the next re-choke, all interested in
    /// something it has. A peer takes those that gave it the most since the last
    /// re-choke (tit-for-tat; the earlier giver on ties), fills what is left with the one
    /// further behind of two random interested neighbours, and gives one more slot
    /// (optimistic unchoking) to its interested neighbour furthest behind. A seed, with
    /// nobody to reciprocate, serves laggards where it is fastest (see the type's notes).
    private mutating func chooseUnchoked(by member: Int) -> [Int] {
        let slots = swarm.config.uploadSlots
        let optimistic = swarm.config.optimisticUnchoke ? 1 : 0
        let regular = slots - optimistic
        guard swarm.status[member].held < swarm.config.chunks else { return chooseForSeed(member) }
        var chosen: [Int] = []
        let givers = bitTorrent.credits[member].enumerated().sorted { first, second in
            first.element.bits != second.element.bits ? first.element.bits > second.element.bits : first.offset < second.offset
        }
        for (_, credit) in givers where chosen.count < regular && wants(Int(credit.giver), from: member) {
            chosen.append(Int(credit.giver))
        }
        chosen += behindOfRandomPairs(of: member, count: regular - chosen.count, besides: chosen)
        guard optimistic > 0 else { return chosen }
        return chosen + (furthestBehindNeighbour(of: member, besides: chosen).map { [$0] } ?? [])
    }

    /// The interested neighbour of `member` with the fewest chunks, not in `taken`.
    private func furthestBehindNeighbour(of member: Int, besides taken: [Int]) -> Int? {
        var best: Int?
        for neighbour in bitTorrent.neighbours[member] {
            let peer = Int(neighbour)
            guard best == nil || swarm.status[peer].held < swarm.status[best!].held, !taken.contains(peer), wants(peer, from: member)
            else { continue }
            best = peer
        }
        return best
    }

    /// A seed's choice at a re-choke: the peers it reserved at the one before, then, for
    /// slots still free, laggards where it is fastest now. A seed whose slot can fill a
    /// peer's whole download then reserves the laggards it will serve next: from now on
    /// they take no new chunks from peers (see `wants`), so that by the next re-choke the
    /// chunks peers were sending them have landed and the seed's slots get their whole
    /// download. Without this, each peer a seed turns to is still receiving a few chunks
    /// from peers, which take part of its download for seconds: a seed switching its four
    /// slots every re-choke sent about 8% below what its slots can do, a loss that grows
    /// with the length of the run and so with the chunks.
    ///
    /// Both choices draw on the same neighbours (interested, reserved by no other seed),
    /// found and ordered once: nothing between the two changes who they are.
    private mutating func chooseForSeed(_ member: Int) -> [Int] {
        let promised = bitTorrent.reserved[member].map(Int.init).filter { wants($0, from: member) }
        releaseReservations(of: member)
        let behind = interestedNeighboursFurthestBehind(of: member)
        let chosen = promised + laggingNeighboursWithRoom(
            of: member, count: swarm.config.uploadSlots - promised.count, among: behind.filter { !promised.contains($0) }
        )
        let next = Array(behind.lazy.filter { !chosen.contains($0) }.prefix(swarm.config.uploadSlots))
            .filter { slotFillsDownload(of: member, for: $0) }
        for peer in next { swarm.status[peer].isReserved = true }
        bitTorrent.reserved[member] = next.map(Int32.init)
        return chosen
    }

    private mutating func releaseReservations(of member: Int) {
        for peer in bitTorrent.reserved[member] { swarm.status[Int(peer)].isReserved = false }
        bitTorrent.reserved[member].removeAll()
    }

    /// `source` starts (`delta` 1) or stops (-1) sending a chunk. In BitTorrent mode, the
    /// peers it unchoked learn when it has a free slot again or no longer has one, so
    /// that a peer every uploader of which is busy is known to find no source at once.
    mutating func changeServing(of source: Int, by delta: Int) {
        let wasFree = hasFreeSlot(source)
        swarm.status[source].serving += delta
        guard swarm.config.scheduling == .bitTorrent, hasFreeSlot(source) != wasFree else { return }
        let change = wasFree ? -1 : 1
        for peer in bitTorrent.unchoked[source] { swarm.status[Int(peer)].openUnchokers += change }
    }

    /// Whether `member` can take on another upload in BitTorrent mode.
    @inline(__always)
    func hasFreeSlot(_ member: Int) -> Bool {
        swarm.status[member].serving < swarm.config.uploadSlots
    }

    /// Whether one upload slot of `source` can carry all `sink` can download.
    @inline(__always)
    func slotFillsDownload(of source: Int, for sink: Int) -> Bool {
        transfers[swarm.members[source]].upload >= transfers[swarm.members[sink]].download * Double(swarm.config.uploadSlots)
    }

    /// Whether a seed whose slot fills `peer`'s download has reserved it or unchoked it:
    /// it then takes chunks from no slower source. (A seed's slots may all still be busy
    /// with the last chunks of the peers it has just choked, while the laggard it now
    /// serves is every peer's optimistic choice: without this, a dozen peers would each
    /// start a chunk to it in that moment, and hold most of its download for seconds.)
    @inline(__always)
    func awaitsFullSource(_ peer: Int) -> Bool {
        swarm.status[peer].isReserved || !bitTorrent.fillingUnchokers[peer].isEmpty
    }

    /// Whether `peer` wants chunks from `member` now: it is interested in what the member
    /// has, and the member can fill its download if it waits for one that can. The checks
    /// are pure, so their order changes nothing but the cost: whether the peer is still in
    /// the swarm and still lacks something comes first, from its status record alone, as
    /// late in a swarm most neighbours a re-choke looks at have finished.
    @inline(__always)
    func wants(_ peer: Int, from member: Int) -> Bool {
        let status = swarm.status[peer]
        return !status.departed && status.held < swarm.config.chunks
            && (!awaitsFullSource(peer) || slotFillsDownload(of: member, for: peer)) && swarm.canHelp(member, peer)
    }

    /// The interested neighbours of `member` no seed has reserved, fewest chunks first
    /// (lowest number on ties).
    private func interestedNeighboursFurthestBehind(of member: Int) -> [Int] {
        var behind = bitTorrent.neighbours[member].map(Int.init).filter { peer in
            !swarm.status[peer].isReserved && wants(peer, from: member)
        }
        behind.sort { swarm.status[$0].held != swarm.status[$1].held ? swarm.status[$0].held < swarm.status[$1].held : $0 < $1 }
        return behind
    }

    /// Of `interested` (fewest chunks first), the ones in the lower half by chunks held,
    /// the `count` a seed could upload to fastest now: those whose download has the most
    /// room beside what others send them.
    private func laggingNeighboursWithRoom(of member: Int, count: Int, among interested: [Int]) -> [Int] {
        guard count > 0 else { return [] }
        let node = swarm.members[member]
        var ranked: [(peer: Int, room: Double)] = []
        for peer in interested.prefix(max(count, interested.count / 2)) {
            let sink = transfers[swarm.members[peer]]
            var mine = 0.0
            for id in transfers.downloads(of: swarm.members[peer]) where transfers[id].sender == node { mine += transfers.rate(of: id) }
            ranked.append((peer, sink.download - transfers.incomingRate(of: swarm.members[peer]) + mine))
        }
        ranked.sort { $0.room != $1.room ? $0.room > $1.room : $0.peer < $1.peer }
        return ranked.prefix(count).map(\.peer)
    }

    /// `count` neighbours, each the one further behind of two drawn at random.
    private mutating func behindOfRandomPairs(of member: Int, count: Int, besides taken: [Int]) -> [Int] {
        guard count > 0 else { return [] }
        let drawn = randomInterestedNeighbours(of: member, count: 2 * count, besides: taken)
        var picked: [Int] = []
        var index = 0
        while picked.count < count, index < drawn.count {
            let pair = drawn[index..<min(index + 2, drawn.count)]
            picked.append(pair.min { swarm.status[$0].held != swarm.status[$1].held ? swarm.status[$0].held < swarm.status[$1].held : $0 < $1 }!)
            index += 2
        }
        return picked
    }

    /// Up to `count` different random neighbours of `member` interested in something it
    /// has and not in `taken`, each as likely as the others. A few random draws nearly
    /// always find them; only when they do not are all neighbours looked at, once.
    private mutating func randomInterestedNeighbours(of member: Int, count: Int, besides taken: [Int]) -> [Int] {
        let neighbours = bitTorrent.neighbours[member]
        var picked: [Int] = []
        guard count > 0, !neighbours.isEmpty else { return picked }
        var draws = 0
        while picked.count < count, draws < 8 * count {
            draws += 1
            let peer = Int(neighbours[random.below(neighbours.count)])
            if !taken.contains(peer), !picked.contains(peer), wants(peer, from: member) { picked.append(peer) }
        }
        guard picked.count < count else { return picked }
        var rest = neighbours.map(Int.init).filter { peer in
            !taken.contains(peer) && !picked.contains(peer) && wants(peer, from: member)
        }
        while picked.count < count, !rest.isEmpty {
            picked.append(rest.remove(at: random.below(rest.count)))
        }
        return picked
    }
}
