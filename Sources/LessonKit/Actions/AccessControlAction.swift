import NetSim

/// `- access-control: { server: server, enabled: true }`: the server answers only the
/// clients it lets in.
struct AccessControlAction: ActionDefinition {
    static let names = ["access-control"]
    static let fields = ["server", "enabled"]

    var server: String
    var enabled: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> AccessControlAction? {
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let server = entry.require("server", in: fields, log: &log).flatMap { entry.targets.node($0, log: &log) }
        let enabled = fields["enabled"].map { entry.reader.boolean($0, "enabled", log: &log) } ?? true
        guard let server, let enabled else { return nil }
        return AccessControlAction(server: server, enabled: enabled)
    }

    var summary: String {
        "\(server) \(enabled ? "checks" : "stops checking") who may ask"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.setAccessControl(server: try id(server), enabled: enabled)]
    }
}
