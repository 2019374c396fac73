import NetSim
import Yams

/// `- request: { from: clients, to: server, what: "GET /", size: 400B, reply: 10KB }`:
/// each node in `from` sends one request to `to`, a node or `nearest-cache` (the cache
/// closest to each sender when it sends).
struct RequestAction: ActionDefinition {
    static let names = ["request"]
    static let fields = ["from", "to", "what", "size", "reply"]
    static let nearestCache = "nearest-cache"

    var from: [String]
    var to: String
    var what: String
    var bytes: Int
    var responseBytes: Int

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> RequestAction? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let from = entry.require("from", in: fields, log: &log).flatMap { targets.nodes($0, log: &log) }
        let to = entry.require("to", in: fields, log: &log).flatMap { node in
            if case let .scalar(scalar) = node, scalar.string == Self.nearestCache {
                return nearestCache(at: node, scope: scope, reader: reader, log: &log)
            }
            return targets.node(node, log: &log)
        }
        let what = fields["what"].flatMap { reader.text($0, "what", log: &log) } ?? "GET /"
        let size = fields["size"].map { reader.bytes($0, "size", log: &log) } ?? 400
        let reply = fields["reply"].map { reader.bytes($0, "reply", log: &log) } ?? 10_000
        guard let from, let to, let size, let reply else { return nil }
        return RequestAction(from: from, to: to, what: what, bytes: size, responseBytes: reply)
    }

    /// `nearest-cache`, when the network has a cache to be nearest.
    private static func nearestCache(at node: Node, scope: NameScope, reader: YAMLReader, log: inout DiagnosticLog) -> String? {
        guard scope.members(ofSet: "caches")?.isEmpty == false || !scope.knowsEveryName else {
            log.error("'nearest-cache' needs a node with 'role: cache' in the network", at: reader.location(node))
            return nil
        }
        return nearestCache
    }

    var summary: String {
        let verb = from.count == 1 ? "asks" : "each ask"
        let to = to == Self.nearestCache ? "the nearest cache" : to
        return "\(from.summarized) \(verb) \(to) for \"\(what)\" (\(Units.format(bits: Double(bytes) * 8)), answer \(Units.format(bits: Double(responseBytes) * 8)))"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        if to == Self.nearestCache {
            return try id(from).map { .caching(.askNearest(from: $0, what: what, bytes: bytes, responseBytes: responseBytes)) }
        }
        let server = try id(to)
        return try id(from).map { .request(from: $0, to: server, what: what, bytes: bytes, responseBytes: responseBytes) }
    }
}
