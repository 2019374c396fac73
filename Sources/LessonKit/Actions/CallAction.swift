import NetSim

/// `- call: { from: p1, to: p2, relay: hub }`: a call, direct or through a relay.
struct CallAction: ActionDefinition {
    static let names = ["call"]
    static let fields = ["from", "to", "relay"]

    var from: String
    var to: String
    var relay: String?

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> CallAction? {
        let targets = entry.targets
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let from = entry.require("from", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let to = entry.require("to", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let relay = fields["relay"].map { targets.node($0, log: &log) }
        guard let from, let to, relay != .some(nil) else { return nil }
        return CallAction(from: from, to: to, relay: relay ?? nil)
    }

    var summary: String {
        "\(from) calls \(to)" + (relay.map { " through \($0)" } ?? "")
    }

    /// A call among nodes that take no part in the file being shared is a scenario of its
    /// own: the metrics panel counts it from zero and shows no file (hybrids calls after
    /// its swarm is over).
    func stage(_ stage: inout ActionStage) {
        let callers = [from, to] + (relay.map { [$0] } ?? [])
        guard !callers.contains(where: stage.picture.fileShare.nodes.contains) else { return }
        stage.picture.fileShare = ([], stage.step)
        stage.picture.countsStart = CountsStart(reason: .call, simulation: stage.simulation, step: stage.step)
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        [.placeCall(from: try id(from), to: try id(to), relay: try id(relay))]
    }
}
