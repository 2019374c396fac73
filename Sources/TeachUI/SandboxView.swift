import Canvas
import LessonKit
import NetSim

extension AppState {
    /// The sandbox on the lesson screen's layout: what the network is, what the keys do,
    /// and what the last key did.
    func sandboxView(_ sandbox: SandboxSession, theme: Theme) -> LessonScreenView {
        let stage = sandbox.stage
        let frame = stage.frame
        let nodes = frame.nodes.count
        let text = """
            A **\(sandbox.model.rawValue)** network of \(nodes) nodes. Change it with the keys below and watch the metrics answer.

            Select a node with *Tab* or a click; `k` takes it down or brings it back, `x` removes it, `u` and `U` double or halve its upload. `1` `2` `3` start again as client-server, p2p or swarm.
            """
        let narration = NarrationView(
            blocks: text.split(separator: "\n\n").map { NarrationBlock(kind: .text, text: StyledText(markup: String($0))) },
            prompt: StyledText(markup: sandbox.message))
        return LessonScreenView(
            title: "Sandbox", stepTitle: sandbox.model.rawValue, scene: stage.scene(frame), selection: stage.selection,
            narration: narration, metrics: MetricsView(frame, countsFrom: sandbox.countsStart), panelTitle: "sandbox",
            metricsTitle: sandbox.countsStart == nil ? "metrics" : "metrics · this swarm",
            status: StatusView(
                playing: stage.isPlaying, position: "sandbox", time: Units.format(duration: stage.shown.time),
                speed: stage.playback.speedLabel(unicode: theme.unicode), events: frame.simulation.eventCount, stepped: stage.lastStep),
            hints: SandboxSession.hints(model: sandbox.model, unicode: theme.unicode)
                + KeyBar.stage(places: screenPlaces, unicode: theme.unicode, leaving: leavingQuits ? "quit" : "back"),
            presenting: presenting)
    }
}
