/// The floor the engine's speed is measured against: the hold model's pops and pushes on
/// the event queue's own heap (`MinHeap` of `HeapKey`), with nothing else: no events in
/// slots, no dispatch, no trace. `bench engine` prints its figures beside the floor's
/// events per second, measured in the same run on the same machine, so the ratio says
/// what the events cost over the heap whatever the machine's speed.
public enum HeapFloor {
    /// Runs the hold model on the bare heap: `pending` timers; each of `events` times the
    /// earliest is popped and one is pushed after a delay drawn uniformly from
    /// [0, 2·pending) µs, as `Simulation.startHold` does. Returns the last time popped,
    /// so that the work cannot be optimised away.
    public static func hold(pending: Int, events: Int, seed: UInt64 = 1) -> Int {
        precondition(pending > 0, "the hold model needs at least one pending event")
        var random = SeededGenerator(seed: seed)
        let spread = 2 * pending
        var heap = MinHeap<HeapKey>()
        heap.reserveCapacity(pending + 1)
        var now: SimTime = 0
        var sequence: UInt64 = 0
        for _ in 0..<pending {
            heap.insert(HeapKey(time: SimTime(random.below(spread)), order: sequence))
            sequence += 1
        }
        for _ in 0..<events {
            now = heap.popMin()!.time
            heap.insert(HeapKey(time: now + SimTime(random.below(spread)), order: sequence))
            sequence += 1
        }
        return Int(now)
    }
}
