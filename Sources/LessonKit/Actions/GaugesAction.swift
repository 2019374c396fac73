import NetSim

/// `- gauges: [queue, counts]`, or `- gauges: all`: the parts of the metrics panel to show
/// from now on; changes nothing in the simulation.
struct GaugesAction: ActionDefinition {
    static let names = ["gauges"]

    /// nil: all of them.
    var gauges: [Gauge]?

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> GaugesAction? {
        let (reader, node) = (entry.reader, entry.node)
        let names = Gauge.allCases.map(\.rawValue)
        if case .scalar = node, reader.text(node, "gauges", log: &log) == "all" { return GaugesAction(gauges: nil) }
        var gauges: [Gauge] = []
        for item in reader.list(node) {
            guard let text = reader.text(item, "a gauge", log: &log) else { return nil }
            guard let gauge = Gauge(rawValue: text) else {
                log.error("unknown gauge '\(text)'\(Suggestion.phrase(for: text, in: names)); expected \(names.joined(separator: ", ")), or all",
                          at: reader.location(item))
                return nil
            }
            if !gauges.contains(gauge) { gauges.append(gauge) }
        }
        guard !gauges.isEmpty else {
            log.error("'gauges' lists what the metrics panel shows: \(names.joined(separator: ", ")), or all", at: entry.location)
            return nil
        }
        return GaugesAction(gauges: gauges)
    }

    var changesSimulation: Bool { false }

    var summary: String {
        "the metrics panel shows " + (gauges.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "everything")
    }

    func stage(_ stage: inout ActionStage) {
        stage.picture.gauges = gauges
    }
}
