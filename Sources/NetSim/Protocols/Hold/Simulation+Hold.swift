/// The hold model, the classic benchmark for event queues: a fixed number of pending
/// timers, each of which reschedules itself after a random delay. It goes through the
/// same heap, the same dispatch and the same trace as every lesson's events.
extension Simulation {
    mutating func apply(_ command: HoldCommand) throws(SimError) {
        switch command {
        case let .start(pending):
            guard pending > 0 else { throw .invalid("the hold model needs at least one pending event") }
            startHold(pending: pending)
        }
    }

    private mutating func startHold(pending: Int) {
        hold.spread = 2 * pending
        for _ in 0..<pending {
            queue.schedule(.hold, at: now + SimTime(random.below(hold.spread)))
        }
    }

    mutating func handleHold() -> Happening {
        queue.schedule(.hold, at: now + SimTime(random.below(hold.spread)))
        return Happening(kind: .timer)
    }
}
