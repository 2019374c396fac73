/// The two ways a key finds its place in a binary heap, over the heap's storage in place:
/// `MinHeap` is the only user, and runs them inside `withUnsafeMutableBufferPointer` so
/// that the loops carry no bounds checks or copy-on-write checks.
///
/// Each moves the keys it passes by one level and writes the new key once, where it
/// stops, instead of swapping at every level.
struct HeapHandle<Key: Comparable> {
    private let buffer: UnsafeMutableBufferPointer<Key>

    @inline(__always)
    init(_ buffer: UnsafeMutableBufferPointer<Key>) {
        self.buffer = buffer
    }

    /// Puts `key` at `index` or above it, moving larger parents down: for a key just
    /// appended at the end.
    ///
    /// - Complexity: O(log `index`)
    @inline(__always)
    func siftUp(_ key: Key, from index: Int) {
        var index = index
        while index > 0 {
            let parent = (index - 1) / 2
            guard key < buffer[parent] else { break }
            buffer[index] = buffer[parent]
            index = parent
        }
        buffer[index] = key
        assertPlaced(at: index)
    }

    /// Puts `key` at `index` or below it, moving the smaller child up at each level: for
    /// the last key moved to the root after the minimum was taken.
    ///
    /// - Complexity: O(log `count`)
    @inline(__always)
    func siftDown(_ key: Key, from index: Int) {
        let count = buffer.count
        var index = index
        while true {
            var child = 2 * index + 1
            guard child < count else { break }
            if child + 1 < count, buffer[child + 1] < buffer[child] { child += 1 }
            guard buffer[child] < key else { break }
            buffer[index] = buffer[child]
            index = child
        }
        buffer[index] = key
        assertPlaced(at: index)
    }

    /// In debug builds: the key at `index` is in order with its parent and its children,
    /// the only places a sift can have got wrong.
    @inline(__always)
    private func assertPlaced(at index: Int) {
        let child = 2 * index + 1
        assert(index == 0 || !(buffer[index] < buffer[(index - 1) / 2]), "a key is smaller than its parent")
        assert(child >= buffer.count || !(buffer[child] < buffer[index]), "a key is larger than its first child")
        assert(child + 1 >= buffer.count || !(buffer[child + 1] < buffer[index]), "a key is larger than its second child")
    }
}
