import Yams

/// Resolves the node names an action mentions, reporting unknown ones where they are written.
struct TargetResolver {
    let reader: YAMLReader
    let scope: NameScope

    /// One node by name.
    func node(_ node: Node, log: inout DiagnosticLog) -> String? {
        guard let name = reader.text(node, "a node", log: &log) else { return nil }
        if scope.isNode(name) { return name }
        if scope.members(ofSet: name) != nil {
            log.error("'\(name)' stands for several nodes, but this field takes one node", at: reader.location(node))
        } else {
            unknown(name, at: node, log: &log)
        }
        return nil
    }

    /// One or more nodes: a node, a group, a role's plural (`peers`), `all`, or a list of these.
    func nodes(_ node: Node, log: inout DiagnosticLog) -> [String]? {
        var result: [String] = []
        var failed = false
        for item in reader.list(node) {
            guard let name = reader.text(item, "a node", log: &log) else { failed = true; continue }
            if scope.isNode(name) {
                result.append(name)
            } else if let members = scope.members(ofSet: name) {
                if members.isEmpty, scope.knowsEveryName {
                    log.error("'\(name)' stands for no node in this lesson", at: reader.location(item))
                    failed = true
                }
                result.append(contentsOf: members)
            } else {
                unknown(name, at: item, log: &log)
                failed = true
            }
        }
        if failed { return nil }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    private func unknown(_ name: String, at node: Node, log: inout DiagnosticLog) {
        guard scope.knowsEveryName else { return }
        log.error(scope.unknownNode(name), at: reader.location(node))
    }
}
