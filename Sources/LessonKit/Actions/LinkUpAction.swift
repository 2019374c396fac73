import NetSim

/// `- fail-link: [c1, server]` and `- recover-link: [clients, server]`: the link between
/// each node of one end and each of the other (an end is one node, or a group's nodes).
struct LinkUpAction: ActionDefinition {
    static let names = ["fail-link", "recover-link"]

    var a: [String]
    var b: [String]
    var up: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> LinkUpAction? {
        let ends = entry.reader.list(entry.node)
        guard ends.count == 2 else {
            log.error("\(entry.name) names the two ends of a link, like [c1, server] (an end may be a group: [clients, server])", at: entry.location)
            return nil
        }
        let a = entry.targets.nodes(ends[0], log: &log)
        let b = entry.targets.nodes(ends[1], log: &log)
        guard let a, let b else { return nil }
        guard a.contains(where: { first in b.contains { $0 != first } }) else {
            log.error("\(entry.name) needs two different ends", at: entry.location)
            return nil
        }
        return LinkUpAction(a: a, b: b, up: entry.name == "recover-link")
    }

    var summary: String {
        let one = a.count == 1 && b.count == 1
        return "the link\(one ? "" : "s") \(a.summarized)–\(b.summarized) \(up ? (one ? "is" : "are") + " restored" : (one ? "is" : "are") + " cut")"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        var joined = Set<[String]>()
        var commands: [Command] = []
        for first in a {
            for second in b where first != second && joined.insert([first, second].sorted()).inserted {
                commands.append(.setLinkUp(try id(first), try id(second), up))
            }
        }
        return commands
    }
}
