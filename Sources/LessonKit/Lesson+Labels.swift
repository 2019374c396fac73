extension Lesson {
    /// What the lesson calls its nodes beside their names (`label:`), by name: the named
    /// nodes of the network and the nodes its steps add. A group's label is its group's
    /// (`NetworkSpec.GroupSpec.label`), not repeated for each member here.
    public var nodeLabels: [String: String] {
        var labels: [String: String] = [:]
        for node in network.nodes where node.group == nil {
            if let label = node.label { labels[node.name] = label }
        }
        for action in actions {
            if let added = action.settings(AddNodeAction.self)?.node, let label = added.label { labels[added.name] = label }
        }
        return labels
    }

    /// The nodes any of the lesson's swarms starts from, by name.
    public var swarmSeeds: Set<String> {
        Set(actions.flatMap { $0.settings(SwarmAction.self)?.seeds ?? [] })
    }

    /// The first swarm the lesson starts: its seeds and its peers, by name. The stage is
    /// laid out for it from the first step, so nobody moves when it starts.
    public var firstSwarm: (seeds: Set<String>, peers: Set<String>)? {
        actions.lazy.compactMap { $0.settings(SwarmAction.self) }.first.map { (Set($0.seeds), Set($0.peers)) }
    }

    /// Every action of every step, those a key does included.
    private var actions: [LessonAction] {
        steps.flatMap(\.script).compactMap { item in
            switch item.kind {
            case let .act(act): act
            case let .ask(ask): ask.action
            case .run, .pause, .quiz: nil
            }
        }
    }
}
