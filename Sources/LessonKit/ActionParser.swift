import NetSim
import Yams

/// Reads one action of a `sim` block (`- request: {...}`, `- fail: server`, ...) into a
/// `LessonAction`, checking every node name against the lesson's names at that point.
struct ActionParser {
    let reader: YAMLReader
    let values: LiveValueParser

    /// The action called `name` with its settings `node`; nodes it adds join `scope`.
    func action(_ name: String, _ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> LessonAction? {
        let targets = TargetResolver(reader: reader, scope: scope)
        switch name {
        case "request":
            guard let fields = reader.fields(node, of: "request", allowed: ["from", "to", "what", "size", "reply"], log: &log) else { return nil }
            let from = reader.require("from", in: fields, of: "request", log: &log).flatMap { targets.nodes($0, log: &log) }
            let to = reader.require("to", in: fields, of: "request", log: &log).flatMap { targets.node($0, log: &log) }
            let what = fields["what"].flatMap { reader.text($0, "what", log: &log) } ?? "GET /"
            let size = fields["size"].map { reader.bytes($0, "size", log: &log) } ?? 400
            let reply = fields["reply"].map { reader.bytes($0, "reply", log: &log) } ?? 10_000
            guard let from, let to, let size, let reply else { return nil }
            return .request(from: from, to: to, what: what, bytes: size, responseBytes: reply)
        case "serve-file":
            guard let fields = reader.fields(node, of: "serve-file", allowed: ["from", "to", "size"], log: &log) else { return nil }
            let from = reader.require("from", in: fields, of: "serve-file", log: &log).flatMap { targets.node($0, log: &log) }
            let to = reader.require("to", in: fields, of: "serve-file", log: &log).flatMap { targets.nodes($0, log: &log) }
            let size = reader.require("size", in: fields, of: "serve-file", log: &log).flatMap { reader.bits($0, "size", log: &log) }
            guard let from, let to, let size else { return nil }
            return .serveFile(from: from, to: to, bits: size)
        case "swarm":
            return swarm(node, targets: targets, log: &log).map { .swarm($0) }
        case "fail", "recover":
            return targets.nodes(node, log: &log).map { .setNodesUp($0, name == "recover") }
        case "fail-link", "recover-link":
            let ends = reader.list(node)
            guard ends.count == 2 else {
                log.error("\(name) names the two ends of a link, like [c1, server] (an end may be a group: [clients, server])", at: reader.location(node))
                return nil
            }
            let a = targets.nodes(ends[0], log: &log)
            let b = targets.nodes(ends[1], log: &log)
            guard let a, let b else { return nil }
            guard a.contains(where: { first in b.contains { $0 != first } }) else {
                log.error("\(name) needs two different ends", at: reader.location(node))
                return nil
            }
            return .setLinkUp(a, b, name == "recover-link")
        case "add-node":
            return addNode(node, targets: targets, log: &log, scope: &scope)
        case "remove-node":
            return targets.node(node, log: &log).map { .removeNode($0) }
        case "capacity":
            guard let fields = reader.fields(node, of: "capacity", allowed: ["node", "upload", "download"], log: &log) else { return nil }
            let target = reader.require("node", in: fields, of: "capacity", log: &log).flatMap { targets.node($0, log: &log) }
            let upload = fields["upload"].flatMap { reader.rate($0, "upload", log: &log) }
            let download = fields["download"].flatMap { reader.rate($0, "download", log: &log) }
            if fields["upload"] == nil && fields["download"] == nil {
                log.error("capacity needs 'upload', 'download' or both", at: reader.location(node))
                return nil
            }
            guard let target else { return nil }
            return .setCapacity(target, upload: upload, download: download)
        case "access-control":
            guard let fields = reader.fields(node, of: "access-control", allowed: ["server", "enabled"], log: &log) else { return nil }
            let server = reader.require("server", in: fields, of: "access-control", log: &log).flatMap { targets.node($0, log: &log) }
            let enabled = fields["enabled"].map { reader.boolean($0, "enabled", log: &log) } ?? true
            guard let server, let enabled else { return nil }
            return .setAccessControl(server: server, enabled: enabled)
        case "grant", "revoke":
            guard let fields = reader.fields(node, of: name, allowed: ["server", "clients"], log: &log) else { return nil }
            let server = reader.require("server", in: fields, of: name, log: &log).flatMap { targets.node($0, log: &log) }
            let clients = reader.require("clients", in: fields, of: name, log: &log).flatMap { targets.nodes($0, log: &log) }
            guard let server, let clients else { return nil }
            return name == "grant" ? .grant(server: server, clients: clients) : .revoke(server: server, clients: clients)
        case "verification":
            return reader.boolean(node, "verification", log: &log).map { .setVerification($0) }
        case "malicious":
            if case .mapping = node {
                guard let fields = reader.fields(node, of: "malicious", allowed: ["node", "enabled"], log: &log) else { return nil }
                let target = reader.require("node", in: fields, of: "malicious", log: &log).flatMap { targets.node($0, log: &log) }
                let enabled = fields["enabled"].map { reader.boolean($0, "enabled", log: &log) } ?? true
                guard let target, let enabled else { return nil }
                return .setMalicious(target, enabled)
            }
            return targets.node(node, log: &log).map { .setMalicious($0, true) }
        case "publish":
            guard let fields = reader.fields(node, of: "publish", allowed: ["key", "at"], log: &log) else { return nil }
            let key = reader.require("key", in: fields, of: "publish", log: &log).flatMap { reader.text($0, "key", log: &log) }
            let at = reader.require("at", in: fields, of: "publish", log: &log).flatMap { targets.nodes($0, log: &log) }
            guard let key, let at else { return nil }
            return .publish(key: key, at: at)
        case "lookup":
            return lookup(node, targets: targets, log: &log)
        case "call":
            guard let fields = reader.fields(node, of: "call", allowed: ["from", "to", "relay"], log: &log) else { return nil }
            let from = reader.require("from", in: fields, of: "call", log: &log).flatMap { targets.node($0, log: &log) }
            let to = reader.require("to", in: fields, of: "call", log: &log).flatMap { targets.node($0, log: &log) }
            let relay = fields["relay"].map { targets.node($0, log: &log) }
            guard let from, let to, relay != .some(nil) else { return nil }
            return .placeCall(from: from, to: to, relay: relay ?? nil)
        case "highlight":
            guard let text = reader.text(node, "highlight", log: &log) else { return nil }
            if text == "none" { return .highlight(.none) }
            if scope.isNode(text) { return .highlight(.node(text)) }
            if let members = scope.members(ofSet: text), !members.isEmpty { return .highlight(.nodes(name: text, members: members)) }
            return values.parse(text, at: reader.location(node), log: &log).map { .highlight(.value($0)) }
        case "chart":
            guard let text = reader.text(node, "chart", log: &log) else { return nil }
            return values.parse(text, at: reader.location(node), log: &log).map { .chart($0) }
        case "curve":
            guard let spec = curve(node, targets: targets, log: &log, scope: &scope) else {
                scope.curveFailed()
                return nil
            }
            return .curve(spec)
        case "reset":
            guard let text = reader.text(node, "reset", log: &log) else { return nil }
            guard text == "counts" else {
                log.error("'reset' takes 'counts' (the metrics panel's counts start again from zero), not '\(text)'", at: reader.location(node))
                return nil
            }
            return .resetCounts
        case "gauges":
            return gauges(node, log: &log)
        case "moment":
            guard let text = reader.text(node, "moment", log: &log) else { return nil }
            guard FrontMatterParser.isIdentifier(text, maximumLength: 24) else {
                log.error("a moment's name is lower-case letters, digits and '-', starting with a letter, like 'before-edges'", at: reader.location(node))
                return nil
            }
            guard !scope.isMoment(text) else {
                log.error("a moment called '\(text)' is already kept earlier in the lesson; give this one another name", at: reader.location(node))
                return nil
            }
            scope.add(moment: text)
            return .moment(text)
        case "speed":
            return WaitParser.speed(node, reader: reader, log: &log).map { .speed($0) }
        default:
            preconditionFailure("every entry name is handled")
        }
    }

    private func swarm(_ node: Node, targets: TargetResolver, log: inout DiagnosticLog) -> SwarmSpec? {
        let allowed = ["file", "chunks", "seeds", "peers", "tracker", "slots", "rechoke", "seeds-stay", "scheme"]
        guard let fields = reader.fields(node, of: "swarm", allowed: allowed, log: &log) else { return nil }
        let file = reader.require("file", in: fields, of: "swarm", log: &log).flatMap { reader.bits($0, "file", log: &log) }
        let chunks = fields["chunks"].map { reader.integer($0, "chunks", in: 1...10_000, log: &log) } ?? 100
        let seeds = reader.require("seeds", in: fields, of: "swarm", log: &log).flatMap { targets.nodes($0, log: &log) }
        let peers = reader.require("peers", in: fields, of: "swarm", log: &log).flatMap { targets.nodes($0, log: &log) }
        let tracker = fields["tracker"].map { targets.node($0, log: &log) }
        let slots = fields["slots"].map { reader.integer($0, "slots", in: 1...64, log: &log) }
        let rechoke = fields["rechoke"].map { reader.duration($0, "rechoke", log: &log) }
        let stay = fields["seeds-stay"].map { reader.boolean($0, "seeds-stay", log: &log) } ?? true
        var scheduling = SwarmScheduling.bitTorrent
        if let schemeNode = fields["scheme"], let scheme = reader.text(schemeNode, "scheme", log: &log) {
            switch scheme {
            case "bittorrent": scheduling = .bitTorrent
            case "ideal": scheduling = .relay
            default:
                log.error("unknown scheme '\(scheme)'; expected bittorrent (peers trade chunks) or ideal (the textbook's relay scheme)", at: reader.location(schemeNode))
                return nil
            }
        }
        guard let file, let chunks, let seeds, let peers, tracker != .some(nil), slots != .some(nil), rechoke != .some(nil), let stay else { return nil }
        return SwarmSpec(fileBits: file, chunks: chunks, seeds: seeds, peers: peers, tracker: tracker ?? nil,
                         uploadSlots: slots ?? nil, rechoke: rechoke ?? nil, seedsStay: stay, scheduling: scheduling)
    }

    /// Crowd sizes a curve may measure, and how many: each point is a whole simulated
    /// distribution, run when the step is reached, so the figures stay lesson-sized
    /// (`netstep experiment distribution` is the place for thousands of peers).
    static let curveSizes = 1...200
    static let curvePoints = 2...8
    static let curveChunks = 1...500

    /// `gauges: [queue, counts]`, or `gauges: all` for every part of the panel.
    private func gauges(_ node: Node, log: inout DiagnosticLog) -> LessonAction? {
        let names = Gauge.allCases.map(\.rawValue)
        if case .scalar = node, reader.text(node, "gauges", log: &log) == "all" { return .gauges(nil) }
        var gauges: [Gauge] = []
        for item in reader.list(node) {
            guard let text = reader.text(item, "a gauge", log: &log) else { return nil }
            guard let gauge = Gauge(rawValue: text) else {
                log.error("unknown gauge '\(text)'\(Suggestion.phrase(for: text, in: names)); expected \(names.joined(separator: ", ")), or all",
                          at: reader.location(item))
                return nil
            }
            if !gauges.contains(gauge) { gauges.append(gauge) }
        }
        guard !gauges.isEmpty else {
            log.error("'gauges' lists what the metrics panel shows: \(names.joined(separator: ", ")), or all", at: reader.location(node))
            return nil
        }
        return .gauges(gauges)
    }

    private func curve(_ node: Node, targets: TargetResolver, log: inout DiagnosticLog, scope: inout NameScope) -> CurveSpec? {
        guard let fields = reader.fields(node, of: "curve", allowed: ["file", "chunks", "server", "peer", "peers"], log: &log) else { return nil }
        let file = reader.require("file", in: fields, of: "curve", log: &log).flatMap { reader.bits($0, "file", log: &log) }
        let chunks = fields["chunks"].map { reader.integer($0, "chunks", in: Self.curveChunks, log: &log) } ?? 100
        let server = reader.require("server", in: fields, of: "curve", log: &log).flatMap { targets.node($0, log: &log) }
        let peer = reader.require("peer", in: fields, of: "curve", log: &log).flatMap { targets.node($0, log: &log) }
        guard let sizesNode = reader.require("peers", in: fields, of: "curve", log: &log) else { return nil }
        let items = reader.list(sizesNode)
        let sizes = items.map { reader.integer($0, "a crowd size", in: Self.curveSizes, log: &log) }
        guard let file, let chunks, let server, let peer, !sizes.contains(nil) else { return nil }
        let counts = sizes.compactMap { $0 }
        guard Self.curvePoints.contains(counts.count) else {
            log.error("a curve measures \(Self.curvePoints.lowerBound) to \(Self.curvePoints.upperBound) crowd sizes, like 'peers: [5, 10, 20, 40]'", at: reader.location(sizesNode))
            return nil
        }
        for index in counts.indices.dropFirst() where counts[index] <= counts[index - 1] {
            log.error("crowd sizes go from smallest to largest, each once: \(counts[index]) comes after \(counts[index - 1])", at: reader.location(items[index]))
            return nil
        }
        scope.measuredCurve(sizes: counts)
        return CurveSpec(fileBits: file, chunks: chunks, server: server, peer: peer, sizes: counts)
    }

    private func addNode(_ node: Node, targets: TargetResolver, log: inout DiagnosticLog, scope: inout NameScope) -> LessonAction? {
        let allowed = ["name", "role", "link-to"] + NetworkParser.capacityFields
        guard let fields = reader.fields(node, of: "add-node", allowed: allowed, log: &log),
              let nameNode = reader.require("name", in: fields, of: "add-node", log: &log),
              let name = reader.text(nameNode, "name", log: &log) else { return nil }
        guard FrontMatterParser.isIdentifier(name, maximumLength: 24), !NameScope.reservedWords.contains(name) else {
            log.error("name '\(name)' must be lower-case letters, digits and '-', starting with a letter, at most 24 characters", at: reader.location(nameNode))
            return nil
        }
        guard !scope.isNode(name) && scope.members(ofSet: name) == nil else {
            log.error("the name '\(name)' is already used", at: reader.location(nameNode))
            return nil
        }
        var role = Role.peer
        if let roleNode = fields["role"], let text = reader.text(roleNode, "role", log: &log) {
            guard let value = Role(rawValue: text) else {
                log.error("unknown role '\(text)'\(Suggestion.phrase(for: text, in: Role.allCases.map(\.rawValue)))", at: reader.location(roleNode))
                return nil
            }
            role = value
        }
        var spec = NetworkSpec.NodeSpec(name: name, role: role, location: reader.location(nameNode))
        NetworkParser(reader: reader).capacities(fields, into: &spec, log: &log)
        let linkTo = fields["link-to"].map { targets.nodes($0, log: &log) } ?? []
        guard let linkTo else { return nil }
        scope.add(node: name, role: role)
        return .addNode(spec, linkTo: linkTo)
    }

    private func lookup(_ node: Node, targets: TargetResolver, log: inout DiagnosticLog) -> LessonAction? {
        guard let fields = reader.fields(node, of: "lookup", allowed: ["from", "key", "via", "ttl"], log: &log) else { return nil }
        let from = reader.require("from", in: fields, of: "lookup", log: &log).flatMap { targets.node($0, log: &log) }
        let key = reader.require("key", in: fields, of: "lookup", log: &log).flatMap { reader.text($0, "key", log: &log) }
        guard let viaNode = reader.require("via", in: fields, of: "lookup", log: &log),
              let via = reader.text(viaNode, "via", log: &log) else { return nil }
        let method: LookupSpec
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
        if fields["ttl"] != nil, via != "flood" {
            log.warning("'ttl' is only used with 'via: flood'", at: reader.location(fields["ttl"]!))
        }
        guard let from, let key else { return nil }
        return .lookup(from: from, key: key, method: method)
    }
}
