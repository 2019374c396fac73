import NetSim

/// `- lookup: { from: p1, key: notes.pdf, via: flood, ttl: 3 }` (or `via: dht`, or
/// `via: SERVER` to ask an index server).
struct LookupAction: ActionDefinition {
    static let names = ["lookup"]
    static let fields = ["from", "key", "via", "ttl"]

    enum Method: Sendable, Hashable {
        /// Ask one index server (the client-server way).
        case server(String)
        /// Ask neighbours, who ask theirs, up to `ttl` hops.
        case flood(ttl: Int)
        /// A distributed hash table lookup.
        case dht
    }

    var from: String
    var key: String
    var method: Method

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> LookupAction? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let from = entry.require("from", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let key = entry.require("key", in: fields, log: &log).flatMap { reader.text($0, "key", log: &log) }
        guard let viaNode = entry.require("via", in: fields, log: &log),
              let via = reader.text(viaNode, "via", log: &log) else { return nil }
        let method: Method
        switch via {
        case "flood":
            let ttl = fields["ttl"].map { reader.integer($0, "ttl", in: 1...16, log: &log) } ?? 4
            guard let ttl else { return nil }
            method = .flood(ttl: ttl)
        case "dht":
            method = .dht
        default:
            guard let server = targets.node(viaNode, log: &log) else { return nil }
            method = .server(server)
        }
        if let ttlNode = fields["ttl"], via != "flood" {
            log.warning("'ttl' is only used with 'via: flood'", at: reader.location(ttlNode))
        }
        guard let from, let key else { return nil }
        return LookupAction(from: from, key: key, method: method)
    }

    var summary: String {
        let how: String
        switch method {
        case let .server(name): how = "by asking \(name)"
        case let .flood(ttl): how = "by flooding (up to \(ttl) hops)"
        case .dht: how = "through the DHT"
        }
        return "\(from) looks for \"\(key)\" \(how)"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        let engineMethod: LookupMethod
        switch method {
        case let .server(name): engineMethod = .server(try id(name))
        case let .flood(ttl): engineMethod = .flood(ttl: ttl)
        case .dht: engineMethod = .dht
        }
        return [.lookup(from: try id(from), key: key, method: engineMethod)]
    }
}
