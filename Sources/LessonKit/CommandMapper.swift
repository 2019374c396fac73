import NetSim

/// Translates a lesson action into engine commands, resolving node names against the
/// network as it is now (nodes added during the lesson get their ids from the engine).
enum CommandMapper {
    /// Why an action could not become commands: a name the engine does not know.
    struct UnknownName: Error {
        var name: String
    }

    static func commands(for action: LessonAction, in network: NetworkConfig) throws(UnknownName) -> [Command] {
        func id(_ name: String) throws(UnknownName) -> NodeID {
            guard let id = network.id(named: name) else { throw UnknownName(name: name) }
            return id
        }
        func ids(_ names: [String]) throws(UnknownName) -> [NodeID] {
            var result: [NodeID] = []
            for name in names { result.append(try id(name)) }
            return result
        }
        switch action {
        case let .request(from, to, what, bytes, responseBytes):
            let server = try id(to)
            return try ids(from).map { .request(from: $0, to: server, what: what, bytes: bytes, responseBytes: responseBytes) }
        case let .serveFile(from, to, bits):
            return [.serveFile(from: try id(from), to: try ids(to), bits: bits)]
        case let .swarm(spec):
            let defaults = SwarmConfig(fileBits: spec.fileBits, chunks: spec.chunks, seeds: [], peers: [])
            let config = SwarmConfig(fileBits: spec.fileBits, chunks: spec.chunks, seeds: try ids(spec.seeds), peers: try ids(spec.peers),
                                     tracker: try spec.tracker.map { (name: String) throws(UnknownName) in try id(name) },
                                     uploadSlots: spec.uploadSlots ?? defaults.uploadSlots,
                                     rechokeInterval: spec.rechoke ?? defaults.rechokeInterval,
                                     seedsStay: spec.seedsStay, scheduling: spec.scheduling)
            return [.startSwarm(config)]
        case let .setNodesUp(names, up):
            return try ids(names).map { .setNodeUp($0, up) }
        case let .setLinkUp(a, b, up):
            var joined = Set<[String]>()
            var commands: [Command] = []
            for first in a {
                for second in b where first != second && joined.insert([first, second].sorted()).inserted {
                    commands.append(.setLinkUp(try id(first), try id(second), up))
                }
            }
            return commands
        case let .addNode(spec, linkTo):
            return [.addNode(NetworkBuilder.nodeConfig(spec), linkTo: try ids(linkTo))]
        case let .removeNode(name):
            return [.removeNode(try id(name))]
        case let .setCapacity(name, upload, download):
            return [.setCapacity(try id(name), upload: upload, download: download)]
        case let .setAccessControl(server, enabled):
            return [.setAccessControl(server: try id(server), enabled: enabled)]
        case let .grant(server, clients):
            let server = try id(server)
            return try ids(clients).map { .grant(server: server, client: $0) }
        case let .revoke(server, clients):
            let server = try id(server)
            return try ids(clients).map { .revoke(server: server, client: $0) }
        case let .setVerification(on):
            return [.setVerification(on)]
        case let .setMalicious(name, on):
            return [.setMalicious(try id(name), on)]
        case let .publish(key, at):
            return try ids(at).map { .publish(key: key, at: $0) }
        case let .lookup(from, key, method):
            let engineMethod: LookupMethod
            switch method {
            case let .server(name): engineMethod = .server(try id(name))
            case let .flood(ttl): engineMethod = .flood(ttl: ttl)
            case .dht: engineMethod = .dht
            }
            return [.lookup(from: try id(from), key: key, method: engineMethod)]
        case let .placeCall(from, to, relay):
            return [.placeCall(from: try id(from), to: try id(to), relay: try relay.map { (name: String) throws(UnknownName) in try id(name) })]
        case .highlight, .chart, .curve, .resetCounts, .gauges, .moment, .speed:
            return []
        }
    }
}
