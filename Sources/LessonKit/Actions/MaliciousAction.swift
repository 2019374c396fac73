import NetSim

/// `- malicious: p5`, or `- malicious: { node: p5, enabled: false }`: a peer that hands
/// out corrupt chunks.
struct MaliciousAction: ActionDefinition {
    static let names = ["malicious"]
    static let fields = ["node", "enabled"]

    var node: String
    var on: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> MaliciousAction? {
        guard case .mapping = entry.node else {
            return entry.targets.node(entry.node, log: &log).map { MaliciousAction(node: $0, on: true) }
        }
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let target = entry.require("node", in: fields, log: &log).flatMap { entry.targets.node($0, log: &log) }
        let enabled = fields["enabled"].map { entry.reader.boolean($0, "enabled", log: &log) } ?? true
        guard let target, let enabled else { return nil }
        return MaliciousAction(node: target, on: enabled)
    }

    var summary: String {
        on ? "\(node) turns malicious" : "\(node) behaves again"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.setMalicious(try id(node), on)]
    }
}
