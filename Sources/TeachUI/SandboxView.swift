import Canvas
import LessonKit
import NetSim

extension AppState {
    /// The sandbox on the lesson screen's layout: what the network is, what the keys do,
    /// and what the last key did.
    func sandboxView(_ sandbox: SandboxSession, theme: Theme) -> LessonScreenView {
        let stage = sandbox.stage
        let frame = stage.frame
        let text = Self.sandboxText.value(for: SandboxTextKey(
            model: sandbox.model, nodes: frame.nodes.count, message: sandbox.message, unicode: theme.unicode,
            places: screenPlaces, leaving: leavingQuits ? "quit" : "back"
        )) { key in
            let text = """
                A **\(key.model.rawValue)** network of \(key.nodes) nodes. Change it with the keys below and watch the metrics answer.

                Select a node with *Tab* or a click; `k` takes it down or brings it back, `x` removes it, `u` and `U` double or halve its upload. `1` `2` `3` start again as client-server, p2p or swarm.
                """
            let narration = NarrationView(
                blocks: text.split(separator: "\n\n").map { NarrationBlock(kind: .text, text: StyledText(markup: String($0))) },
                prompt: StyledText(markup: key.message))
            let hints = SandboxSession.hints(model: key.model, unicode: key.unicode)
                + KeyBar.stage(places: key.places, unicode: key.unicode, leaving: key.leaving)
            return (narration, hints)
        }
        return LessonScreenView(
            title: "Sandbox", stepTitle: sandbox.model.rawValue, scene: stage.scene(frame), selection: stage.selection,
            narration: text.narration, metrics: MetricsView(frame, countsFrom: sandbox.countsStart), panelTitle: "sandbox",
            metricsTitle: sandbox.countsStart == nil ? "metrics" : "metrics · this swarm",
            status: StatusView(
                playing: stage.isPlaying, position: "sandbox", time: Units.format(duration: stage.shown.time),
                speed: stage.playback.speedLabel(unicode: theme.unicode, at: stage.clock), events: frame.simulation.eventCount, stepped: stage.lastStep),
            hints: text.hints,
            presenting: presenting)
    }

    /// What the sandbox's narration and key bar are made from.
    private struct SandboxTextKey: Equatable {
        var model: SandboxModel
        var nodes: Int
        var message: String
        var unicode: Bool
        var places: [KeyPlace]
        var leaving: String
    }

    /// The narration and key bar, the same every frame while the network plays: parsing
    /// the text again each frame cost a tenth of drawing a 200-node swarm.
    private static let sandboxText = LastValueMemo<SandboxTextKey, (narration: NarrationView, hints: [KeyHint])>()
}
