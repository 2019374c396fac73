/// Bits moving from one node to another at a rate that changes as other transfers
/// start and end (fluid sharing of the nodes' capacities). Its rate and the offer its
/// sender makes it live beside it in the table (see `TransferTable.rate(of:)`).
struct Transfer: Equatable, Sendable {
    /// The message's slot in the flight table.
    let flight: Int
    let sender: NodeID
    let receiver: NodeID
    /// The size of the message, in bits.
    let bits: Double
    /// The swarm chunk it carries, -1 for other messages.
    var chunk = -1
    var remaining: Double
    var updatedAt: SimTime
    /// When the last bit will leave at the current rate.
    var completesAt: SimTime = .max
    /// When its pending completion event fires (.max: none); never later than `completesAt`.
    var scheduledAt: SimTime = .max
    /// Bumped at each re-rating; a `transmitted` event for an older version is stale.
    var version = 0
    /// Its order of joining its sender's `SharePool`, -1 outside one. A pooled transfer's
    /// `remaining` is its finish mark and its link's rate is unused (see `SharePool`).
    var poolOrder = -1
    fileprivate(set) var isLive = true

    init(flight: Int, sender: NodeID, receiver: NodeID, bits: Double, updatedAt: SimTime) {
        self.flight = flight
        self.sender = sender
        self.receiver = receiver
        self.bits = bits
        remaining = bits
        self.updatedAt = updatedAt
    }
}

/// What re-sharing reads of every transfer it visits, kept apart from the rest of the
/// transfer so that many fit in the cache: its two ends, its neighbours in the
/// sender's upload list and in the receiver's download list (-1: none), its rate and
/// what its sender last offered it (its max-min share of the upload).
struct TransferLink: Equatable, Sendable {
    let sender: Int32
    let receiver: Int32
    /// The swarm chunk the transfer carries, -1 for other messages (as `Transfer.chunk`),
    /// here too so that walking a node's downloads for chunks reads no transfer.
    let chunk: Int32
    fileprivate(set) var previousUpload: Int32 = -1
    fileprivate(set) var nextUpload: Int32 = -1
    fileprivate(set) var previousDownload: Int32 = -1
    fileprivate(set) var nextDownload: Int32 = -1
    var rate = 0.0
    var upShare = 0.0

    fileprivate init(sender: NodeID, receiver: NodeID, chunk: Int) {
        self.sender = Int32(sender.rawValue)
        self.receiver = Int32(receiver.rawValue)
        self.chunk = Int32(chunk)
    }
}

/// A node as its transfers see it: the capacity they share now (0 while the node is
/// down), the sum of the rates coming in, the bits sent and received so far, and its
/// transfers in each direction.
struct Endpoint: Equatable, Sendable {
    var upload: Double
    var download: Double
    var incomingRate = 0.0
    var bitsUp = 0.0
    var bitsDown = 0.0
    /// What each upload was offered at the node's last division of its upload when none
    /// was held back by its receiver (an even split); -1 otherwise.
    var evenShare = -1.0
    /// The node's `SharePool` in the table's `pools`, -1 for none, and how many of its
    /// downloads are in some sender's pool (then all are, and from that one sender).
    var pool: Int32 = -1
    var pooledDownloads: Int32 = 0
    fileprivate(set) var uploadCount: Int32 = 0
    fileprivate(set) var downloadCount: Int32 = 0
    fileprivate(set) var firstUpload: Int32 = -1
    fileprivate(set) var lastUpload: Int32 = -1
    fileprivate(set) var firstDownload: Int32 = -1
    fileprivate(set) var lastDownload: Int32 = -1

    init(upload: Double, download: Double) {
        self.upload = upload
        self.download = download
    }
}

/// The transfers in progress, in reusable slots (the id of a transfer is its slot), and
/// per node the transfers leaving and entering it, in the order they started, as lists
/// threaded through the slots: starting or ending a transfer allocates nothing, and
/// walking a node's transfers touches only their links.
///
/// A slot keeps counting versions across reuse, so a completion event scheduled for an
/// earlier occupant is recognised as stale.
struct TransferTable: Equatable, Sendable {
    private(set) var transfers: [Transfer] = []
    private(set) var links: [TransferLink] = []
    private(set) var endpoints: [Endpoint]
    private var free: [Int] = []
    var pools: [SharePool] = []
    /// Transfers a sender must have at once before they are pooled: below that,
    /// re-rating each costs little (tests set it out of reach to compare).
    var poolThreshold: Int32 = 64
    /// Senders whose pool no longer stands for what re-sharing would compute (a change
    /// it cannot absorb), to be dissolved at the next re-sharing.
    var poolsToDissolve: [Int32] = []

    init(capacities: [(upload: Double, download: Double)]) {
        endpoints = capacities.map { Endpoint(upload: $0.upload, download: $0.download) }
    }

    mutating func addNode(upload: Double, download: Double) {
        endpoints.append(Endpoint(upload: upload, download: download))
    }

    subscript(node: NodeID) -> Endpoint {
        get { endpoints[node.rawValue] }
        _modify { yield &endpoints[node.rawValue] }
    }

    subscript(id: Int) -> Transfer {
        get { transfers[id] }
        _modify { yield &transfers[id] }
    }

    subscript(link id: Int) -> TransferLink {
        get { links[id] }
        _modify { yield &links[id] }
    }

    /// The rate of a transfer now.
    func rate(of id: Int) -> Double {
        let transfer = transfers[id]
        guard transfer.poolOrder >= 0 else { return links[id].rate }
        return pools[Int(endpoints[transfer.sender.rawValue].pool)].share
    }

    /// The sum of the rates coming into `node`.
    func incomingRate(of node: NodeID) -> Double {
        let endpoint = endpoints[node.rawValue]
        guard endpoint.pooledDownloads > 0 else { return endpoint.incomingRate }
        let sender = Int(links[Int(endpoint.firstDownload)].sender)
        return endpoint.incomingRate + Double(endpoint.pooledDownloads) * pools[Int(endpoints[sender].pool)].share
    }

    /// What a transfer has left to send at `now`, in bits.
    func remaining(of id: Int, at now: SimTime) -> Double {
        let transfer = transfers[id]
        guard transfer.poolOrder >= 0 else {
            return max(0, transfer.remaining - links[id].rate * Double(now - transfer.updatedAt) / 1e6)
        }
        return max(0, transfer.remaining - pools[Int(endpoints[transfer.sender.rawValue].pool)].served(at: now))
    }

    /// When a transfer's last bit will leave at the rates of `now`.
    func completion(of id: Int, at now: SimTime) -> SimTime {
        let transfer = transfers[id]
        guard transfer.poolOrder >= 0, transfer.completesAt == .max else { return transfer.completesAt }
        return completionTime(remaining: remaining(of: id, at: now), rate: rate(of: id), at: now)
    }

    /// Stores a new transfer, last in its sender's uploads and its receiver's downloads,
    /// and returns its id.
    mutating func insert(_ transfer: Transfer) -> Int {
        var transfer = transfer
        var link = TransferLink(sender: transfer.sender, receiver: transfer.receiver, chunk: transfer.chunk)
        let sender = transfer.sender.rawValue
        let receiver = transfer.receiver.rawValue
        link.previousUpload = endpoints[sender].lastUpload
        link.previousDownload = endpoints[receiver].lastDownload
        let id: Int
        if let reused = free.popLast() {
            id = reused
            transfer.version = transfers[id].version + 1
            transfers[id] = transfer
            links[id] = link
        } else {
            id = transfers.count
            transfers.append(transfer)
            links.append(link)
        }
        let slot = Int32(id)
        if link.previousUpload >= 0 {
            links[Int(link.previousUpload)].nextUpload = slot
        } else {
            endpoints[sender].firstUpload = slot
        }
        if link.previousDownload >= 0 {
            links[Int(link.previousDownload)].nextDownload = slot
        } else {
            endpoints[receiver].firstDownload = slot
        }
        endpoints[sender].lastUpload = slot
        endpoints[receiver].lastDownload = slot
        endpoints[sender].uploadCount += 1
        endpoints[receiver].downloadCount += 1
        poolNewTransfer(id)
        return id
    }

    /// Takes a transfer out of its lists and frees its slot; its rate no longer counts
    /// towards its receiver's incoming rate.
    mutating func remove(_ id: Int) -> Transfer {
        assert(transfers[id].isLive, "removing a finished transfer")
        let link = links[id]
        let sender = Int(link.sender)
        let receiver = Int(link.receiver)
        if link.previousUpload >= 0 {
            links[Int(link.previousUpload)].nextUpload = link.nextUpload
        } else {
            endpoints[sender].firstUpload = link.nextUpload
        }
        if link.nextUpload >= 0 {
            links[Int(link.nextUpload)].previousUpload = link.previousUpload
        } else {
            endpoints[sender].lastUpload = link.previousUpload
        }
        if link.previousDownload >= 0 {
            links[Int(link.previousDownload)].nextDownload = link.nextDownload
        } else {
            endpoints[receiver].firstDownload = link.nextDownload
        }
        if link.nextDownload >= 0 {
            links[Int(link.nextDownload)].previousDownload = link.previousDownload
        } else {
            endpoints[receiver].lastDownload = link.previousDownload
        }
        endpoints[sender].uploadCount -= 1
        endpoints[receiver].downloadCount -= 1
        if transfers[id].poolOrder >= 0 {
            pools[Int(endpoints[sender].pool)].count -= 1
            endpoints[receiver].pooledDownloads -= 1
        } else {
            endpoints[receiver].incomingRate -= link.rate
        }
        let transfer = transfers[id]
        transfers[id].isLive = false
        free.append(id)
        return transfer
    }

    /// The time `remaining` bits take to leave at `rate`, from `now`, rounded up to the
    /// clock's microsecond (.max when they never would).
    func completionTime(remaining: Double, rate: Double, at now: SimTime) -> SimTime {
        guard rate > 0 else { return .max }
        let micros = (remaining / rate * 1e6).rounded(.up)
        return micros < 1e17 ? now + SimTime(micros) : .max
    }

    func isCurrent(_ id: Int, version: Int) -> Bool {
        id < transfers.count && transfers[id].isLive && transfers[id].version == version
    }

    /// Whether something is moving from `sender` to `receiver` now. Walks the shorter of
    /// the sender's uploads and the receiver's downloads: a laggard may download from
    /// dozens while each of them uploads to a few.
    func hasTransfer(from sender: NodeID, to receiver: NodeID) -> Bool {
        let up = endpoints[sender.rawValue]
        let down = endpoints[receiver.rawValue]
        if up.uploadCount <= down.downloadCount {
            let to = Int32(receiver.rawValue)
            var cursor = up.firstUpload
            while cursor >= 0 {
                if links[Int(cursor)].receiver == to { return true }
                cursor = links[Int(cursor)].nextUpload
            }
        } else {
            let from = Int32(sender.rawValue)
            var cursor = down.firstDownload
            while cursor >= 0 {
                if links[Int(cursor)].sender == from { return true }
                cursor = links[Int(cursor)].nextDownload
            }
        }
        return false
    }

    /// The transfers leaving `node`, oldest first. For reading: the list holds the table
    /// as it was, so changing the table while walking it would copy every link.
    func uploads(of node: NodeID) -> TransferList {
        TransferList(links: links, cursor: endpoints[node.rawValue].firstUpload, uploads: true)
    }

    /// The transfers entering `node`, oldest first (for reading, as `uploads(of:)`).
    func downloads(of node: NodeID) -> TransferList {
        TransferList(links: links, cursor: endpoints[node.rawValue].firstDownload, uploads: false)
    }
}

/// The ids of one node's uploads or downloads, walked along their links.
struct TransferList: Sequence, IteratorProtocol {
    fileprivate let links: [TransferLink]
    fileprivate var cursor: Int32
    fileprivate let uploads: Bool

    mutating func next() -> Int? {
        guard cursor >= 0 else { return nil }
        let id = Int(cursor)
        cursor = uploads ? links[id].nextUpload : links[id].nextDownload
        return id
    }
}
