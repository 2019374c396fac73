import NetSim
import Yams

/// Reads the front matter's `network`: named nodes, generated groups, links, layout.
struct NetworkParser {
    static let fields = ["layout", "latency", "mesh", "nodes", "groups", "links"]
    /// What a node's behaviour may be set with, for named nodes, groups and `add-node`.
    static let capacityFields = ["upload", "download", "service", "queue", "timeout", "retries", "latency"]
    /// What only a cache may be given: `origin` (required), `ttl`, `capacity`.
    static let cacheFields = ["origin", "ttl", "capacity"]
    static let nodeFields = ["role", "label", "place"] + capacityFields + cacheFields
    static let groupFields = ["count", "prefix", "role", "label", "place", "layout"] + capacityFields + cacheFields
    /// The longest label: the stage writes it beside the node's name.
    static let maximumLabelLength = 24
    static let linkFields = ["between", "latency"]
    /// Bounds that keep a lesson file from asking the engine for something absurd.
    static let maximumNodes = LessonLimits.nodes
    static let maximumGroupSize = LessonLimits.groupSize
    static let maximumLinks = LessonLimits.links

    let reader: YAMLReader

    /// Reads the `network` mapping and fills `scope` with its node and group names.
    func parse(_ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> NetworkSpec? {
        guard let fields = reader.fields(node, of: "network", allowed: Self.fields, log: &log) else { return nil }
        scope.networkRead()
        var spec = NetworkSpec(layout: .auto, nodes: [], groups: [], links: [], defaultLatency: nil, fullMesh: true)
        if let layout = fields["layout"], let value = self.layout(layout, log: &log) { spec.layout = value }
        if let latency = fields["latency"] { spec.defaultLatency = reader.duration(latency, "latency", log: &log) }
        if let mesh = fields["mesh"], let value = reader.boolean(mesh, "mesh", log: &log) { spec.fullMesh = value }
        if let nodes = fields["nodes"] { namedNodes(nodes, into: &spec, log: &log, scope: &scope) }
        if let groups = fields["groups"] { generatedGroups(groups, into: &spec, log: &log, scope: &scope) }
        checkOrigins(of: spec, log: &log, scope: scope)
        if fields["nodes"] == nil && fields["groups"] == nil {
            log.error("network needs 'nodes' or 'groups'", at: reader.location(node))
        }
        if let links = fields["links"] {
            for link in reader.list(links) {
                spec.links += self.links(link, existing: spec.links.count, log: &log, scope: scope)
            }
        }
        if !spec.fullMesh && reader.list(fields["links"] ?? .sequence([])).isEmpty {
            log.error("with 'mesh: false' nodes can only talk along links, but there are none: add 'links'", at: reader.location(node))
        }
        return spec
    }

    private func namedNodes(_ node: Node, into spec: inout NetworkSpec, log: inout DiagnosticLog, scope: inout NameScope) {
        guard case let .mapping(mapping) = node else {
            log.error("nodes must map each node's name to its fields, like 'server: { role: server }'", at: reader.location(node))
            scope.declarationFailed()
            return
        }
        for (key, value) in mapping {
            guard let name = nodeName(key, log: &log, scope: scope) else { scope.declarationFailed(); continue }
            guard spec.nodes.count < Self.maximumNodes else {
                log.error("a lesson may have at most \(Self.maximumNodes) nodes", at: reader.location(key))
                scope.declarationFailed()
                return
            }
            guard let fields = reader.fields(value, of: "node '\(name)'", allowed: Self.nodeFields, log: &log),
                  let roleNode = reader.require("role", in: fields, of: "node '\(name)'", log: &log),
                  let role = self.role(roleNode, log: &log) else {
                scope.declarationFailed()
                continue
            }
            var configured = NetworkSpec.NodeSpec(name: name, role: role, location: reader.location(key))
            capacities(fields, into: &configured, log: &log)
            configured.label = fields["label"].flatMap { label($0, log: &log) }
            cacheSettings(fields, into: &configured, log: &log)
            if let place = fields["place"] { configured.place = self.place(place, log: &log) }
            spec.nodes.append(configured)
            scope.add(node: name, role: role)
        }
    }

    private func generatedGroups(_ node: Node, into spec: inout NetworkSpec, log: inout DiagnosticLog, scope: inout NameScope) {
        guard case let .mapping(mapping) = node else {
            log.error("groups must map each group's name to its fields, like 'clients: { count: 12, prefix: c }'", at: reader.location(node))
            scope.declarationFailed()
            return
        }
        for (key, value) in mapping where !generatedGroup(key, value, into: &spec, log: &log, scope: &scope) {
            scope.declarationFailed()
        }
    }

    /// One group and its members; false when it, or some of its members, could not be made.
    private func generatedGroup(_ key: Node, _ value: Node, into spec: inout NetworkSpec, log: inout DiagnosticLog, scope: inout NameScope) -> Bool {
        guard let name = nodeName(key, log: &log, scope: scope, isGroup: true),
              let fields = reader.fields(value, of: "group '\(name)'", allowed: Self.groupFields, log: &log),
              let countNode = reader.require("count", in: fields, of: "group '\(name)'", log: &log),
              let count = reader.integer(countNode, "count", in: 1...Self.maximumGroupSize, log: &log) else { return false }
        guard spec.nodes.count + count <= Self.maximumNodes else {
            log.error("this group would make \(spec.nodes.count + count) nodes; a lesson may have at most \(Self.maximumNodes)", at: reader.location(countNode))
            return false
        }
        var prefix = String(name.prefix(1))
        if let prefixNode = fields["prefix"], let text = reader.text(prefixNode, "prefix", log: &log) {
            guard FrontMatterParser.isIdentifier(text, maximumLength: 16) else {
                log.error("prefix '\(text)' must be lower-case letters, digits and '-', starting with a letter", at: reader.location(prefixNode))
                return false
            }
            prefix = text
        }
        var role = Role.allCases.first { $0.rawValue + "s" == name } ?? .client
        if let roleNode = fields["role"] {
            guard let value = self.role(roleNode, log: &log) else { return false }
            role = value
        }
        var members: [String] = []
        for index in 1...count {
            let member = prefix + String(index)
            if scope.isNode(member) {
                log.error("group '\(name)' would make node '\(member)', but that name is taken; choose another prefix", at: reader.location(key))
                break
            }
            var configured = NetworkSpec.NodeSpec(name: member, role: role, group: name, location: reader.location(key))
            capacities(fields, into: &configured, log: &log)
            cacheSettings(fields, into: &configured, log: &log)
            spec.nodes.append(configured)
            scope.add(node: member, role: role)
            members.append(member)
        }
        var group = NetworkSpec.GroupSpec(name: name, members: members, location: reader.location(key))
        group.label = fields["label"].flatMap { label($0, log: &log) }
        if let place = fields["place"] { group.place = self.place(place, log: &log) }
        if let layout = fields["layout"] { group.layout = self.layout(layout, log: &log) }
        spec.groups.append(group)
        scope.add(group: name, members: members)
        return members.count == count
    }

    private func nodeName(_ key: Node, log: inout DiagnosticLog, scope: NameScope, isGroup: Bool = false) -> String? {
        guard let name = reader.text(key, "a name", log: &log) else { return nil }
        guard FrontMatterParser.isIdentifier(name, maximumLength: 24) else {
            log.error("name '\(name)' must be lower-case letters, digits and '-', starting with a letter, at most 24 characters", at: reader.location(key))
            return nil
        }
        if scope.isNode(name) || scope.isGroup(name) {
            log.error("the name '\(name)' is already used", at: reader.location(key))
            return nil
        }
        let isRolePlural = Role.allCases.contains { $0.rawValue + "s" == name }
        if NameScope.reservedWords.contains(name) || (isRolePlural && !isGroup) {
            log.error("'\(name)' is a reserved word in lessons; choose another name", at: reader.location(key))
            return nil
        }
        return name
    }

    private func layout(_ node: Node, log: inout DiagnosticLog) -> NetworkSpec.Layout? {
        guard let text = reader.text(node, "layout", log: &log) else { return nil }
        guard let layout = NetworkSpec.Layout(rawValue: text) else {
            let names = NetworkSpec.Layout.allCases.map(\.rawValue)
            log.error("unknown layout '\(text)'\(Suggestion.phrase(for: text, in: names)); expected \(names.joined(separator: ", "))",
                      at: reader.location(node))
            return nil
        }
        return layout
    }

    private func place(_ node: Node, log: inout DiagnosticLog) -> NetworkSpec.Place? {
        guard let text = reader.text(node, "place", log: &log) else { return nil }
        guard let place = NetworkSpec.Place(rawValue: text) else {
            let names = NetworkSpec.Place.allCases.map(\.rawValue)
            log.error("unknown place '\(text)'\(Suggestion.phrase(for: text, in: names)); expected \(names.joined(separator: ", "))",
                      at: reader.location(node))
            return nil
        }
        return place
    }

    private func role(_ node: Node, log: inout DiagnosticLog) -> Role? {
        guard let text = reader.text(node, "role", log: &log) else { return nil }
        guard let role = Role(rawValue: text) else {
            log.error("unknown role '\(text)'\(Suggestion.phrase(for: text, in: Role.allCases.map(\.rawValue))); expected \(Role.allCases.map(\.rawValue).joined(separator: ", "))",
                      at: reader.location(node))
            return nil
        }
        return role
    }

    /// Reads the capacity fields a node may have (also used by `add-node`).
    func capacities(_ fields: YAMLFields, into node: inout NetworkSpec.NodeSpec, log: inout DiagnosticLog) {
        if let value = fields["upload"] { node.upload = reader.rate(value, "upload", log: &log) }
        if let value = fields["download"] { node.download = reader.rate(value, "download", log: &log) }
        if let value = fields["service"] { node.serviceTime = reader.duration(value, "service", log: &log) }
        if let value = fields["queue"] { node.queueLimit = reader.integer(value, "queue", in: 0...100_000, log: &log) }
        if let value = fields["timeout"] { node.timeout = reader.duration(value, "timeout", log: &log) }
        if let value = fields["retries"] { node.retries = reader.integer(value, "retries", in: 0...10, log: &log) }
        if let value = fields["latency"] { node.latency = reader.duration(value, "latency", log: &log) }
    }

    /// A node's or a group's label: short text the stage can write beside a name.
    func label(_ node: Node, log: inout DiagnosticLog) -> String? {
        guard let text = reader.text(node, "label", log: &log) else { return nil }
        guard !text.isEmpty, text.count <= Self.maximumLabelLength else {
            log.error("a label is 1 to \(Self.maximumLabelLength) characters, to fit beside the node on the stage, not \(text.count)", at: reader.location(node))
            return nil
        }
        return text
    }

    /// Reads what a cache keeps: `origin` (a node's name, checked once every node is
    /// known), `ttl` and `capacity`.
    private func cacheSettings(_ fields: YAMLFields, into node: inout NetworkSpec.NodeSpec, log: inout DiagnosticLog) {
        if let value = fields["origin"] { node.origin = reader.text(value, "origin", log: &log) }
        if let value = fields["ttl"] { node.timeToLive = reader.duration(value, "ttl", log: &log) }
        if let value = fields["capacity"] { node.cacheCapacity = reader.integer(value, "capacity", in: 1...100_000, log: &log) }
    }

    /// A cache needs an origin that is another node; only a cache has one. Said once per
    /// declaration (a group's members share theirs).
    private func checkOrigins(of spec: NetworkSpec, log: inout DiagnosticLog, scope: NameScope) {
        var reported = Set<SourceLocation>()
        for node in spec.nodes {
            let problem: String? = switch (node.role, node.origin) {
            case (.cache, nil):
                "a cache needs 'origin: NODE', the node it fetches what it lacks from"
            case let (.cache, origin?) where origin == node.name:
                "a cache cannot be its own origin"
            case let (.cache, origin?) where !scope.isNode(origin):
                scope.knowsEveryName ? scope.unknownNode(origin) : nil
            case (.cache, _), (_, nil):
                nil
            default:
                "only a cache has an origin; give this node 'role: cache'"
            }
            if let problem, reported.insert(node.location).inserted { log.error(problem, at: node.location) }
        }
    }

    /// One entry of `links`: a link between two nodes, or, where an end is a group (or
    /// `all`, or a role's plural), a link from every node of one end to every node of the other.
    private func links(_ node: Node, existing: Int, log: inout DiagnosticLog, scope: NameScope) -> [NetworkSpec.LinkSpec] {
        guard let fields = reader.fields(node, of: "a link", allowed: Self.linkFields, log: &log),
              let between = reader.require("between", in: fields, of: "a link", log: &log) else { return [] }
        let ends = reader.list(between)
        guard ends.count == 2 else {
            log.error("'between' names exactly two ends, each a node or a group, like [c1, server] or [clients, edge]", at: reader.location(between))
            return []
        }
        let targets = TargetResolver(reader: reader, scope: scope)
        let a = targets.nodes(ends[0], log: &log)
        let b = targets.nodes(ends[1], log: &log)
        var latency: SimTime = 0
        if let value = fields["latency"] {
            guard let parsed = reader.duration(value, "latency", log: &log) else { return [] }
            latency = parsed
        }
        guard let a, let b else { return [] }
        var made: [NetworkSpec.LinkSpec] = []
        var joined = Set<[String]>()
        for first in a {
            for second in b where first != second && joined.insert([first, second].sorted()).inserted {
                made.append(NetworkSpec.LinkSpec(a: first, b: second, latency: latency, location: reader.location(node)))
            }
        }
        if made.isEmpty {
            log.error("this link joins a node to itself; name two different ends", at: reader.location(between))
        }
        guard existing + made.count <= Self.maximumLinks else {
            log.error("this entry would make \(existing + made.count) links; a lesson may have at most \(Self.maximumLinks)", at: reader.location(between))
            return []
        }
        return made
    }
}
