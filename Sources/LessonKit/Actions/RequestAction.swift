import NetSim

/// `- request: { from: clients, to: server, what: "GET /", size: 400B, reply: 10KB }`:
/// each node in `from` sends one request to `to`.
struct RequestAction: ActionDefinition {
    static let names = ["request"]
    static let fields = ["from", "to", "what", "size", "reply"]

    var from: [String]
    var to: String
    var what: String
    var bytes: Int
    var responseBytes: Int

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> RequestAction? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let from = entry.require("from", in: fields, log: &log).flatMap { targets.nodes($0, log: &log) }
        let to = entry.require("to", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let what = fields["what"].flatMap { reader.text($0, "what", log: &log) } ?? "GET /"
        let size = fields["size"].map { reader.bytes($0, "size", log: &log) } ?? 400
        let reply = fields["reply"].map { reader.bytes($0, "reply", log: &log) } ?? 10_000
        guard let from, let to, let size, let reply else { return nil }
        return RequestAction(from: from, to: to, what: what, bytes: size, responseBytes: reply)
    }

    var summary: String {
        let verb = from.count == 1 ? "asks" : "each ask"
        return "\(from.summarized) \(verb) \(to) for \"\(what)\" (\(Units.format(bits: Double(bytes) * 8)), answer \(Units.format(bits: Double(responseBytes) * 8)))"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        let server = try id(to)
        return try id(from).map { .request(from: $0, to: server, what: what, bytes: bytes, responseBytes: responseBytes) }
    }
}
