/// Bookkeeping for one round of re-sharing (see `TransferTable.reshare`), kept between
/// rounds so that a round allocates nothing and gathers each node once without sets.
///
/// Per node it remembers the round in which the node last joined the upload side or the
/// download side, and the round in which one of its incoming offers last changed: a
/// receiver none of whose offers changed would get the rates it already has, so it is
/// not re-shared at all.
struct RerateScratch: Equatable, Sendable {
    private struct Marks: Equatable, Sendable {
        var up = 0
        var down = 0
        var changed = 0
    }

    private var round = 0
    private var marks: [Marks]
    /// Senders and receivers of the current round, in the order they were found.
    private(set) var upSides: [NodeID] = []
    private(set) var downSides: [NodeID] = []
    /// Senders of the round with enough uploads to be pooled (see `SharePool`).
    private(set) var manyUploads: [NodeID] = []
    /// Completion events the round calls for, in order, and how many it made stale.
    var completions: [Completion] = []
    var staleCompletions = 0

    init(nodeCount: Int) {
        marks = Array(repeating: Marks(), count: nodeCount)
    }

    mutating func addNode() {
        marks.append(Marks())
    }

    /// Starts a round: nobody has joined either side yet.
    mutating func beginRound() {
        round += 1
        // Emptying an empty array still costs a call and a uniqueness check, and most
        // rounds pool nothing and schedule no completion.
        if !upSides.isEmpty { upSides.removeAll(keepingCapacity: true) }
        if !downSides.isEmpty { downSides.removeAll(keepingCapacity: true) }
        if !manyUploads.isEmpty { manyUploads.removeAll(keepingCapacity: true) }
        if !completions.isEmpty { completions.removeAll(keepingCapacity: true) }
        staleCompletions = 0
    }

    /// Adds a sender to this round's upload side unless it is there already.
    mutating func joinUploadSide(_ node: NodeID) {
        guard marks[node.rawValue].up != round else { return }
        marks[node.rawValue].up = round
        upSides.append(node)
    }

    mutating func noteManyUploads(_ node: NodeID) {
        manyUploads.append(node)
    }

    /// Adds a receiver to this round's download side unless it is there already;
    /// `changed` says that what it is offered is different now, so it must re-share.
    mutating func joinDownloadSide(_ node: NodeID, changed: Bool) {
        if marks[node.rawValue].down != round {
            marks[node.rawValue].down = round
            downSides.append(node)
        }
        if changed { marks[node.rawValue].changed = round }
    }

    /// Whether a receiver of this round needs re-sharing.
    func mustReshare(_ node: NodeID) -> Bool {
        marks[node.rawValue].changed == round
    }
}
