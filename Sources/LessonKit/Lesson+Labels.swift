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

    /// The first swarm the lesson starts: its seeds and its peers, by name. The stage is
    /// laid out for it from the first step, so nobody moves when it starts; but not when
    /// any of its machines asks for or serves something before it (a server's clients
    /// that later share a file as a swarm): until then they play another scenario, drawn
    /// as what they do in it, and the swarm is a new one.
    public var firstSwarm: (seeds: Set<String>, peers: Set<String>)? {
        var earlier: Set<String> = []
        for action in actions {
            if let swarm = action.settings(SwarmAction.self) {
                let machines = Set(swarm.seeds + swarm.peers)
                return machines.isDisjoint(with: earlier) ? (Set(swarm.seeds), Set(swarm.peers)) : nil
            }
            if let request = action.settings(RequestAction.self) { earlier.formUnion(request.from + [request.to]) }
            if let serving = action.settings(ServeFileAction.self) { earlier.formUnion(serving.to + [serving.from]) }
        }
        return nil
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
