/// Bits moving from one node to another at a rate that changes as other transfers
/// start and end (fluid sharing of the nodes' capacities).
struct Transfer: Equatable, Sendable {
    let message: Int
    let sender: NodeID
    let receiver: NodeID
    /// The size of the message, in bits.
    let bits: Double
    /// The swarm chunk it carries, -1 for other messages.
    var chunk = -1
    var remaining: Double
    var rate = 0.0
    /// What the sender last offered this transfer: its max-min share of the upload.
    var upShare = 0.0
    var updatedAt: SimTime
    /// When the last bit will leave at the current rate.
    var completesAt: SimTime = .max
    /// When its pending completion event fires (.max: none); never later than `completesAt`.
    var scheduledAt: SimTime = .max
    /// Bumped at each re-rating; a `transmitted` event for an older version is stale.
    var version = 0
    fileprivate(set) var isLive = true
    /// Neighbours in the sender's upload list and the receiver's download list (-1: none).
    fileprivate var previousUpload: Int32 = -1
    fileprivate var nextUpload: Int32 = -1
    fileprivate var previousDownload: Int32 = -1
    fileprivate var nextDownload: Int32 = -1

    init(message: Int, sender: NodeID, receiver: NodeID, bits: Double, updatedAt: SimTime) {
        self.message = message
        self.sender = sender
        self.receiver = receiver
        self.bits = bits
        remaining = bits
        self.updatedAt = updatedAt
    }
}

/// A node as its transfers see it: the capacity they share now (0 while the node is
/// down), the sum of the rates coming in, and its transfers in each direction. Kept in
/// one flat array so that re-sharing reads one small record per node it visits.
struct Endpoint: Equatable, Sendable {
    var upload: Double
    var download: Double
    var incomingRate = 0.0
    fileprivate(set) var uploadCount = 0
    fileprivate(set) var downloadCount = 0
    fileprivate var firstUpload: Int32 = -1
    fileprivate var lastUpload: Int32 = -1
    fileprivate var firstDownload: Int32 = -1
    fileprivate var lastDownload: Int32 = -1

    init(upload: Double, download: Double) {
        self.upload = upload
        self.download = download
    }
}

/// The transfers in progress, in reusable slots (the id of a transfer is its slot), and
/// per node the transfers leaving and entering it, in the order they started, as lists
/// threaded through the slots: starting or ending a transfer allocates nothing, and
/// walking a node's transfers touches only the transfers themselves.
///
/// A slot keeps counting versions across reuse, so a completion event scheduled for an
/// earlier occupant is recognised as stale.
struct TransferTable: Equatable, Sendable {
    private var slots: [Transfer] = []
    private var free: [Int] = []
    private var endpoints: [Endpoint]

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

    /// Stores a new transfer, last in its sender's uploads and its receiver's downloads,
    /// and returns its id.
    mutating func insert(_ transfer: Transfer) -> Int {
        var transfer = transfer
        let id: Int
        if let reused = free.popLast() {
            id = reused
            transfer.version = slots[id].version + 1
        } else {
            id = slots.count
        }
        let sender = transfer.sender.rawValue
        let receiver = transfer.receiver.rawValue
        transfer.previousUpload = endpoints[sender].lastUpload
        transfer.previousDownload = endpoints[receiver].lastDownload
        if id == slots.count { slots.append(transfer) } else { slots[id] = transfer }
        let link = Int32(id)
        if transfer.previousUpload >= 0 {
            slots[Int(transfer.previousUpload)].nextUpload = link
        } else {
            endpoints[sender].firstUpload = link
        }
        if transfer.previousDownload >= 0 {
            slots[Int(transfer.previousDownload)].nextDownload = link
        } else {
            endpoints[receiver].firstDownload = link
        }
        endpoints[sender].lastUpload = link
        endpoints[receiver].lastDownload = link
        endpoints[sender].uploadCount += 1
        endpoints[receiver].downloadCount += 1
        return id
    }

    /// Takes a transfer out of its lists and frees its slot; its rate no longer counts
    /// towards its receiver's incoming rate.
    mutating func remove(_ id: Int) -> Transfer {
        assert(slots[id].isLive, "removing a finished transfer")
        let transfer = slots[id]
        let sender = transfer.sender.rawValue
        let receiver = transfer.receiver.rawValue
        if transfer.previousUpload >= 0 {
            slots[Int(transfer.previousUpload)].nextUpload = transfer.nextUpload
        } else {
            endpoints[sender].firstUpload = transfer.nextUpload
        }
        if transfer.nextUpload >= 0 {
            slots[Int(transfer.nextUpload)].previousUpload = transfer.previousUpload
        } else {
            endpoints[sender].lastUpload = transfer.previousUpload
        }
        if transfer.previousDownload >= 0 {
            slots[Int(transfer.previousDownload)].nextDownload = transfer.nextDownload
        } else {
            endpoints[receiver].firstDownload = transfer.nextDownload
        }
        if transfer.nextDownload >= 0 {
            slots[Int(transfer.nextDownload)].previousDownload = transfer.previousDownload
        } else {
            endpoints[receiver].lastDownload = transfer.previousDownload
        }
        endpoints[sender].uploadCount -= 1
        endpoints[receiver].downloadCount -= 1
        endpoints[receiver].incomingRate -= transfer.rate
        slots[id].isLive = false
        free.append(id)
        return transfer
    }

    subscript(id: Int) -> Transfer {
        get { slots[id] }
        _modify { yield &slots[id] }
    }

    func isCurrent(_ id: Int, version: Int) -> Bool {
        id < slots.count && slots[id].isLive && slots[id].version == version
    }

    /// Writes the ids of `node`'s uploads, oldest first, into a buffer of `uploadCount`.
    func copyUploads(of node: NodeID, into ids: UnsafeMutableBufferPointer<Int>) {
        var cursor = endpoints[node.rawValue].firstUpload
        for index in ids.indices {
            ids[index] = Int(cursor)
            cursor = slots[Int(cursor)].nextUpload
        }
    }

    /// Writes the ids of `node`'s downloads, oldest first, into a buffer of `downloadCount`.
    func copyDownloads(of node: NodeID, into ids: UnsafeMutableBufferPointer<Int>) {
        var cursor = endpoints[node.rawValue].firstDownload
        for index in ids.indices {
            ids[index] = Int(cursor)
            cursor = slots[Int(cursor)].nextDownload
        }
    }

    /// The transfers leaving `node`, oldest first. For reading: the list holds the table
    /// as it was, so changing the table while walking it would copy every slot.
    func uploads(of node: NodeID) -> TransferList {
        TransferList(slots: slots, cursor: endpoints[node.rawValue].firstUpload, uploads: true)
    }

    /// The transfers entering `node`, oldest first (for reading, as `uploads(of:)`).
    func downloads(of node: NodeID) -> TransferList {
        TransferList(slots: slots, cursor: endpoints[node.rawValue].firstDownload, uploads: false)
    }
}

/// The ids of one node's uploads or downloads, walked along the links in their slots.
struct TransferList: Sequence, IteratorProtocol {
    fileprivate let slots: [Transfer]
    fileprivate var cursor: Int32
    fileprivate let uploads: Bool

    mutating func next() -> Int? {
        guard cursor >= 0 else { return nil }
        let id = Int(cursor)
        cursor = uploads ? slots[id].nextUpload : slots[id].nextDownload
        return id
    }
}
