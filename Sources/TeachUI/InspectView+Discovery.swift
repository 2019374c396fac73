import NetSim

extension InspectView {
    /// Whom a node can pass messages to, and its part in the latest lookup: the facts a
    /// learner needs to count a search's hops from the inspector alone.
    ///
    /// `neighbours`: the nodes at the other ends of its links, in the lesson's order,
    /// those down or cut off said so (a flood passes nothing across them). Nothing where
    /// any node reaches any other and the node has no links of its own.
    static func overlayFacts(_ state: NodeState, simulation: Simulation) -> [Fact] {
        var facts: [Fact] = []
        let neighbours = Self.neighbours(of: state.id, in: simulation)
        if !neighbours.isEmpty { facts.append(Fact("neighbours", neighbours.joined(separator: ", "))) }
        if !state.published.isEmpty { facts.append(Fact("holds", state.published.joined(separator: ", "))) }
        if let asked = lookupFact(state, simulation: simulation) { facts.append(asked) }
        return facts
    }

    private static func neighbours(of node: NodeID, in simulation: Simulation) -> [String] {
        var seen: [NodeID] = []
        var names: [String] = []
        for link in simulation.network.links where link.a == node || link.b == node {
            let other = link.a == node ? link.b : link.a
            guard !seen.contains(other) else { continue }
            seen.append(other)
            let name = simulation.network.nodes[other.rawValue].name
            if !simulation.node(other).isUp {
                names.append("\(name) (down)")
            } else if simulation.isLinkUp(node, other) == false {
                names.append("\(name) (cut)")
            } else {
                names.append(name)
            }
        }
        return names
    }

    /// The node's part in the latest lookup: it asked; the question reached it, when, at
    /// which hop and whether it held the answer; it has not yet; or, once a flood is
    /// over, it never did.
    private static func lookupFact(_ state: NodeState, simulation: Simulation) -> Fact? {
        guard let lookup = simulation.latestLookup else { return nil }
        if state.id == lookup.origin {
            let how: String = switch lookup.method {
            case .server: "via the index"
            case let .flood(ttl): "flooding, hop limit \(ttl)"
            case .dht: "through the hash table"
            }
            return Fact("lookup", "asker: \(how)" + (lookup.isOver ? "" : ", waiting"))
        }
        if let visit = lookup.visit(of: state.id) {
            let held = visit.holds ? "; holds it" : "; does not hold it"
            return Fact("lookup", "asked at hop \(visit.hop), at \(Units.format(duration: visit.at))\(held)")
        }
        guard case .flood = lookup.method else { return nil }
        return Fact("lookup", lookup.isOver ? "never asked: the hop limit ran out first" : "not asked yet")
    }

    /// What a peer linked to other peers does, in place of the general words for a peer:
    /// in an overlay it reaches only its neighbours. Nil for anything else, or a peer
    /// something is wrong with (that is said first).
    static func overlayRole(_ state: NodeState, simulation: Simulation) -> String? {
        guard state.config.role == .peer, state.isUp, !state.malicious, state.corruptChunks == 0 else { return nil }
        let linkedToPeers = simulation.network.links.contains { link in
            let other = link.a == state.id ? link.b : link.b == state.id ? link.a : nil
            return other.map { simulation.network.nodes[$0.rawValue].role == .peer } ?? false
        }
        guard linkedToPeers else { return nil }
        return "A **peer** in an overlay: it can only talk to its neighbours, the peers its lines lead to, and it passes on questions it cannot answer itself."
    }

    /// A sentence on the node's part in the latest lookup, for the explanation.
    static func lookupExplanation(_ state: NodeState, simulation: Simulation) -> String? {
        guard let lookup = simulation.latestLookup, lookup.origin != state.id else { return nil }
        let asker = simulation.network.nodes[lookup.origin.rawValue].name
        if let visit = lookup.visit(of: state.id) {
            let hops = visit.hop == 1 ? "1 hop" : "\(visit.hop) hops"
            return "\(asker)'s question reached it \(hops) from \(asker)" + (visit.holds ? ", and it holds the answer." : ".")
        }
        guard case let .flood(ttl) = lookup.method, lookup.isOver, state.config.role == .peer else { return nil }
        return "\(asker)'s flood never reached it: every copy of the question had used up its \(ttl) hops first."
    }
}
