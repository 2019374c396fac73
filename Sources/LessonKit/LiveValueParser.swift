import NetSim

/// Reads a live value's name, `server.queue` or `time`, against the lesson's names.
struct LiveValueParser {
    let scope: NameScope

    func parse(_ source: String, at location: SourceLocation, log: inout DiagnosticLog) -> LiveValue? {
        let text = source.trimmingCharacters()
        if let at = text.firstIndex(of: "@") {
            let moment = String(text[text.index(after: at)...])
            guard scope.isMoment(moment) else {
                let kept = scope.moments.isEmpty ? "no moment is kept before this point; add '- moment: \(moment)' to a sim block earlier"
                    : "the moments kept before this point are \(scope.moments.joined(separator: ", "))"
                log.error("'\(moment)' after '@' is not a moment\(Suggestion.phrase(for: moment, in: scope.moments)); \(kept)", at: location)
                return nil
            }
            guard var value = parse(String(text[..<at]), at: location, log: &log) else { return nil }
            guard value.span == .lesson else {
                log.error("'\(text)': a value is either over the step ('step.') or at a moment ('@'), not both", at: location)
                return nil
            }
            value.span = .moment(moment)
            value.source = text
            return value
        }
        if text.hasPrefix("step.") {
            guard var value = parse(String(text.dropFirst("step.".count)), at: location, log: &log) else { return nil }
            guard value.isTotal else {
                log.error("'\(text)': only a count or a total grows over a step, such as step.responses, step.dropped or step.NODE.served; '\(value.source)' is read as it is now", at: location)
                return nil
            }
            value.span = .step
            value.source = text
            return value
        }
        return parseNow(text, at: location, log: &log)
    }

    private func parseNow(_ text: String, at location: SourceLocation, log: inout DiagnosticLog) -> LiveValue? {
        typealias Property = LiveValue.Property
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
            if !scope.knowsEveryName && FrontMatterParser.isIdentifier(text, maximumLength: 24) {
                return nil
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
        if subject == "latency" {
            return route(name, source: text, at: location, log: &log)
        }
        if subject == "curve" {
            return curvePoint(name, source: text, at: location, log: &log)
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
        if scope.knowsEveryName {
            log.error(scope.unknownNode(subject, in: text, alsoMeaning: ["completion"]), at: location)
        }
        return nil
    }

    /// `latency.c1.server`: the one-way delay between two nodes.
    private func route(_ rest: String, source: String, at location: SourceLocation, log: inout DiagnosticLog) -> LiveValue? {
        let ends = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2, ends.allSatisfy({ !$0.isEmpty }) else {
            log.error("'\(source)' names the two ends of a way through the network, like 'latency.c1.server'", at: location)
            return nil
        }
        var known = true
        for end in ends where !scope.isNode(end) {
            known = false
            if scope.members(ofSet: end) != nil {
                log.error("'\(end)' stands for several nodes, but each end of 'latency.A.B' is one node", at: location)
            } else if scope.knowsEveryName {
                log.error(scope.unknownNode(end, in: source), at: location)
            }
        }
        return known ? LiveValue(subject: .route(ends[0], ends[1]), property: .latency, source: source) : nil
    }

    /// `curve.40.p2p`: a crowd size the latest curve so far measured, and what of it.
    private func curvePoint(_ rest: String, source: String, at location: SourceLocation, log: inout DiagnosticLog) -> LiveValue? {
        let allowed = LiveValue.Property.curveProperties.map(\.rawValue)
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let peers = Int(parts[0]) else {
            log.error("'\(source)' names a point of a curve by its crowd size and what to read, like 'curve.40.p2p' (\(allowed.joined(separator: ", ")))", at: location)
            return nil
        }
        guard scope.curveSizes.contains(peers) else {
            guard scope.knowsCurveSizes else { return nil }
            let measured = scope.curveSizes.isEmpty
                ? "no curve is measured before this point; add a '- curve:' action earlier in the lesson"
                : "the latest curve before this point measured \(scope.curveSizes.map(String.init).joined(separator: ", ")) peers"
            log.error("'\(source)': \(measured)", at: location)
            return nil
        }
        guard let property = LiveValue.Property(rawValue: parts[1]), LiveValue.Property.curveProperties.contains(property) else {
            log.error("'\(parts[1])' is not a property of a curve's point\(Suggestion.phrase(for: parts[1], in: allowed)); expected \(allowed.joined(separator: ", "))", at: location)
            return nil
        }
        return LiveValue(subject: .curve(peers: peers), property: property, source: source)
    }
}
