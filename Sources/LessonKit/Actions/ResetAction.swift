import NetSim

/// `- reset: counts`: the metrics panel's counts start again from zero (a new scenario);
/// changes nothing in the simulation.
struct ResetAction: ActionDefinition {
    static let names = ["reset"]

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> ResetAction? {
        guard let text = entry.reader.text(entry.node, "reset", log: &log) else { return nil }
        guard text == "counts" else {
            log.error("'reset' takes 'counts' (the metrics panel's counts start again from zero), not '\(text)'", at: entry.location)
            return nil
        }
        return ResetAction()
    }

    var changesSimulation: Bool { false }

    var summary: String {
        "the metrics' counts start again from zero"
    }

    func stage(_ stage: inout ActionStage) {
        stage.picture.countsStart = CountsStart(reason: .reset, simulation: stage.simulation, step: stage.step)
    }
}
