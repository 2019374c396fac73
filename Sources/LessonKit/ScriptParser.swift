import NetSim
import Yams

/// Reads a fenced `sim` block: a list of actions, runs and interactions, each a one-key
/// mapping such as `- fail: server` or `- run: idle`.
struct ScriptParser {
    /// Every entry a `sim` block accepts, in the order the author's guide lists them: the
    /// actions, then the entries that stop the script.
    static let entries = ActionCatalog.names + ["run", "ask", "pause"]

    let reader: YAMLReader
    let values: LiveValueParser

    /// The script; node names added by `add-node` join `scope` for the rest of the lesson.
    func parse(log: inout DiagnosticLog, scope: inout NameScope) -> [ScriptItem] {
        guard let root = reader.yaml.root else {
            if !log.hasErrors { log.warning("this sim block is empty", at: reader.yaml.block.opening) }
            return []
        }
        guard case let .sequence(sequence) = root else {
            log.error("a sim block is a list of entries, each starting with '- ' (like '- run: idle')", at: reader.location(root))
            return []
        }
        var items: [ScriptItem] = []
        for entry in sequence {
            let parser = ScriptParser(reader: reader, values: LiveValueParser(scope: scope))
            if let item = parser.entry(entry, log: &log, scope: &scope) { items.append(item) }
        }
        return items
    }

    private func entry(_ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> ScriptItem? {
        guard case let .mapping(mapping) = node, mapping.count == 1, let (key, value) = mapping.first else {
            log.error("each sim entry is one action with its settings, like '- fail: server'", at: reader.location(node))
            return nil
        }
        guard let name = reader.text(key, "an action", log: &log) else { return nil }
        let location = reader.location(key)
        switch name {
        case "run":
            return WaitParser(reader: reader, values: values).parse(value, log: &log).map { ScriptItem(kind: .run($0), location: location) }
        case "pause":
            return reader.text(value, "pause", log: &log).map { ScriptItem(kind: .pause($0), location: location) }
        case "ask":
            return ask(value, log: &log, scope: &scope).map { ScriptItem(kind: .ask($0), location: location) }
        default:
            guard Self.entries.contains(name) else {
                log.error("unknown action '\(name)'\(Suggestion.phrase(for: name, in: Self.entries)); see Lessons/README.md for the list", at: location)
                return nil
            }
            return action(name, value, log: &log, scope: &scope).map { ScriptItem(kind: .act($0), location: location) }
        }
    }

    /// The action `name` with its settings `node`, its node names checked against `scope`.
    private func action(_ name: String, _ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> LessonAction? {
        let entry = ActionEntry(name: name, node: node, reader: reader, values: values, targets: TargetResolver(reader: reader, scope: scope))
        return ActionCatalog.action(entry, log: &log, scope: &scope)
    }

    private func ask(_ node: Node, log: inout DiagnosticLog, scope: inout NameScope) -> Ask? {
        guard let fields = reader.fields(node, of: "ask", allowed: ["key", "prompt", "do"], log: &log) else { return nil }
        let keyNode = reader.require("key", in: fields, of: "ask", log: &log)
        let prompt = reader.require("prompt", in: fields, of: "ask", log: &log).flatMap { reader.text($0, "prompt", log: &log) }
        var action: LessonAction?
        if let doNode = reader.require("do", in: fields, of: "ask", log: &log) {
            if case let .mapping(mapping) = doNode, mapping.count == 1, let (key, value) = mapping.first,
               let name = reader.text(key, "an action", log: &log) {
                if let definition = ActionCatalog.definition(named: name), definition.askable {
                    action = self.action(name, value, log: &log, scope: &scope)
                } else {
                    log.error("'do' takes one action that changes the simulation, not '\(name)'", at: reader.location(key))
                }
            } else {
                log.error("'do' is one action with its settings, like 'do: { fail: server }'", at: reader.location(doNode))
            }
        }
        guard let keyNode, let keyText = reader.text(keyNode, "key", log: &log) else { return nil }
        guard keyText.count == 1, let key = keyText.first, key.isASCII, key.isLetter || key.isNumber else {
            log.error("key must be one letter the lesson screen leaves free (\(ScreenKeys.freeKeys)), not '\(keyText)'",
                      at: reader.location(keyNode))
            return nil
        }
        if let use = ScreenKeys.use(of: key) {
            log.error("key '\(key)' is taken (on the lesson screen it means: \(use)); choose a key the lesson screen leaves free: \(ScreenKeys.freeKeys)",
                      at: reader.location(keyNode))
            return nil
        }
        guard let prompt, let action else { return nil }
        return Ask(key: key, prompt: prompt, action: action)
    }
}
