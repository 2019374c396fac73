import NetSim

/// `- capacity: { node: server, upload: 20Mbps, download: 20Mbps }`.
struct CapacityAction: ActionDefinition {
    static let names = ["capacity"]
    static let fields = ["node", "upload", "download"]

    var node: String
    var upload: Double?
    var download: Double?

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> CapacityAction? {
        let reader = entry.reader
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let target = entry.require("node", in: fields, log: &log).flatMap { entry.targets.node($0, log: &log) }
        let upload = fields["upload"].flatMap { reader.rate($0, "upload", log: &log) }
        let download = fields["download"].flatMap { reader.rate($0, "download", log: &log) }
        if fields["upload"] == nil && fields["download"] == nil {
            log.error("capacity needs 'upload', 'download' or both", at: entry.location)
            return nil
        }
        guard let target else { return nil }
        return CapacityAction(node: target, upload: upload, download: download)
    }

    var summary: String {
        let parts = [upload.map { "upload \(Units.format(rate: $0))" }, download.map { "download \(Units.format(rate: $0))" }].compactMap { $0 }
        return "\(node) now has \(parts.joined(separator: " and "))"
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.setCapacity(try id(node), upload: upload, download: download)]
    }
}
