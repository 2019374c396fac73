import NetSim

extension InspectView {
    /// What a node is and what it is doing now.
    init(node state: NodeState, simulation: Simulation) {
        let config = state.config
        let part = simulation.swarmPart(of: state.id)
        var facts = [Fact("role", Self.role(config.role, part: part)), Fact("state", state.isUp ? "up" : "down")]
        if config.role == .server || config.role == .cache {
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
        facts += Self.cacheFacts(state.id, simulation: simulation)
        facts += Self.overlayFacts(state, simulation: simulation)
        if let done = state.completedAt { facts.append(Fact("had the file", "at " + Units.format(duration: done))) }
        let busy = simulation.inFlight.filter { $0.from == state.id || $0.to == state.id }.count
        facts.append(Fact("in flight", "\(busy) messages to or from it"))
        let access = Self.access(state, simulation: simulation)
        let outcome = simulation.latestRequestOutcomes[state.id]
        let role = outcome == nil && part == nil ? Self.overlayRole(state, simulation: simulation) : nil
        let explanation = [role ?? Self.explain(state, part: part, outcome: outcome), Self.lookupExplanation(state, simulation: simulation)]
            .compactMap { $0 }.joined(separator: " ")
        self.init(title: config.name, facts: facts + access.facts, explanation: explanation, recent: access.recent)
    }

    /// What a message is, where it goes and why.
    init(message: Message, simulation: Simulation) {
        let from = simulation.node(message.from).config.name, to = simulation.node(message.to).config.name
        let facts = [
            Fact("kind", message.kind.title), Fact("what", message.label), Fact("from", from), Fact("to", to),
            Fact("size", Units.format(bits: message.bits)),
            Fact("started sending", "at " + Units.format(duration: message.departs)),
            Fact("arrives", "at " + Units.format(duration: message.arrives)),
            Fact("progress", "\(Int((message.progress(at: simulation.now) * 100).rounded()))%"),
        ]
        self.init(title: "message \(message.id)", facts: facts, explanation: Self.explain(message.kind, from: from, to: to))
    }

    /// What the node is now: its part in a swarm when it takes part in one (saying what
    /// it was set up as, when that differs), else its role.
    private static func role(_ role: Role, part: SwarmPart?) -> String {
        guard let part else { return role.rawValue }
        let now = part.isSeed ? "seed" : "peer"
        let setUp = role == .peer ? "" : " (set up as a \(role.rawValue))"
        return part.departed ? "left the swarm as a \(now)\(setUp)" : now + setUp
    }

    /// What the node does in this simulation now, which its role alone does not say: a
    /// server seeding a swarm or a client fetching from one trades pieces as seeds and
    /// peers do, a queue without a limit drops nothing, a client whose last request was
    /// refused or given up got no answer.
    private static func explain(_ state: NodeState, part: SwarmPart?, outcome: RequestOutcome?) -> String {
        let config = state.config
        let name = "**\(config.name)**"
        if !state.isUp { return "\(name) is down: anything sent to it is lost until it comes back." }
        if state.malicious { return "\(name) is malicious: every chunk it uploads is corrupt, though it looks like any other peer." }
        let poisoned = state.corruptChunks > 0
            ? " It holds corrupt chunks without knowing it, and passes them on to anyone who asks." : ""
        if let part {
            if part.departed { return "\(name) has left the swarm: it no longer uploads or downloads any pieces." }
            if part.isSeed {
                return "\(name) is a **seed**: it started with the whole file and uploads pieces of it to the peers, who pass them on to each other." + poisoned
            }
            let done = state.chunkCount > 0 && state.chunksHeld == state.chunkCount
            return "\(name) is a **peer** in a swarm: " + (done
                ? "it has the whole file now and uploads pieces to peers still missing some."
                : "it downloads the pieces it lacks, from the seed and from other peers, and uploads the ones it has.") + poisoned
        }
        let answered: String = switch outcome {
        case .gaveUp: " Its last request got no answer in time, so it gave up."
        case .refused: " Its last request was refused: it has no permission."
        default: ""
        }
        switch config.role {
        case .server where config.queueLimit == .max:
            return "A **server** answers requests one at a time; the rest wait in its queue, which has no limit, so none are dropped."
        case .server:
            return "A **server** answers requests one at a time; the rest wait in its queue, and when the queue is full new ones are dropped."
        case .client:
            return "A **client** asks a server and waits for the answer; it never serves anyone itself." + answered
        case .peer:
            return "A **peer** both asks and answers: it sends requests of its own and answers those sent to it, one at a time." + answered
        case .tracker:
            return "A **tracker** tells peers who else is sharing the file; the file itself goes peer to peer."
        case .supernode:
            return "A **supernode** is a better-connected peer: it relays the setting-up of calls between peers that cannot reach each other directly."
        case .cache:
            return "A **cache** (an edge server) answers from the copies it keeps; for anything it lacks, or holds only an expired copy of, it asks its origin once and keeps the answer."
        }
    }

    private static func explain(_ kind: MessageKind, from: String, to: String) -> String {
        switch kind {
        case .request: "\(from) asks \(to) for something and waits for the answer."
        case .response: "\(from) answers a request from \(to)."
        case .refused: "\(from) turns \(to) away: it has no permission."
        case .file: "\(from) sends \(to) the whole file, sharing its upload with everyone else it serves."
        case .chunk: "\(from) sends \(to) one piece of the file; \(to) can pass it on straight away."
        case .corruptChunk: "A piece whose content does not match its hash: \(from) is passing on bad data, knowingly or not."
        case .lookup: "\(from) asks \(to) who holds a resource."
        case .lookupReply: "\(from) tells \(to) who holds the resource."
        case .peerList: "\(from) tells \(to) which peers share the file."
        case .control: "A small protocol message: interest, choking, announcing."
        case .call: "One of the four messages that set up a call through a relay, from \(from) to \(to)."
        }
    }
}
