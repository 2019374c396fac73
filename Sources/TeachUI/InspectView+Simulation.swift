import NetSim

extension InspectView {
    /// What a node is and what it is doing now.
    init(node state: NodeState, simulation: Simulation) {
        let config = state.config
        var facts = [Fact("role", config.role.rawValue), Fact("state", state.isUp ? "up" : "down")]
        if config.role == .server {
            let limit = config.queueLimit == .max ? ", no limit" : " of \(config.queueLimit)"
            facts.append(Fact("queue", "\(state.queueLength) waiting\(limit)" + (state.inService ? ", 1 in service" : "")))
            facts.append(Fact("service", Units.format(duration: config.serviceTime) + " per request"))
        }
        facts.append(Fact("upload", Units.format(rate: state.uploadRate) + " of " + Units.format(rate: config.upload)))
        facts.append(Fact("download", Units.format(rate: state.downloadRate) + " of " + Units.format(rate: config.download)))
        facts.append(Fact("sent", Units.format(bits: state.bitsUp)))
        facts.append(Fact("received", Units.format(bits: state.bitsDown)))
        if state.chunkCount > 0 {
            facts.append(Fact("chunks", "\(state.chunksHeld) of \(state.chunkCount)" + (state.corruptChunks > 0 ? ", \(state.corruptChunks) corrupt" : "")))
        }
        if let done = state.completedAt { facts.append(Fact("had the file", "at " + Units.format(duration: done))) }
        let busy = simulation.inFlight.filter { $0.from == state.id || $0.to == state.id }.count
        facts.append(Fact("in flight", "\(busy) messages to or from it"))
        let access = Self.access(state, simulation: simulation)
        self.init(title: config.name, facts: facts + access.facts, explanation: Self.explain(state), recent: access.recent)
    }

    /// What a message is, where it goes and why.
    init(message: Message, simulation: Simulation) {
        let from = simulation.node(message.from).config.name, to = simulation.node(message.to).config.name
        let facts = [
            Fact("kind", message.kind.title), Fact("what", message.label), Fact("from", from), Fact("to", to),
            Fact("size", Units.format(bits: message.bits)),
            Fact("sent", "at " + Units.format(duration: message.departs)),
            Fact("arrives", "at " + Units.format(duration: message.arrives)),
            Fact("progress", "\(Int((message.progress(at: simulation.now) * 100).rounded()))%"),
        ]
        self.init(title: "message \(message.id)", facts: facts, explanation: Self.explain(message.kind, from: from, to: to))
    }

    /// What the node does in this simulation, which its role alone does not say: a
    /// client or server that is a swarm member uploads pieces, a queue without a limit
    /// drops nothing.
    private static func explain(_ state: NodeState) -> String {
        let config = state.config
        if !state.isUp { return "**\(config.name)** is down: anything sent to it is lost until it comes back." }
        if state.malicious { return "**\(config.name)** is malicious: the chunks it serves are corrupt." }
        let inSwarm = state.chunkCount > 0
        switch config.role {
        case .server where inSwarm:
            return "A **server** seeding the swarm: it starts with the whole file and uploads pieces of it; the members pass them on to each other."
        case .server where config.queueLimit == .max:
            return "A **server** answers requests one at a time; the rest wait in its queue, which has no limit, so none are dropped."
        case .server:
            return "A **server** answers requests one at a time; the rest wait in its queue, and when the queue is full new ones are dropped."
        case .client where inSwarm:
            return "A **client** in a swarm: like a peer, it downloads the pieces it lacks and uploads the ones it has to other members."
        case .client:
            return "A **client** asks a server and waits for the answer; it never serves anyone itself."
        case .peer:
            return "A **peer** both asks and answers: it downloads what it lacks and uploads what it has."
        case .tracker:
            return "A **tracker** tells peers who else is sharing the file; the file itself goes peer to peer."
        case .supernode:
            return "A **supernode** is a well-connected peer that helps others find each other and relays calls."
        }
    }

    private static func explain(_ kind: MessageKind, from: String, to: String) -> String {
        switch kind {
        case .request: "\(from) asks \(to) for something and waits for the answer."
        case .response: "\(from) answers a request from \(to)."
        case .refused: "\(from) turns \(to) away: it has no permission."
        case .file: "\(from) sends \(to) the whole file, sharing its upload with everyone else it serves."
        case .chunk: "\(from) sends \(to) one piece of the file; \(to) can pass it on straight away."
        case .corruptChunk: "A piece whose content does not match its hash: \(from) is serving bad data."
        case .lookup: "\(from) asks \(to) who holds a resource."
        case .lookupReply: "\(from) tells \(to) who holds the resource."
        case .peerList: "\(from) tells \(to) which peers share the file."
        case .control: "A small protocol message: interest, choking, announcing."
        case .call: "Call traffic between \(from) and \(to)."
        }
    }
}
