import NetSim

/// Reads a live value's name, `server.queue` or `time`, against the lesson's names.
struct LiveValueParser {
    let scope: NameScope

    func parse(_ source: String, at location: SourceLocation, log: inout DiagnosticLog) -> LiveValue? {
        typealias Property = LiveValue.Property
        let text = source.trimmingCharacters()
        if text.hasPrefix("{") {
            log.error("live values take single braces: write '{\(text.drop { $0 == "{" })}', not '{\(text)}'", at: location)
            return nil
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        func names(_ properties: [Property]) -> String { properties.map(\.rawValue).joined(separator: ", ") }
        func property(_ name: String, from allowed: [Property], for subject: String) -> Property? {
            if let property = Property(rawValue: name), allowed.contains(property) { return property }
            log.error("'\(name)' is not a property of \(subject)\(Suggestion.phrase(for: name, in: allowed.map(\.rawValue))); expected \(names(allowed))", at: location)
            return nil
        }
        guard parts.count == 2 else {
            if let value = Property(rawValue: text), Property.simulationProperties.contains(value) {
                return LiveValue(subject: .simulation, property: value, source: text)
            }
            if scope.isNode(text) || scope.members(ofSet: text) != nil {
                log.error("'\(text)' needs a property, like '\(text).\(scope.isNode(text) ? "queue" : "finished")'", at: location)
            } else {
                log.error("unknown live value '\(text)'\(Suggestion.phrase(for: text, in: Property.simulationProperties.map(\.rawValue))); expected \(names(Property.simulationProperties)), or NODE.PROPERTY", at: location)
            }
            return nil
        }
        let (subject, name) = (parts[0], parts[1])
        if subject == "messages" {
            guard let kind = MessageKind.allCases.first(where: { EventNames.kebab($0.rawValue) == name }) else {
                let kinds = MessageKind.allCases.map { EventNames.kebab($0.rawValue) }
                log.error("'\(name)' is not a kind of message\(Suggestion.phrase(for: name, in: kinds)); expected \(kinds.joined(separator: ", "))", at: location)
                return nil
            }
            return LiveValue(subject: .messages(kind), property: .count, source: text)
        }
        if subject == "lookup" {
            return property(name, from: Property.lookupProperties, for: "the last lookup").map {
                LiveValue(subject: .lookup, property: $0, source: text)
            }
        }
        if subject == "completion" {
            return property(name, from: Property.completionProperties, for: "completion").map {
                LiveValue(subject: .completion, property: $0, source: text)
            }
        }
        if scope.isNode(subject) {
            return property(name, from: Property.nodeProperties, for: "a node").map {
                LiveValue(subject: .node(subject), property: $0, source: text)
            }
        }
        if let members = scope.members(ofSet: subject) {
            return property(name, from: Property.groupProperties, for: "a group").map {
                LiveValue(subject: .nodes(name: subject, members: members), property: $0, source: text)
            }
        }
        log.error("unknown node '\(subject)' in '\(text)'\(Suggestion.phrase(for: subject, in: scope.allNames + ["completion"])); the nodes are \(scope.nodeSummary)", at: location)
        return nil
    }
}
