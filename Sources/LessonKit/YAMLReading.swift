import NetSim
import Yams

/// The fields of a YAML mapping, after checking that every key is one the reader knows.
struct YAMLFields {
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)]
    let node: Node

    subscript(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

/// Typed reads from a YAML block that log a located, readable error instead of failing.
///
/// Every read returns nil after logging when the value has the wrong shape, so one bad
/// field does not hide the others.
struct YAMLReader {
    let yaml: YAMLBlock

    func location(_ node: Node) -> SourceLocation { yaml.location(of: node) }

    func fields(_ node: Node, of what: String, allowed: [String], log: inout DiagnosticLog) -> YAMLFields? {
        guard case let .mapping(mapping) = node else {
            log.error("\(what) must be a mapping of fields (\(allowed.joined(separator: ", ")))", at: location(node))
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                log.error("a field name must be plain text", at: location(key))
                continue
            }
            let name = TextSanitizer.clean(scalar.string)
            guard allowed.contains(name) else {
                if let colon = name.firstIndex(of: ":"), allowed.contains(String(name[..<colon])) {
                    log.error("'\(name)' needs a space after ':' to be the field '\(name[..<colon])'", at: location(key))
                } else {
                    log.error("unknown field '\(name)' in \(what)\(Suggestion.phrase(for: name, in: allowed)); expected \(allowed.joined(separator: ", "))",
                              at: location(key))
                }
                continue
            }
            pairs.append((name, key, value))
        }
        return YAMLFields(pairs: pairs, node: node)
    }

    func require(_ key: String, in fields: YAMLFields, of what: String, log: inout DiagnosticLog) -> Node? {
        if let value = fields[key] { return value }
        log.error("\(what) needs a '\(key)' field", at: location(fields.node))
        return nil
    }

    /// Text, with control characters removed. Numbers and booleans count as text.
    func text(_ node: Node, _ what: String, log: inout DiagnosticLog) -> String? {
        guard case let .scalar(scalar) = node else {
            log.error("\(what) must be text, not a \(shape(node))", at: location(node))
            return nil
        }
        return TextSanitizer.clean(scalar.string)
    }

    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>, log: inout DiagnosticLog) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string.trimmingCharacters()) else {
            log.error("\(what) must be a whole number", at: location(node))
            return nil
        }
        guard range.contains(value) else {
            log.error("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: location(node))
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Bool? {
        if case let .scalar(scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        log.error("\(what) must be true or false", at: location(node))
        return nil
    }

    /// A list; a single value stands for a list of one.
    func list(_ node: Node) -> [Node] {
        if case let .sequence(sequence) = node { return Array(sequence) }
        return [node]
    }

    /// A value written with units, read by the engine's own `Units` so lessons and the
    /// engine agree on what "10Mbps" means.
    func quantity<Value>(_ node: Node, _ what: String, _ parse: (String) throws(UnitError) -> Value, log: inout DiagnosticLog) -> Value? {
        guard let text = text(node, what, log: &log) else { return nil }
        do {
            return try parse(text)
        } catch {
            log.error("\(what): \(error)", at: location(node))
            return nil
        }
    }

    func rate(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Double? {
        guard let value = quantity(node, what, Units.rate, log: &log) else { return nil }
        guard value > 0 && value <= 1e13 else {
            log.error("\(what) must be above 0 and at most 10Tbps", at: location(node))
            return nil
        }
        return value
    }

    func duration(_ node: Node, _ what: String, log: inout DiagnosticLog) -> SimTime? {
        guard let value = quantity(node, what, Units.duration, log: &log) else { return nil }
        guard value <= LessonLimits.simulatedTime else {
            log.error("\(what) must be at most a day of simulated time", at: location(node))
            return nil
        }
        return value
    }

    func bits(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Double? {
        guard let value = quantity(node, what, Units.bits, log: &log) else { return nil }
        guard value > 0 && value <= 1e15 else {
            log.error("\(what) must be above 0 and at most 1Pb", at: location(node))
            return nil
        }
        return value
    }

    func bytes(_ node: Node, _ what: String, log: inout DiagnosticLog) -> Int? {
        guard let value = quantity(node, what, Units.bytes, log: &log) else { return nil }
        guard value > 0 && value <= 1_000_000_000_000 else {
            log.error("\(what) must be above 0 and at most 1TB", at: location(node))
            return nil
        }
        return value
    }

    private func shape(_ node: Node) -> String {
        switch node {
        case .scalar: "value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
