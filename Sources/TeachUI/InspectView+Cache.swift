import NetSim

extension InspectView {
    /// What a cache holds and how it has done: its origin, its copies (fresh or expired,
    /// least recently used first), what it is fetching, its hits and misses.
    static func cacheFacts(_ id: NodeID, simulation: Simulation) -> [Fact] {
        guard let cache = simulation.cache(at: id) else { return [] }
        let origin = simulation.node(cache.policy.origin).config.name
        let keeps = [
            cache.policy.timeToLive.map { "each for " + Units.format(duration: $0) },
            cache.policy.capacity.map { "at most \($0)" },
        ].compactMap(\.self)
        let holds = cache.copies.isEmpty ? "nothing yet" : cache.copies.map { copy in
            copy.isFresh ? copy.what : "\(copy.what) (expired)"
        }.joined(separator: ", ")
        var facts = [
            Fact("origin", origin + (keeps.isEmpty ? "" : "; keeps copies " + keeps.joined(separator: ", "))),
            Fact("holds", holds),
            Fact("hits", "\(cache.hits) hits, \(cache.misses) misses"),
        ]
        if !cache.fetching.isEmpty { facts.append(Fact("fetching", cache.fetching.joined(separator: ", "))) }
        return facts
    }
}
