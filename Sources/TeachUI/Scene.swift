import NetSim

/// What the stage shows at one instant, whatever produced it (a lesson's simulation, the
/// sandbox, a test): nodes, the links between them and the messages travelling on them.
///
/// The renderer draws only from a scene, so layout and drawing are tested on small
/// hand-made scenes, and the engine is read in exactly one place (`Scene+Simulation`).
struct Scene: Hashable, Sendable {
    var nodes: [SceneNode]
    var links: [SceneLink]
    var packets: [ScenePacket]
    var layout: StageLayoutKind
    /// Message kinds the legend explains: those seen so far in this run.
    var legend: [MessageKind]

    init(nodes: [SceneNode], links: [SceneLink] = [], packets: [ScenePacket] = [], layout: StageLayoutKind, legend: [MessageKind] = []) {
        self.nodes = nodes
        self.links = links
        self.packets = packets
        self.layout = layout
        self.legend = legend
    }

    func node(_ id: Int) -> SceneNode? { nodes.first { $0.id == id } }
}

extension Role {
    /// Servers, trackers and supernodes sit in the middle of star and ring layouts.
    var isHub: Bool { self == .server || self == .tracker || self == .supernode }
}

struct SceneNode: Hashable, Sendable {
    var id: Int
    var name: String
    var role: Role
    var isUp: Bool = true
    /// Its queue is full or it is dropping work: drawn as an alarm.
    var isOverloaded: Bool = false
    var isMalicious: Bool = false
    /// A server working on a request now, and how many more wait in its queue: the
    /// processing between a request's arrival and its answer, made visible.
    var isWorking = false
    var waiting = 0
    /// Fraction of the shared file it holds, when a file is being shared.
    var share: Double? = nil
    /// The lesson points at it.
    var isHighlighted = false
}

struct SceneLink: Hashable, Sendable {
    var a: Int
    var b: Int
    var isUp: Bool = true
}

struct ScenePacket: Hashable, Sendable {
    var id: Int
    var kind: MessageKind
    var from: Int
    var to: Int
    /// How far along from `from` to `to`, 0...1.
    var progress: Double
}

/// How the stage arranges nodes; lessons ask for one, and the stage falls back to a
/// denser one when the window is too small for it.
enum StageLayoutKind: String, Hashable, Sendable, CaseIterable {
    case star, ring, mesh, grid
}
