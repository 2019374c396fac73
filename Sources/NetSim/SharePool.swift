/// One sender's upload split evenly among all its transfers, kept as one share rather
/// than as a rate per transfer, so that a transfer starting or ending there costs
/// O(log n) instead of re-rating the other n (a server answering thousands of requests
/// at once through a slow upload would otherwise spend O(n²) on its answers).
///
/// It stands for exactly what re-sharing would compute (see `TransferTable.reshare`)
/// while nothing but the sender's upload limits any of its transfers: each receiver
/// downloads from this sender only, at least as fast as the sender's whole upload. Then
/// every offer and every rate is upload / n. Progress is one number for all, `served`:
/// the bits each member has been sent since the pool formed. A member's
/// `Transfer.remaining` holds its finish mark instead (what was served when it joined
/// plus what it had left), so members finish in the order of their marks and only the
/// first has a completion event.
struct SharePool: Equatable, Sendable {
    let sender: Int32
    /// The upload divided; a change of it dissolves the pool.
    let upload: Double
    /// What each member gets now: `upload` over `count`.
    var share: Double
    private(set) var served = 0.0
    private(set) var servedAt: SimTime
    /// Members now (slots of transfers that ended are still in `marks` until they reach
    /// the top).
    var count = 0
    /// The member whose `Transfer.completesAt` is kept up to date, -1 for none: the
    /// first to finish. The others' completion times are worked out when asked.
    var timed = -1
    private var marks = MinHeap<PoolMark>()
    private var joined = 0

    init(sender: NodeID, upload: Double, share: Double, at now: SimTime) {
        self.sender = Int32(sender.rawValue)
        self.upload = upload
        self.share = share
        servedAt = now
    }

    /// Bits each member has been sent by `now`, at the current share since `servedAt`.
    func served(at now: SimTime) -> Double {
        served + share * Double(now - servedAt) / 1e6
    }

    /// Brings `served` up to `now`; done before the share or the members change.
    mutating func advance(to now: SimTime) {
        guard now != servedAt else { return }
        served = served(at: now)
        servedAt = now
    }

    /// Takes in a transfer with `remaining` bits left (the pool advanced to now) and
    /// returns its order of joining and its finish mark.
    mutating func join(_ transfer: Int, remaining: Double) -> (order: Int, finish: Double) {
        let mark = PoolMark(finish: served + remaining, order: joined, transfer: Int32(transfer))
        joined += 1
        count += 1
        marks.insert(mark)
        return (mark.order, mark.finish)
    }

    /// The member that finishes first, dropping marks of transfers that left
    /// (`isMember` says whether a mark's transfer is still in the pool).
    mutating func first(isMember: (PoolMark) -> Bool) -> PoolMark? {
        while let top = marks.min {
            if isMember(top) { return top }
            _ = marks.popMin()
        }
        return nil
    }

    static func == (lhs: SharePool, rhs: SharePool) -> Bool {
        lhs.sender == rhs.sender && lhs.upload == rhs.upload && lhs.share == rhs.share && lhs.served == rhs.served
            && lhs.servedAt == rhs.servedAt && lhs.count == rhs.count && lhs.timed == rhs.timed
            && lhs.joined == rhs.joined && lhs.marks.storage == rhs.marks.storage
    }
}

/// A member's place in its pool: its finish mark, ties going to the one that joined first.
struct PoolMark: Comparable, Sendable {
    let finish: Double
    let order: Int
    let transfer: Int32

    static func < (lhs: PoolMark, rhs: PoolMark) -> Bool {
        lhs.finish < rhs.finish || (lhs.finish == rhs.finish && lhs.order < rhs.order)
    }
}
