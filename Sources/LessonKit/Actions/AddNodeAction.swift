import NetSim

/// `- add-node: { name: p9, role: peer, upload: 5Mbps, link-to: [p1] }`: a node joins; it
/// may talk to `linkTo` (everyone, in a full mesh).
struct AddNodeAction: ActionDefinition {
    static let names = ["add-node"]
    static var fields: [String] { ["name", "role", "label", "link-to"] + NetworkParser.capacityFields }

    var node: NetworkSpec.NodeSpec
    var linkTo: [String]

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> AddNodeAction? {
        let reader = entry.reader
        guard let fields = entry.fields(Self.fields, log: &log),
              let nameNode = entry.require("name", in: fields, log: &log),
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
        let network = NetworkParser(reader: reader)
        network.capacities(fields, into: &spec, log: &log)
        spec.label = fields["label"].flatMap { network.label($0, log: &log) }
        let linkTo = fields["link-to"].map { entry.targets.nodes($0, log: &log) } ?? []
        guard let linkTo else { return nil }
        scope.add(node: name, role: role)
        return AddNodeAction(node: spec, linkTo: linkTo)
    }

    var summary: String {
        "\(node.name) joins as a \(node.role.rawValue)"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.addNode(NetworkBuilder.nodeConfig(node), linkTo: try id(linkTo))]
    }
}
