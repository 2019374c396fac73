import NetSim

/// How much of the file being shared each node holds at an instant: chunks held in a
/// swarm; in a client-server distribution, how far the whole file sent to it has come.
struct FileShares {
    private var incoming: [NodeID: Double] = [:]

    init(_ frame: Frame) {
        // A file whose last bit has left but not yet arrived (the link's latency) is not
        // whole yet: counted whole, it was neither getting nor done, and p2p-swarm's
        // panel read "2 clients: all done" with four copies still on their way.
        for message in frame.inFlight where message.kind == .file {
            incoming[message.to] = min(message.progress(at: frame.time), (1.0).nextDown)
        }
    }

    /// The node's share, 0...1, or nil when it is not part of any file distribution.
    func share(of state: NodeState) -> Double? {
        if state.chunkCount > 0 { return Double(state.chunksHeld) / Double(state.chunkCount) }
        if let progress = incoming[state.id] { return progress }
        return state.completedAt == nil ? nil : 1
    }

    /// When the node came to hold the whole file being shared now; nil while it does
    /// not, and for a seed, which never had to get it. The time counts only while the
    /// node's share is whole, so a completion time can never speak for a file still on
    /// its way.
    func finished(_ state: NodeState) -> SimTime? {
        share(of: state) == 1 ? state.completedAt : nil
    }
}
