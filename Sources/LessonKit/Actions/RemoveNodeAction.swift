import NetSim

/// `- remove-node: p2`: a node leaves the network.
struct RemoveNodeAction: ActionDefinition {
    static let names = ["remove-node"]

    var node: String

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> RemoveNodeAction? {
        entry.targets.node(entry.node, log: &log).map { RemoveNodeAction(node: $0) }
    }

    var summary: String {
        "\(node) leaves the network"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.removeNode(try id(node))]
    }
}
