import NetSim

/// `- fail: server` and `- recover: server` (a node, a group or a list of them).
struct NodesUpAction: ActionDefinition {
    static let names = ["fail", "recover"]

    var nodes: [String]
    var up: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> NodesUpAction? {
        entry.targets.nodes(entry.node, log: &log).map { NodesUpAction(nodes: $0, up: entry.name == "recover") }
    }

    var summary: String {
        let one = nodes.count == 1
        return "\(nodes.summarized) \(up ? "recover" + (one ? "s" : "") : "fail" + (one ? "s" : ""))"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        try id(nodes).map { .setNodeUp($0, up) }
    }
}
