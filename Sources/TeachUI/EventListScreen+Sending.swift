import NetSim

extension EventListPanel {
    /// The sends the list has no row for yet. A row "done sending" is written when a message's
    /// last bit leaves, so a chunk still being uploaded is on the stage (its sender's ↑
    /// mark) but not in the list; this line names those senders and how many each has
    /// under way, counted exactly as the stage's marks are, so the two always agree.
    static func sendingNow(_ simulation: Simulation, theme: Theme) -> String? {
        let sending = Scene.sending(simulation)
        guard sending.contains(where: { $0 > 0 }) else { return nil }
        let arrow = theme.glyph(.mark(.sending))
        let senders = sending.indices.filter { sending[$0] > 0 }.map { "\(simulation.network.nodes[$0].name) \(arrow)\(sending[$0])" }
        return "still sending (a row comes when done): " + senders.joined(separator: " ")
    }
}

extension AppState {
    /// The simulation the screen shows now, at the instant the event list stops.
    var shownSimulation: Simulation? {
        lesson?.stage.shown.simulation ?? sandbox?.stage.shown.simulation
    }
}
