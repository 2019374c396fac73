import NetSim

extension Scene {
    /// The stage for a frame (a simulation at an instant: its clock, or a moment a glide
    /// has reached after it): every node still in the network, the configured links
    /// between them, and the messages in flight at their position at `time`.
    ///
    /// A line is always a link that exists: where any node may talk to any other
    /// (`fullMesh`) no lines stand for it; a message then draws its own path while it
    /// travels (`StageRenderer.drawLinks`).
    init(_ frame: Frame, plan: StagePlan, legend: [MessageKind], geometry: StageGeometryCache? = nil) {
        let simulation = frame.simulation, time = frame.time
        let states = frame.nodes
        let shares = FileShares(frame)
        let nodes = states.map { state in
            let config = state.config
            return SceneNode(
                id: state.id.rawValue, name: config.name, role: config.role, isUp: state.isUp,
                isOverloaded: config.role == .server && config.queueLimit > 0 && state.queueLength >= config.queueLimit,
                isMalicious: state.malicious,
                isWorking: state.inService, waiting: state.queueLength,
                share: shares.share(of: state))
        }
        let present = Set(nodes.map(\.id))
        let links = simulation.network.links
            .filter { present.contains($0.a.rawValue) && present.contains($0.b.rawValue) }
            .map { SceneLink(a: $0.a.rawValue, b: $0.b.rawValue, isUp: simulation.isLinkUp($0.a, $0.b) ?? true) }
        let packets = frame.inFlight
            .filter { present.contains($0.from.rawValue) && present.contains($0.to.rawValue) }
            .map { ScenePacket(id: $0.id, kind: $0.kind, from: $0.from.rawValue, to: $0.to.rawValue, progress: $0.progress(at: time)) }
        self.init(nodes: nodes, links: links, packets: packets, layout: plan.layout, legend: legend,
                  shape: StageShape(simulation.network, plan: plan), geometry: geometry)
    }

    /// The stage for a frame with only a layout asked for.
    init(_ frame: Frame, layout: StageLayoutKind, legend: [MessageKind]) {
        self.init(frame, plan: StagePlan(layout: layout), legend: legend)
    }
}
