extension Lesson {
    /// What the lesson calls its nodes beside their names (`label:`), by name: the named
    /// nodes of the network and the nodes its steps add. A group's label is its group's
    /// (`NetworkSpec.GroupSpec.label`), not repeated for each member here.
    public var nodeLabels: [String: String] {
        var labels: [String: String] = [:]
        for node in network.nodes where node.group == nil {
            if let label = node.label { labels[node.name] = label }
        }
        for item in steps.flatMap(\.script) {
            let action: LessonAction
            switch item.kind {
            case let .act(act): action = act
            case let .ask(ask): action = ask.action
            case .run, .pause, .quiz: continue
            }
            if let added = action.settings(AddNodeAction.self)?.node, let label = added.label { labels[added.name] = label }
        }
        return labels
    }
}
