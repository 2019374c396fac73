import NetSim

extension LessonAction {
    /// The action in a few words, for transcripts and the event list: "c1, c2 ask server for GET /".
    public var summary: String {
        func names(_ list: [String]) -> String {
            list.count <= 6 ? list.joined(separator: ", ") : "\(list.prefix(3).joined(separator: ", ")) ... \(list.last!) (\(list.count) nodes)"
        }
        switch self {
        case let .request(from, to, what, bytes, responseBytes):
            let verb = from.count == 1 ? "asks" : "each ask"
            return "\(names(from)) \(verb) \(to) for \"\(what)\" (\(Units.format(bits: Double(bytes) * 8)), answer \(Units.format(bits: Double(responseBytes) * 8)))"
        case let .serveFile(from, to, bits):
            return "\(from) sends a file of \(Units.format(bits: bits)) to \(names(to))"
        case let .swarm(spec):
            let scheme = spec.scheduling == .relay ? "ideal relay scheme" : "peers trade chunks"
            return "a file of \(Units.format(bits: spec.fileBits)) in \(spec.chunks) chunks spreads from \(names(spec.seeds)) to \(names(spec.peers)) (\(scheme))"
        case let .setNodesUp(list, up):
            return "\(names(list)) \(up ? "recover" + (list.count == 1 ? "s" : "") : "fail" + (list.count == 1 ? "s" : ""))"
        case let .setLinkUp(a, b, up):
            let one = a.count == 1 && b.count == 1
            return "the link\(one ? "" : "s") \(names(a))–\(names(b)) \(up ? (one ? "is" : "are") + " restored" : (one ? "is" : "are") + " cut")"
        case let .addNode(spec, _):
            return "\(spec.name) joins as a \(spec.role.rawValue)"
        case let .removeNode(name):
            return "\(name) leaves the network"
        case let .setCapacity(name, upload, download):
            let parts = [upload.map { "upload \(Units.format(rate: $0))" }, download.map { "download \(Units.format(rate: $0))" }].compactMap { $0 }
            return "\(name) now has \(parts.joined(separator: " and "))"
        case let .setAccessControl(server, enabled):
            return "\(server) \(enabled ? "checks" : "stops checking") who may ask"
        case let .grant(server, clients):
            return "\(server) lets \(names(clients)) in"
        case let .revoke(server, clients):
            return "\(server) shuts \(names(clients)) out"
        case let .setVerification(on):
            return on ? "peers check every chunk's hash" : "peers stop checking hashes"
        case let .setMalicious(name, on):
            return on ? "\(name) turns malicious" : "\(name) behaves again"
        case let .publish(key, at):
            return "\(names(at)) \(at.count == 1 ? "holds" : "hold") \"\(key)\""
        case let .lookup(from, key, method):
            let how: String
            switch method {
            case let .server(name): how = "by asking \(name)"
            case let .flood(ttl): how = "by flooding (up to \(ttl) hops)"
            case .dht: how = "through the DHT"
            }
            return "\(from) looks for \"\(key)\" \(how)"
        case let .placeCall(from, to, relay):
            return "\(from) calls \(to)" + (relay.map { " through \($0)" } ?? "")
        case let .highlight(target):
            switch target {
            case let .node(name): return "look at \(name)"
            case let .nodes(name, _): return "look at \(name)"
            case let .value(value): return "look at \(value.source)"
            case .none: return "highlights cleared"
            }
        case let .chart(value):
            return "chart of \(value.source)"
        case let .speed(speed):
            return "play at \(speed >= 1 ? String(Int(speed)) : String(speed)) simulated seconds a second"
        case .resetCounts:
            return "the metrics' counts start again from zero"
        case let .gauges(gauges):
            return "the metrics panel shows " + (gauges.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "everything")
        case let .moment(name):
            return "the figures now are kept as '\(name)'"
        case let .curve(spec):
            let sizes = spec.sizes.map(String.init).joined(separator: ", ")
            return "distribution times measured for \(sizes) peers, client-server and peer-to-peer (a file of \(Units.format(bits: spec.fileBits)) in \(spec.chunks) chunks, \(spec.server)'s upload, \(spec.peer)'s rates)"
        }
    }
}
