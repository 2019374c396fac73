import NetSim

/// `- publish: { key: notes.pdf, at: p4 }`: `at` holds the resource called `key`.
struct PublishAction: ActionDefinition {
    static let names = ["publish"]
    static let fields = ["key", "at"]

    var key: String
    var at: [String]

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> PublishAction? {
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let key = entry.require("key", in: fields, log: &log).flatMap { entry.reader.text($0, "key", log: &log) }
        let at = entry.require("at", in: fields, log: &log).flatMap { entry.targets.nodes($0, log: &log) }
        guard let key, let at else { return nil }
        return PublishAction(key: key, at: at)
    }

    var summary: String {
        "\(at.summarized) \(at.count == 1 ? "holds" : "hold") \"\(key)\""
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        try id(at).map { .publish(key: key, at: $0) }
    }
}
