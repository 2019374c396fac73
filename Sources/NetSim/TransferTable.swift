/// The transfers in progress, in reusable slots: the id of a transfer is its slot. A
/// slot keeps counting versions across reuse, so a completion event scheduled for an
/// earlier occupant is recognised as stale.
struct TransferTable: Equatable, Sendable {
    private var slots: [Transfer] = []
    private var free: [Int] = []

    /// Stores a new transfer and returns its id.
    mutating func insert(_ transfer: Transfer) -> Int {
        var transfer = transfer
        if let id = free.popLast() {
            transfer.version = slots[id].version + 1
            slots[id] = transfer
            return id
        }
        slots.append(transfer)
        return slots.count - 1
    }

    mutating func remove(_ id: Int) -> Transfer {
        assert(slots[id].isLive, "removing a finished transfer")
        let transfer = slots[id]
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
}
