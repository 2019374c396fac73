/// The floor the engine's speed is measured against: a bare binary heap of (time,
/// sequence) events doing the hold model's pops and pushes, with nothing else: no
/// payload, no dispatch, no trace. `bench engine` prints its figures beside the floor's
/// events per second, measured in the same run on the same machine, so the ratio says
/// what the engine costs over the heap whatever the machine's speed.
public enum HeapFloor {
    private struct Key {
        let time: Int
        let sequence: Int

        @inline(__always)
        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
        }
    }

    /// Runs the hold model on the bare heap: `pending` timers; each of `events` times the
    /// earliest is popped and one is pushed after a delay drawn uniformly from
    /// [0, 2·pending) µs, as `Simulation.startHold` does. Returns the last time popped,
    /// so that the work cannot be optimised away.
    public static func hold(pending: Int, events: Int, seed: UInt64 = 1) -> Int {
        precondition(pending > 0, "the hold model needs at least one pending event")
        var random = SeededGenerator(seed: seed)
        let spread = 2 * pending
        var storage = [Key](repeating: Key(time: 0, sequence: 0), count: pending + 1)
        var now = 0
        storage.withUnsafeMutableBufferPointer { heap in
            var count = 0
            var sequence = 0
            for _ in 0..<pending {
                push(Key(time: random.below(spread), sequence: sequence), into: heap, count: &count)
                sequence += 1
            }
            for _ in 0..<events {
                now = popMin(from: heap, count: &count).time
                push(Key(time: now + random.below(spread), sequence: sequence), into: heap, count: &count)
                sequence += 1
            }
        }
        return now
    }

    @inline(__always)
    private static func push(_ key: Key, into heap: UnsafeMutableBufferPointer<Key>, count: inout Int) {
        var index = count
        count += 1
        while index > 0 {
            let parent = (index - 1) / 2
            guard key < heap[parent] else { break }
            heap[index] = heap[parent]
            index = parent
        }
        heap[index] = key
    }

    @inline(__always)
    private static func popMin(from heap: UnsafeMutableBufferPointer<Key>, count: inout Int) -> Key {
        let top = heap[0]
        count -= 1
        let last = heap[count]
        var index = 0
        while true {
            var child = 2 * index + 1
            guard child < count else { break }
            if child + 1 < count, heap[child + 1] < heap[child] { child += 1 }
            guard heap[child] < last else { break }
            heap[index] = heap[child]
            index = child
        }
        heap[index] = last
        return top
    }
}
