import NetSim

/// `- speed: 10`: plays the runs after it in the step at this speed (simulated seconds per
/// second), unless a run sets its own; changes nothing in the simulation.
struct SpeedAction: ActionDefinition {
    static let names = ["speed"]
    /// A speed belongs to the runs after it in the script, which an ask's action has none of.
    static let askable = false

    var speed: Double

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> SpeedAction? {
        WaitParser.speed(entry.node, reader: entry.reader, log: &log).map { SpeedAction(speed: $0) }
    }

    var changesSimulation: Bool { false }

    var summary: String {
        "play at \(speed >= 1 ? String(Int(speed)) : String(speed)) simulated seconds a second"
    }

    func stage(_ stage: inout ActionStage) {
        stage.picture.speed = speed
    }
}
