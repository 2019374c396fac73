import NetSim
import Yams

/// The lesson's fields from the front matter, read and checked.
struct FrontMatter {
    var id: String
    var idLocation: SourceLocation
    var title: String
    var summary: String
    var claims: [String]
    var essay: [Int]
    var seed: UInt64
    var network: NetworkSpec
}

/// Reads the front matter: the lesson's identity, its citations and its network.
struct FrontMatterParser {
    static let fields = ["id", "title", "summary", "essay", "claims", "seed", "network"]
    static let networkFields = ["layout", "latency", "mesh", "nodes", "groups", "links"]
    static let nodeFields = ["role", "upload", "download", "service", "queue", "timeout", "retries"]
    static let groupFields = ["count", "prefix", "role"] + ["upload", "download", "service", "queue", "timeout", "retries"]
    static let linkFields = ["between", "latency"]
    /// Bounds that keep a lesson file from asking the engine for something absurd.
    static let maximumNodes = 300
    static let maximumGroupSize = 200
    /// The source essay has six paragraphs and fourteen claims.
    static let essayParagraphs = 1...6
    static let claimNumbers = 1...14

    let reader: YAMLReader

    /// Reads the front matter and fills `scope` with the network's names.
    func parse(log: inout DiagnosticLog, scope: inout NameScope) -> FrontMatter? {
        guard let root = reader.yaml.root else {
            if !log.hasErrors { log.error("the front matter is empty: a lesson needs at least id, title, summary and network", at: reader.yaml.block.opening) }
            return nil
        }
        guard let fields = reader.fields(root, of: "the front matter", allowed: Self.fields, log: &log) else { return nil }
        let id = reader.require("id", in: fields, of: "the front matter", log: &log).flatMap { identifier($0, log: &log) }
        let title = reader.require("title", in: fields, of: "the front matter", log: &log).flatMap { nonEmptyText($0, "title", log: &log) }
        let summary = reader.require("summary", in: fields, of: "the front matter", log: &log).flatMap { nonEmptyText($0, "summary", log: &log) }
        let essay = fields["essay"].map { essayParagraphs($0, log: &log) } ?? []
        let claims = fields["claims"].map { claimList($0, log: &log) } ?? []
        if fields["essay"] == nil {
            log.warning("the lesson cites no essay paragraph: add 'essay: [N]'", at: location(of: "id", in: fields))
        }
        var seed: UInt64 = 1
        if let node = fields["seed"] {
            if case let .scalar(scalar) = node, let value = UInt64(scalar.string) {
                seed = value
            } else {
                log.error("seed must be a whole number from 0 to \(UInt64.max)", at: reader.location(node))
            }
        }
        let network = reader.require("network", in: fields, of: "the front matter", log: &log).flatMap { self.network($0, log: &log, scope: &scope) }
        guard let id, let title, let summary, let network else { return nil }
        return FrontMatter(id: id, idLocation: location(of: "id", in: fields), title: title, summary: summary, claims: claims, essay: essay, seed: seed, network: network)
    }

    private func location(of key: String, in fields: YAMLFields) -> SourceLocation {
        fields.pairs.first { $0.key == key }.map { reader.location($0.keyNode) } ?? reader.location(fields.node)
    }

    private func identifier(_ node: Node, log: inout DiagnosticLog) -> String? {
        guard let text = reader.text(node, "id", log: &log) else { return nil }
        guard Self.isIdentifier(text, maximumLength: 48) else {
            log.error("id '\(text)' must be lower-case letters, digits and '-', starting with a letter (like 'cs-basics')", at: reader.location(node))
            return nil
        }
        return text
    }

    private func nonEmptyText(_ node: Node, _ what: String, log: inout DiagnosticLog) -> String? {
        guard let text = reader.text(node, what, log: &log) else { return nil }
        guard !text.trimmingCharacters().isEmpty else {
            log.error("\(what) must not be empty", at: reader.location(node))
            return nil
        }
        return text.trimmingCharacters()
    }

    private func essayParagraphs(_ node: Node, log: inout DiagnosticLog) -> [Int] {
        reader.list(node).compactMap {
            reader.integer($0, "an essay paragraph", in: Self.essayParagraphs, log: &log)
        }
    }

    private func claimList(_ node: Node, log: inout DiagnosticLog) -> [String] {
        reader.list(node).compactMap { item in
            guard let text = reader.text(item, "a claim", log: &log) else { return nil }
            guard text.first == "C", let number = Int(text.dropFirst()), Self.claimNumbers.contains(number) else {
                log.error("claim '\(text)' must be one of the essay's claims, C1 to C\(Self.claimNumbers.upperBound)", at: reader.location(item))
                return nil
            }
            return text
        }
    }

    static func isIdentifier(_ text: String, maximumLength: Int) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase, text.count <= maximumLength else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    // MARK: network

    private func network(_ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> NetworkSpec? {
        guard let fields = reader.fields(node, of: "network", allowed: Self.networkFields, log: &log) else { return nil }
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
                guard Self.isIdentifier(text, maximumLength: 16) else {
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
        guard Self.isIdentifier(name, maximumLength: 24) else {
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

    private func capacities(_ fields: YAMLFields, into node: inout NetworkSpec.NodeSpec, log: inout DiagnosticLog) {
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
