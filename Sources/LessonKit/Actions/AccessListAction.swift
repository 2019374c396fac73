import NetSim

/// `- grant: { server: server, clients: [c1] }` and `- revoke: ...`: who a server with
/// access control lets in.
struct AccessListAction: ActionDefinition {
    static let names = ["grant", "revoke"]
    static let fields = ["server", "clients"]

    var server: String
    var clients: [String]
    var granted: Bool

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> AccessListAction? {
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let server = entry.require("server", in: fields, log: &log).flatMap { entry.targets.node($0, log: &log) }
        let clients = entry.require("clients", in: fields, log: &log).flatMap { entry.targets.nodes($0, log: &log) }
        guard let server, let clients else { return nil }
        return AccessListAction(server: server, clients: clients, granted: entry.name == "grant")
    }

    var summary: String {
        granted ? "\(server) lets \(clients.summarized) in" : "\(server) shuts \(clients.summarized) out"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        let server = try id(server)
        return try id(clients).map { granted ? .grant(server: server, client: $0) : .revoke(server: server, client: $0) }
    }
}
