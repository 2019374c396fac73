/// The messages on their way, in reusable slots: events and transfers name a message by
/// its slot, so reaching it costs no hashing and a change happens in place. A slot is
/// freed only when its message is delivered or lost, and nothing names it after that.
struct FlightTable: Equatable, Sendable {
    private var slots: [Flight?] = []
    private var free: [Int] = []

    /// Stores a message that has just been sent and returns its slot.
    mutating func insert(_ flight: Flight) -> Int {
        if let slot = free.popLast() {
            slots[slot] = flight
            return slot
        }
        slots.append(flight)
        return slots.count - 1
    }

    /// Takes out a message that arrived or was lost.
    mutating func remove(_ slot: Int) -> Flight {
        // Moved out rather than copied and then cleared: no retain and release of its label.
        let flight = slots[slot].take()!
        free.append(slot)
        return flight
    }

    subscript(slot: Int) -> Flight {
        get { slots[slot]! }
        _modify { yield &slots[slot]! }
    }

    /// Visits every message on its way, in no order: for counts, which need neither an
    /// order nor a copy of the messages.
    func forEach(_ body: (Flight) -> Void) {
        for case let flight? in slots { body(flight) }
    }

    /// The messages on their way that `include` picks, each as `message` reads its
    /// flight, oldest first (by id), since a display asks for them every frame: one pass
    /// over the slots, a sort of (id, slot) pairs rather than of whole messages, and one
    /// array out.
    func messages(where include: (Flight) -> Bool = { _ in true }, _ message: (Flight) -> Message) -> [Message] {
        var order: [(id: Int, slot: Int)] = []
        order.reserveCapacity(slots.count - free.count)
        for (slot, flight) in slots.enumerated() {
            if let flight, include(flight) { order.append((flight.message.id, slot)) }
        }
        order.sort { $0.id < $1.id }
        return order.map { message(slots[$0.slot]!) }
    }
}
