import NetSim

/// Something a lesson makes happen in the simulation, with every node name already checked
/// against the network (names, not engine ids: nodes added during a lesson get their ids
/// only when the engine creates them).
public enum LessonAction: Sendable, Hashable {
    /// Each node in `from` sends one request to `to`.
    case request(from: [String], to: String, what: String, bytes: Int, responseBytes: Int)
    /// Client-server distribution: `from` uploads a file of `bits` to each node in `to`.
    case serveFile(from: String, to: [String], bits: Double)
    /// Peer-to-peer distribution of a file in chunks.
    case swarm(SwarmSpec)
    /// `fail` (false) and `recover` (true) for each node.
    case setNodesUp([String], Bool)
    /// `fail-link` (false) and `recover-link` (true): the link between each node of one
    /// end and each of the other (an end is one node, or a group's nodes).
    case setLinkUp([String], [String], Bool)
    /// A node joins; it may talk to `linkTo` (everyone, in a full mesh).
    case addNode(NetworkSpec.NodeSpec, linkTo: [String])
    /// A node leaves the network.
    case removeNode(String)
    case setCapacity(String, upload: Double?, download: Double?)
    case setAccessControl(server: String, enabled: Bool)
    case grant(server: String, clients: [String])
    case revoke(server: String, clients: [String])
    /// Peers check each chunk's hash and refuse corrupt ones.
    case setVerification(Bool)
    case setMalicious(String, Bool)
    /// `at` holds the resource called `key`.
    case publish(key: String, at: [String])
    case lookup(from: String, key: String, method: LookupSpec)
    case placeCall(from: String, to: String, relay: String?)
    /// Draw attention to a node or a live value on screen; changes nothing in the simulation.
    case highlight(Highlight)
    /// Keep a live value in view for the rest of the lesson (the screen reads it out as it
    /// changes); changes nothing in the simulation.
    case chart(LiveValue)
    /// Measure distribution times for several crowd sizes in separate runs of the engine
    /// and draw them against the number of peers; changes nothing in this simulation.
    case curve(CurveSpec)
    /// The metrics panel's counts start again from zero (a new scenario); changes nothing
    /// in the simulation.
    case resetCounts
    /// The parts of the metrics panel to show from now on (nil: all of them).
    case gauges([Gauge]?)
    /// Keep the simulation as it is now under a name, so later text can quote its
    /// figures: `- moment: origin-alone`, then `{origin.served@origin-alone}`.
    case moment(String)
    /// Play the runs after it in the step at this speed (simulated seconds per second),
    /// unless a run sets its own; changes nothing in the simulation.
    case speed(Double)

    /// Whether the action changes the simulation (highlights, charts and curves only
    /// change the picture).
    public var changesSimulation: Bool {
        switch self {
        case .highlight, .chart, .curve, .resetCounts, .gauges, .moment, .speed: false
        default: true
        }
    }
}

public enum Highlight: Sendable, Hashable {
    case node(String)
    /// Every node of a group (or of `all`, or of a role's plural), named as written.
    case nodes(name: String, members: [String])
    case value(LiveValue)
    /// Remove every highlight.
    case none
}

public enum LookupSpec: Sendable, Hashable {
    /// Ask one index server (the client-server way).
    case server(String)
    /// Ask neighbours, who ask theirs, up to `ttl` hops.
    case flood(ttl: Int)
    /// A distributed hash table lookup.
    case dht
}

public struct SwarmSpec: Sendable, Hashable {
    public var fileBits: Double
    public var chunks: Int
    /// Nodes that hold the whole file at the start.
    public var seeds: [String]
    /// Nodes that want the file.
    public var peers: [String]
    public var tracker: String?
    /// How many peers each node uploads to at once.
    public var uploadSlots: Int?
    /// How often a peer reconsiders whom it uploads to.
    public var rechoke: SimTime?
    /// Whether a peer keeps uploading after it has the whole file.
    public var seedsStay: Bool
    /// BitTorrent-like trading, or the textbook's ideal relay scheme.
    public var scheduling: SwarmScheduling
}
