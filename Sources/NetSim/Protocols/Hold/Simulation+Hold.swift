/// The hold model, the classic benchmark for event queues: a fixed number of pending
/// timers, each of which reschedules itself after a random delay. It goes through the
/// same heap, the same dispatch and the same trace as every lesson's events.
extension Simulation {
    mutating func startHold(pending: Int) {
        holdSpread = 2 * pending
        for _ in 0..<pending {
            queue.schedule(.hold, at: now + SimTime(random.below(holdSpread)))
        }
    }

    mutating func handleHold() -> Happening {
        queue.schedule(.hold, at: now + SimTime(random.below(holdSpread)))
        return Happening(kind: .timer)
    }
}
