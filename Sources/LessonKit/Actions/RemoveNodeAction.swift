import NetSim

/// `- remove-node: p2`: a node (a group, or a list of them) leaves the network for good.
struct RemoveNodeAction: ActionDefinition {
    static let names = ["remove-node"]

    var nodes: [String]

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> RemoveNodeAction? {
        entry.targets.nodes(entry.node, log: &log).map { RemoveNodeAction(nodes: $0) }
    }

    var summary: String {
        "\(nodes.summarized) \(nodes.count == 1 ? "leaves" : "leave") the network"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        try id(nodes).map { .removeNode($0) }
    }
}
