import Canvas
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
    /// Calls relayed between two peers that are connected now: each drawn along its
    /// two legs, caller to relay and relay to callee.
    var calls: [SceneCall] = []
    var layout: StageLayoutKind
    /// What the layout is computed from: every node the network has had (present or
    /// not), the configured links and the lesson's plan.
    var shape: StageShape
    /// Remembers the layout of a shape between frames (see `StageGeometryCache`).
    var geometry: StageGeometryCache?

    /// A hand-made scene: its shape is its nodes and links, with no standing lines
    /// implied when it has no links (any node reaches any other).
    init(nodes: [SceneNode], links: [SceneLink] = [], packets: [ScenePacket] = [], layout: StageLayoutKind) {
        self.init(nodes: nodes, links: links, packets: packets, layout: layout,
                  shape: StageShape(nodes, links: links, layout: layout, anyReachesAny: links.isEmpty))
    }

    init(nodes: [SceneNode], links: [SceneLink], packets: [ScenePacket], layout: StageLayoutKind, shape: StageShape,
         geometry: StageGeometryCache? = nil) {
        self.nodes = nodes
        self.links = links
        self.packets = packets
        self.layout = layout
        self.shape = shape
        self.geometry = geometry
    }

    /// Any node may talk to any other, so no line stands for a link.
    var anyReachesAny: Bool { shape.anyReachesAny }

    /// The stage's geometry in a rectangle: remembered when the scene has a cache.
    func geometry(in rect: Rect, roomy: Bool) -> StageGeometry {
        let key = StageGeometry.Key(shape: shape, rect: rect, roomy: roomy)
        return geometry?.geometry(for: key) ?? StageGeometry(key)
    }

    func node(_ id: Int) -> SceneNode? { nodes.first { $0.id == id } }
}

extension Role {
    /// Servers, trackers and supernodes sit in the middle of star and ring layouts.
    var isHub: Bool { self == .server || self == .tracker || self == .supernode || self == .cache }
}

struct SceneNode: Hashable, Sendable {
    var id: Int
    var name: String
    var role: Role
    var isUp: Bool = true
    /// What is wrong with it (or what it did wrong), most important first: the first is
    /// drawn in front of its name.
    var marks: [StageMark] = []
    /// Its part in a swarm, which it is drawn as whatever it was set up as.
    var swarmRole: SwarmRole? = nil
    /// Data it is sending now (responses, a file, chunks): how many messages.
    var sending = 0
    /// A server working on a request now, and how many more wait in its queue: the
    /// processing between a request's arrival and its answer, made visible.
    var isWorking = false
    var waiting = 0
    /// Fraction of the shared file it holds, when a file is being shared.
    var share: Double? = nil
    /// The lesson points at it.
    var isHighlighted = false
    /// Where it stands in the latest lookup: the asker, or asked at some hop.
    var search: SearchMark? = nil
    /// Chunks it threw away on a hash mismatch (its `rejected` mark says how many).
    var rejectedChunks = 0

    /// Its queue is full, or it is throwing away requests it has no room for: drawn as an
    /// alarm. (A server that dropped a request and has worked off its queue since is
    /// marked, not overloaded.)
    var isOverloaded: Bool { marks.first == .queueFull || (marks.first == .dropped && (isWorking || waiting > 0)) }

    /// It left the network; it is drawn where it was, with nothing to or from it.
    var hasLeft: Bool { !isUp && marks.first == .left }
}

/// What a node does in a swarm.
enum SwarmRole: Hashable, Sendable {
    /// It started with the whole file.
    case seed
    /// It came to get the file, and passes on what it has.
    case peer
}

struct SceneLink: Hashable, Sendable {
    var a: Int
    var b: Int
    var isUp: Bool = true
}

/// A call connected through a relay: the two peers and the node between them.
struct SceneCall: Hashable, Sendable {
    var caller: Int
    var relay: Int
    var callee: Int
}

struct ScenePacket: Hashable, Sendable {
    var id: Int
    var kind: MessageKind
    var from: Int
    var to: Int
    /// How far along from `from` to `to`, 0...1.
    var progress: Double
    /// It reached `to` a moment ago: drawn at its receiver, so an answer is seen arriving
    /// instead of vanishing.
    var arrived = false
}

/// How the stage arranges nodes; lessons ask for one, and the stage falls back to a
/// denser one when the window is too small for it.
enum StageLayoutKind: String, Hashable, Sendable, CaseIterable {
    /// Chosen from the network: a star around each server, tiers under a tracker or
    /// supernodes, a ring of peers (linked neighbours side by side).
    case auto
    case star, ring, mesh, tiers, grid
}
