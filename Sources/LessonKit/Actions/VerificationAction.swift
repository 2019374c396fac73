import NetSim

/// `- verification: on`: peers check each chunk's hash and refuse corrupt ones.
struct VerificationAction: ActionDefinition {
    static let names = ["verification"]

    var on: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> VerificationAction? {
        entry.reader.boolean(entry.node, "verification", log: &log).map { VerificationAction(on: $0) }
    }

    var summary: String {
        on ? "peers check every chunk's hash" : "peers stop checking hashes"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.setVerification(on)]
    }
}
