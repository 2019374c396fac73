/// A binary min-heap of keys in an array: the engine's event queue and the bare-heap
/// floor it is measured against (`HeapFloor`) both run on this one type, so the floor
/// times exactly the heap code the queue runs and the ratio between them is the cost of
/// the events themselves.
///
/// Only what the engine needs: push, peek and pop the minimum. A binary heap does those
/// with the fewest comparisons (a min-max heap, as in swift-collections' `Heap`, can also
/// pop the maximum but compares more on every level; a four-way heap measured slower
/// here).
///
/// Keys that compare equal come out in no particular order; the engine's keys never do
/// (see `HeapKey`).
struct MinHeap<Key: Comparable> {
    /// The heap in level order: each key is no greater than its children at `2i + 1` and
    /// `2i + 2`.
    private(set) var storage: [Key] = []

    init() {}

    /// The number of keys.
    var count: Int { storage.count }

    var isEmpty: Bool { storage.isEmpty }

    /// The smallest key, nil when empty.
    ///
    /// - Complexity: O(1)
    var min: Key? { storage.first }

    /// Keeps room for `capacity` keys, so that pushing up to that many never reallocates.
    mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity)
    }

    /// Adds a key.
    ///
    /// - Complexity: O(log `count`) comparisons and moves; amortized O(1) allocation.
    @inline(__always)
    mutating func insert(_ key: Key) {
        storage.append(key)
        storage.withUnsafeMutableBufferPointer { buffer in
            HeapHandle(buffer).siftUp(key, from: buffer.count - 1)
        }
    }

    /// Removes and returns the smallest key, nil when empty.
    ///
    /// - Complexity: O(log `count`) comparisons and moves.
    @inline(__always)
    mutating func popMin() -> Key? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        return storage.withUnsafeMutableBufferPointer { buffer in
            let top = buffer[0]
            HeapHandle(buffer).siftDown(last, from: 0)
            return top
        }
    }

    /// Removes the keys `shouldBeRemoved` picks and returns how many it removed.
    ///
    /// - Complexity: O(`count` log `count`): the keys left are sorted, and a sorted array
    ///   is a heap.
    mutating func removeAll(where shouldBeRemoved: (Key) -> Bool) -> Int {
        let before = storage.count
        storage.removeAll(where: shouldBeRemoved)
        storage.sort()
        return before - storage.count
    }
}

extension MinHeap: Sendable where Key: Sendable {}
