extension MinHeap {
    /// Whether every key is no greater than its children: the heap's one invariant. Each
    /// sift checks it where it placed its key in debug builds; this checks all of it.
    ///
    /// - Complexity: O(`count`)
    var holdsHeapOrder: Bool {
        storage.indices.dropFirst().allSatisfy { index in
            !(storage[index] < storage[(index - 1) / 2])
        }
    }
}
