import NetSim
import Yams

/// Reads the front matter's `network`: named nodes, generated groups, links, layout.
struct NetworkParser {
    static let fields = ["layout", "latency", "mesh", "nodes", "groups", "links"]
    /// What a node's behaviour may be set with, for named nodes, groups and `add-node`.
    static let capacityFields = ["upload", "download", "service", "queue", "timeout", "retries"]
    static let nodeFields = ["role"] + capacityFields
    static let groupFields = ["count", "prefix", "role"] + capacityFields
    static let linkFields = ["between", "latency"]
    /// Bounds that keep a lesson file from asking the engine for something absurd.
    static let maximumNodes = LessonLimits.nodes
    static let maximumGroupSize = LessonLimits.groupSize

    let reader: YAMLReader


    /// Reads the `network` mapping and fills `scope` with its node and group names.
    func parse(_ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> NetworkSpec? {
        guard let fields = reader.fields(node, of: "network", allowed: Self.fields, log: &log) else { return nil }
        var spec = NetworkSpec(layout: .star, nodes: [], groups: [], links: [], defaultLatency: nil, fullMesh: true)
        if let layout = fields["layout"], let text = reader.text(layout, "layout", log: &log) {
            if let value = NetworkSpec.Layout(rawValue: text) {
                spec.layout = value
            } else {
                log.error("unknown layout '\(text)'\(Suggestion.phrase(for: text, in: NetworkSpec.Layout.allCases.map(\.rawValue))); expected star, ring, mesh or grid",
                          at: reader.location(layout))
            }
        }
        if let latency = fields["latency"] { spec.defaultLatency = reader.duration(latency, "latency", log: &log) }
        if let mesh = fields["mesh"], let value = reader.boolean(mesh, "mesh", log: &log) { spec.fullMesh = value }
        if let nodes = fields["nodes"] { namedNodes(nodes, into: &spec, log: &log, scope: &scope) }
        if let groups = fields["groups"] { generatedGroups(groups, into: &spec, log: &log, scope: &scope) }
        if fields["nodes"] == nil && fields["groups"] == nil {
            log.error("network needs 'nodes' or 'groups'", at: reader.location(node))
        }
        if let links = fields["links"] {
            for link in reader.list(links) {
                if let value = self.link(link, log: &log, scope: scope) { spec.links.append(value) }
            }
        }
        if !spec.fullMesh && spec.links.isEmpty {
            log.error("with 'mesh: false' nodes can only talk along links, but there are none: add 'links'", at: reader.location(node))
        }
        return spec
    }

    private func namedNodes(_ node: Node, into spec: inout NetworkSpec, log: inout DiagnosticLog, scope: inout NameScope) {
        guard case let .mapping(mapping) = node else {
            log.error("nodes must map each node's name to its fields, like 'server: { role: server }'", at: reader.location(node))
            return
        }
        for (key, value) in mapping {
            guard let name = nodeName(key, log: &log, scope: scope) else { continue }
            guard spec.nodes.count < Self.maximumNodes else {
                log.error("a lesson may have at most \(Self.maximumNodes) nodes", at: reader.location(key))
                return
            }
            guard let fields = reader.fields(value, of: "node '\(name)'", allowed: Self.nodeFields, log: &log) else { continue }
            guard let roleNode = reader.require("role", in: fields, of: "node '\(name)'", log: &log),
                  let role = self.role(roleNode, log: &log) else { continue }
            var configured = NetworkSpec.NodeSpec(name: name, role: role, location: reader.location(key))
            capacities(fields, into: &configured, log: &log)
            spec.nodes.append(configured)
            scope.add(node: name, role: role)
        }
    }

    private func generatedGroups(_ node: Node, into spec: inout NetworkSpec, log: inout DiagnosticLog, scope: inout NameScope) {
        guard case let .mapping(mapping) = node else {
            log.error("groups must map each group's name to its fields, like 'clients: { count: 12, prefix: c }'", at: reader.location(node))
            return
        }
        for (key, value) in mapping {
            guard let name = nodeName(key, log: &log, scope: scope, isGroup: true) else { continue }
            guard let fields = reader.fields(value, of: "group '\(name)'", allowed: Self.groupFields, log: &log) else { continue }
            guard let countNode = reader.require("count", in: fields, of: "group '\(name)'", log: &log),
                  let count = reader.integer(countNode, "count", in: 1...Self.maximumGroupSize, log: &log) else { continue }
            guard spec.nodes.count + count <= Self.maximumNodes else {
                log.error("this group would make \(spec.nodes.count + count) nodes; a lesson may have at most \(Self.maximumNodes)", at: reader.location(countNode))
                continue
            }
            var prefix = String(name.prefix(1))
            if let prefixNode = fields["prefix"], let text = reader.text(prefixNode, "prefix", log: &log) {
                guard FrontMatterParser.isIdentifier(text, maximumLength: 16) else {
                    log.error("prefix '\(text)' must be lower-case letters, digits and '-', starting with a letter", at: reader.location(prefixNode))
                    continue
                }
                prefix = text
            }
            var role = Role.allCases.first { $0.rawValue + "s" == name } ?? .client
            if let roleNode = fields["role"] {
                guard let value = self.role(roleNode, log: &log) else { continue }
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
                spec.nodes.append(configured)
                scope.add(node: member, role: role)
                members.append(member)
            }
            spec.groups.append(NetworkSpec.GroupSpec(name: name, members: members, location: reader.location(key)))
            scope.add(group: name, members: members)
        }
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
    }

    private func link(_ node: Node, log: inout DiagnosticLog, scope: NameScope) -> NetworkSpec.LinkSpec? {
        guard let fields = reader.fields(node, of: "a link", allowed: Self.linkFields, log: &log),
              let between = reader.require("between", in: fields, of: "a link", log: &log) else { return nil }
        let ends = reader.list(between)
        guard ends.count == 2 else {
            log.error("'between' names exactly two nodes, like [c1, server]", at: reader.location(between))
            return nil
        }
        var names: [String] = []
        for end in ends {
            guard let name = reader.text(end, "a node", log: &log) else { return nil }
            guard scope.isNode(name) else {
                log.error("unknown node '\(name)'\(Suggestion.phrase(for: name, in: scope.allNames)); the nodes are \(scope.nodeSummary)", at: reader.location(end))
                return nil
            }
            names.append(name)
        }
        var latency: SimTime = 0
        if let value = fields["latency"] {
            guard let parsed = reader.duration(value, "latency", log: &log) else { return nil }
            latency = parsed
        }
        return NetworkSpec.LinkSpec(a: names[0], b: names[1], latency: latency, location: reader.location(node))
    }
}
