import NetSim
import Yams

/// `- request: { from: clients, to: server, what: "GET /", size: 400B, reply: 10KB }`:
/// each node in `from` sends one request to `to`, a node or `nearest-cache` (the cache
/// closest to each sender when it sends); with `rate: [1/s for 10s, 50/s for 20s]` they
/// take turns sending requests at that rate over time instead (a flash crowd).
struct RequestAction: ActionDefinition {
    static let names = ["request"]
    static let fields = ["from", "to", "what", "size", "reply", "rate"]
    static let nearestCache = "nearest-cache"

    var from: [String]
    var to: String
    var what: String
    var bytes: Int
    var responseBytes: Int
    /// nil: one request from each node of `from`, at once.
    var pattern: RequestPattern?

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
        let pattern = fields["rate"].map { RequestPattern.parse($0, reader: reader, log: &log) }
        guard let from, let to, let size, let reply, pattern != .some(nil) else { return nil }
        return RequestAction(from: from, to: to, what: what, bytes: size, responseBytes: reply, pattern: pattern ?? nil)
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
        let sizes = "(\(Units.format(bits: Double(bytes) * 8)), answer \(Units.format(bits: Double(responseBytes) * 8)))"
        if let pattern {
            let phases = pattern.phases.map(\.source).joined(separator: ", then ")
            let turns = from.count == 1 ? "" : ", taking turns"
            return "\(from.summarized) ask \(to) for \"\(what)\" \(sizes) at \(phases) (\(pattern.offsets.count) requests\(turns))"
        }
        let verb = from.count == 1 ? "asks" : "each ask"
        let to = to == Self.nearestCache ? "the nearest cache" : to
        return "\(from.summarized) \(verb) \(to) for \"\(what)\" \(sizes)"
    }

    /// A pattern's requests are scheduled from now; the runner sends each when its time comes.
    func stage(_ stage: inout ActionStage) {
        guard let pattern, !from.isEmpty else { return }
        let start = stage.simulation.now
        stage.picture.traffic.add(pattern.offsets.enumerated().map { index, offset in
            ScheduledTraffic.Request(time: start + offset, from: from[index % from.count], to: to, what: what,
                                     bytes: bytes, responseBytes: responseBytes, location: stage.location)
        })
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        guard pattern == nil else { return [] }
        return try id(from).map { sender throws(NodeIDs.Unknown) in
            try Self.command(from: sender, to: to, what: what, bytes: bytes, responseBytes: responseBytes, id)
        }
    }

    /// One request from `sender` to `to`, a node's name or `nearest-cache`: for the action
    /// itself and for each request a `rate` pattern sends later.
    static func command(from sender: NodeID, to: String, what: String, bytes: Int, responseBytes: Int,
                        _ id: NodeIDs) throws(NodeIDs.Unknown) -> Command {
        if to == nearestCache {
            return .caching(.askNearest(from: sender, what: what, bytes: bytes, responseBytes: responseBytes))
        }
        return .request(from: sender, to: try id(to), what: what, bytes: bytes, responseBytes: responseBytes)
    }
}
