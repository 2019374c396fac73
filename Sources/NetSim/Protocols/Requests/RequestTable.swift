/// Every request made so far, by id (1, 2, 3…, as `nextRequestID` hands them out).
///
/// Kept in chunks of `chunkSize` rather than one dictionary: a timeline holds many
/// snapshots of the simulation, and with one dictionary every change after a snapshot
/// copied all the records, so a long sandbox session held dozens of copies of
/// everything ever asked. Now a snapshot shares every chunk but the one that changed.
struct RequestTable: Sequence, Equatable, Sendable {
    private static let chunkSize = 256
    private var chunks: [[RequestRecord]] = []
    private var count = 0
    /// Each client's latest request (a cache's fetches from its origin aside): the stage
    /// marks a client by how it ended, every frame, and looking it up must not walk every
    /// request ever made.
    private(set) var latestByClient: [NodeID: Int] = [:]

    /// The ids of every request so far, in the order they were made.
    var keys: Range<Int> { 1..<(count + 1) }

    var values: some Sequence<RequestRecord> { chunks.joined() }

    /// Each request with its id, in the order they were made.
    func makeIterator() -> Zip2Sequence<Range<Int>, FlattenSequence<[[RequestRecord]]>>.Iterator {
        zip(keys, chunks.joined()).makeIterator()
    }

    /// A new id must follow the last one; changing a record keeps its id.
    subscript(id: Int) -> RequestRecord? {
        get {
            guard keys.contains(id) else { return nil }
            return chunks[(id - 1) / Self.chunkSize][(id - 1) % Self.chunkSize]
        }
        set {
            guard let newValue else { preconditionFailure("requests are never removed") }
            if id == count + 1 {
                if count.isMultiple(of: Self.chunkSize) { chunks.append([]) }
                chunks[chunks.count - 1].append(newValue)
                count += 1
                // A cache's fetch from its origin is not a client's request: a failed
                // fetch must not mark the cache as a client that gave up.
                if newValue.owner == .client { latestByClient[newValue.client] = id }
            } else {
                precondition(keys.contains(id), "request ids are handed out in order")
                chunks[(id - 1) / Self.chunkSize][(id - 1) % Self.chunkSize] = newValue
            }
        }
    }
}
