import NetSim

/// Where a node stands in the latest lookup, drawn in front of its name in place of its
/// icon, so the hops of a search can be counted on the stage.
enum SearchMark: Hashable, Sendable {
    /// It asked the question.
    case asker
    /// The question reached it, `hop` hops from the asker (the first time it did).
    case asked(hop: Int)
}

extension Scene {
    /// Marks the latest lookup on the nodes: the asker, every node its question has
    /// reached so far with the hop it came at, and, once a flood is over, the peers it
    /// never reached (`unreached`, after any other mark: something wrong speaks first).
    /// Only a flood marks the unreached: its hop limit is what left them out, where a
    /// directory or a hash table never meant to ask them. Whoever holds what is asked
    /// for is marked `holder` from the start (its last mark), so a learner sees where the
    /// search has to get to, and whether it got there.
    static func markSearch(_ simulation: Simulation, on nodes: inout [SceneNode]) {
        guard let lookup = simulation.latestLookup else { return }
        let flooded = if case .flood = lookup.method { lookup.isOver } else { false }
        for index in nodes.indices {
            let id = NodeID(nodes[index].id)
            if id == lookup.origin {
                nodes[index].search = .asker
            } else if let visit = lookup.visit(of: id) {
                nodes[index].search = .asked(hop: visit.hop)
            } else if flooded, nodes[index].isUp, nodes[index].role == .peer || nodes[index].role == .supernode {
                nodes[index].marks.append(.unreached)
            }
            if simulation.node(id).published.contains(lookup.key) { nodes[index].marks.append(.holder) }
        }
    }
}
