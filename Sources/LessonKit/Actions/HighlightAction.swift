import NetSim

/// `- highlight: server` (a node, a group, a live value, or `none`): draws attention to
/// something on screen; changes nothing in the simulation.
struct HighlightAction: ActionDefinition {
    static let names = ["highlight"]

    enum Target: Sendable, Hashable {
        case node(String)
        /// Every node of a group (or of `all`, or of a role's plural), named as written.
        case nodes(name: String, members: [String])
        case value(LiveValue)
        /// Remove every highlight.
        case none
    }

    var target: Target

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> HighlightAction? {
        guard let text = entry.reader.text(entry.node, "highlight", log: &log) else { return nil }
        if text == "none" { return HighlightAction(target: .none) }
        if scope.isNode(text) { return HighlightAction(target: .node(text)) }
        if let members = scope.members(ofSet: text), !members.isEmpty { return HighlightAction(target: .nodes(name: text, members: members)) }
        return entry.values.parse(text, at: entry.location, log: &log).map { HighlightAction(target: .value($0)) }
    }

    var changesSimulation: Bool { false }

    var summary: String {
        switch target {
        case let .node(name): "look at \(name)"
        case let .nodes(name, _): "look at \(name)"
        case let .value(value): "look at \(value.source)"
        case .none: "highlights cleared"
        }
    }

    func stage(_ stage: inout ActionStage) {
        switch target {
        case let .node(name): stage.highlight([name])
        case let .nodes(_, members): stage.highlight(members)
        case let .value(value): stage.highlight(value)
        case .none:
            stage.picture.highlightedNodes = []
            stage.picture.highlightedValues = []
        }
    }
}
