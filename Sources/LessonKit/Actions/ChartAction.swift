import NetSim

/// `- chart: server.queue`: keeps a live value in view for the rest of the lesson (the
/// screen reads it out as it changes); changes nothing in the simulation.
struct ChartAction: ActionDefinition {
    static let names = ["chart"]

    var value: LiveValue

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> ChartAction? {
        guard let text = entry.reader.text(entry.node, "chart", log: &log) else { return nil }
        return entry.values.parse(text, at: entry.location, log: &log).map { ChartAction(value: $0) }
    }

    var changesSimulation: Bool { false }

    var summary: String {
        "chart of \(value.source)"
    }

    func stage(_ stage: inout ActionStage) {
        if !stage.picture.charts.contains(value) { stage.picture.charts.append(value) }
    }
}
