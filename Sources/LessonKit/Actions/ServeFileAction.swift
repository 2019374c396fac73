import NetSim

/// `- serve-file: { from: server, to: clients, size: 1Gb }`: client-server distribution,
/// `from` uploads the file to each node in `to`.
struct ServeFileAction: ActionDefinition {
    static let names = ["serve-file"]
    static let fields = ["from", "to", "size"]

    var from: String
    var to: [String]
    var bits: Double

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> ServeFileAction? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let from = entry.require("from", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let to = entry.require("to", in: fields, log: &log).flatMap { targets.nodes($0, log: &log) }
        let size = entry.require("size", in: fields, log: &log).flatMap { reader.bits($0, "size", log: &log) }
        guard let from, let to, let size else { return nil }
        return ServeFileAction(from: from, to: to, bits: size)
    }

    var summary: String {
        "\(from) sends a file of \(Units.format(bits: bits)) to \(to.summarized)"
    }

    func stage(_ stage: inout ActionStage) {
        stage.shareFile(to: to, among: [from] + to)
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.serveFile(from: try id(from), to: try id(to), bits: bits)]
    }
}
