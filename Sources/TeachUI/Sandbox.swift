import Canvas
import LessonKit
import NetSim

/// The networks the sandbox starts from.
public enum SandboxModel: String, Sendable, Hashable, CaseIterable {
    /// A server and its clients.
    case clientServer = "client-server"
    /// Peers that ask each other and answer each other.
    case p2p
    /// A tracker, a seed and peers sharing a file in chunks.
    case swarm
}

/// The sandbox: a network to play with, where every key changes something and the
/// metrics answer. Commands the engine refuses are reported on the status line.
struct SandboxSession: Sendable {
    var model: SandboxModel
    var stage: StageSession<Timeline>
    /// What the last key did, or why the engine refused it.
    var message: String
    /// The counts when the latest swarm started: the metrics panel counts that swarm's.
    var countsStart: Metrics?

    /// Capacities chosen so that effects show within seconds of simulated time.
    static let serverUpload = 10e6, clientUpload = 1e6, peerUpload = 2e6, download = 10e6
    static let latency: SimTime = 10_000
    static let fileBits = 40e6, chunks = 40
    /// Snapshots every 1,024 events instead of the standard 256: each one costs a copy of
    /// every part of the simulation the events after it change, and a 200-peer swarm ran a
    /// quarter of its frame's tick taking them (`bench render`: tick 0.60 ms against 0.80
    /// back to back). Stepping back replays at most 1,024 events (some 8 ms); the widest
    /// spacing (4,096 events) and the horizon (131,072 events) stay the standard ones.
    static let history = CheckpointPolicy(spacing: 1_024, widestLevel: 2, horizonSpacings: 128)

    init(model: SandboxModel, nodes count: Int, seed: UInt64) {
        self.model = model
        let count = max(1, count)
        var nodes: [NodeConfig] = []
        switch model {
        case .clientServer:
            nodes.append(NodeConfig(name: "server", role: .server, upload: Self.serverUpload, download: Self.download,
                                    serviceTime: 20_000, queueLimit: 8))
            nodes += (1...count).map { Self.config(model: model, number: $0) }
        case .p2p:
            nodes += (1...count).map { Self.config(model: model, number: $0) }
        case .swarm:
            nodes.append(NodeConfig(name: "tracker", role: .tracker, upload: Self.peerUpload, download: Self.download))
            nodes += (1...count).map { Self.config(model: model, number: $0) }
        }
        let network = NetworkConfig(nodes: nodes, defaultLatency: Self.latency, fullMesh: true)
        let layout: StageLayoutKind = model == .clientServer ? .star : (count > 24 ? .grid : .ring)
        stage = StageSession(driver: Timeline(Simulation(network: network, seed: seed), policy: Self.history), plan: StagePlan(layout: layout))
        message = "Press r to send requests" + (model == .clientServer ? ", f to serve a file" : (model == .swarm ? ", f to share a file" : ""))
    }

    private static func config(model: SandboxModel, number: Int) -> NodeConfig {
        model == .clientServer
            ? NodeConfig(name: "c\(number)", role: .client, upload: clientUpload, download: download)
            : NodeConfig(name: "p\(number)", role: .peer, upload: peerUpload, download: download)
    }

    private var simulation: Simulation { stage.driver.simulation }

    private var liveIDs: [NodeID] {
        simulation.nodeIDs.filter { !simulation.node($0).hasLeft }
    }

    private var members: [NodeID] {
        liveIDs.filter { !simulation.node($0).config.role.isHub }
    }

    /// The keys the sandbox adds to the stage's, with what they do (those the model has).
    static func hints(model: SandboxModel, unicode: Bool) -> [KeyHint] {
        var entries = [KeyBarEntry(.requests, text: "requests", hold: .useful)]
        if model != .p2p { entries.append(KeyBarEntry(.shareFile, text: "file", hold: .useful)) }
        entries += [KeyBarEntry(.addNode, text: "add"), KeyBarEntry(.removeNode, text: "remove"), KeyBarEntry(.toggleUp, text: "kill/revive"),
                    KeyBarEntry(.doubleUpload, .halveUpload, text: "upload ×2 ÷2")]
        if model != .clientServer { entries += [KeyBarEntry(.toggleMalicious, text: "malicious"), KeyBarEntry(.toggleVerification, text: "verify")] }
        entries.append(KeyBarEntry(.switchModel, text: "network"))
        return KeyBar.hints(entries, places: [.sandbox], unicode: unicode)
    }

    /// Clients or peers in the network now (not the server or tracker).
    var memberCount: Int { members.count }

    /// A fresh network of `model` with as many clients or peers as this one has.
    mutating func switchModel(to model: SandboxModel, seed: UInt64) {
        let fresh = SandboxSession(model: model, nodes: max(2, memberCount), seed: seed)
        self = fresh
        message = "A new \(model.rawValue) network. " + fresh.message
    }

    /// Does a sandbox action; false when the action is not one of the sandbox's (or not
    /// one this model has).
    mutating func perform(_ action: KeyAction) -> Bool {
        switch action {
        case .requests: sendRequests()
        case .shareFile where model != .p2p: shareFile()
        case .addNode: addNode()
        case .removeNode: removeNode()
        case .toggleUp: toggleSelectedUp()
        case .doubleUpload: scaleUpload(by: 2)
        case .halveUpload: scaleUpload(by: 0.5)
        case .toggleMalicious where model != .clientServer: toggleMalicious()
        case .toggleVerification where model != .clientServer:
            let on = !simulation.verification
            perform(.setVerification(on), done: on ? "Peers now check every chunk's hash" : "Peers no longer check hashes")
        default: return false
        }
        return true
    }

    /// Does `command`, saying `done` on the status line, or why the engine refused it
    /// (then false).
    @discardableResult
    private mutating func perform(_ command: Command, done: String) -> Bool {
        stage.settle()
        do {
            try stage.driver.perform(command)
            message = done
            stage.startRun()
            stage.suggestSpeed()
            return true
        } catch {
            message = "Not possible: \(error)"
            return false
        }
    }

    private mutating func sendRequests() {
        let ids = members.filter { simulation.node($0).isUp }
        var sent = 0
        for (index, id) in ids.enumerated() {
            let target: NodeID
            if model == .clientServer {
                guard let server = simulation.network.ids(withRole: .server).first else { break }
                target = server
            } else {
                guard ids.count > 1 else { break }
                target = ids[(index + 1) % ids.count]
            }
            do {
                try stage.driver.perform(.request(from: id, to: target, what: "GET /item", bytes: 400, responseBytes: 100_000))
                sent += 1
            } catch {
                message = "Not possible: \(error)"
                return
            }
        }
        stage.settle()
        stage.startRun()
        stage.suggestSpeed()
        message = "\(sent) requests sent"
    }

    private mutating func shareFile() {
        let megabits = Units.format(bits: Self.fileBits)
        switch model {
        case .clientServer:
            guard let server = simulation.network.ids(withRole: .server).first else { return }
            perform(.serveFile(from: server, to: members, bits: Self.fileBits), done: "The server sends a \(megabits) file to every client")
        case .swarm:
            guard let seed = members.first else { return }
            let config = SwarmConfig(fileBits: Self.fileBits, chunks: Self.chunks, seeds: [seed], peers: Array(members.dropFirst()),
                                     tracker: simulation.network.ids(withRole: .tracker).first)
            let before = simulation.metrics
            if perform(.startSwarm(config), done: "\(simulation.node(seed).config.name) seeds a \(megabits) file in \(Self.chunks) chunks") {
                countsStart = before
            } else {
                message += ". Press 3 to start again with a new swarm network."
            }
        case .p2p:
            break
        }
    }

    private mutating func addNode() {
        let number = (members.map { Int(simulation.node($0).config.name.dropFirst()) ?? 0 }.max() ?? 0) + 1
        let config = Self.config(model: model, number: number)
        perform(.addNode(config, linkTo: []), done: "\(config.name) joined")
    }

    /// Removes the selected node, or the newest one when none is selected.
    private mutating func removeNode() {
        guard let id = stage.selectedNode ?? members.last else { return }
        let name = simulation.node(id).config.name
        perform(.removeNode(id), done: "\(name) left the network")
        stage.dropStaleSelection()
    }

    private mutating func toggleSelectedUp() {
        guard let id = stage.selectedNode else { message = "Select a node first (Tab or a click)"; return }
        let state = simulation.node(id)
        perform(.setNodeUp(id, !state.isUp), done: "\(state.config.name) is " + (state.isUp ? "down" : "up again"))
    }

    private mutating func scaleUpload(by factor: Double) {
        guard let id = stage.selectedNode ?? simulation.network.ids(withRole: .server).first ?? members.first else { return }
        let state = simulation.node(id)
        let upload = state.config.upload * factor
        perform(.setCapacity(id, upload: upload, download: nil), done: "\(state.config.name) uploads at \(Units.format(rate: upload))")
    }

    private mutating func toggleMalicious() {
        guard let id = stage.selectedNode else { message = "Select a peer first (Tab or a click)"; return }
        let state = simulation.node(id)
        perform(.setMalicious(id, !state.malicious), done: "\(state.config.name) " + (state.malicious ? "is honest again" : "now serves corrupt chunks"))
    }
}
