import NetSim
import Yams

/// `- swarm: { file: 1Gb, chunks: 200, seeds: server, peers: peers, ... }`: peer-to-peer
/// distribution of a file in chunks.
struct SwarmAction: ActionDefinition {
    static let names = ["swarm"]
    static let fields = ["file", "chunks", "seeds", "peers", "tracker", "slots", "rechoke", "seeds-stay", "scheme"]

    var fileBits: Double
    var chunks: Int
    /// Nodes that hold the whole file at the start.
    var seeds: [String]
    /// Nodes that want the file.
    var peers: [String]
    var tracker: String?
    /// How many peers each node uploads to at once.
    var uploadSlots: Int?
    /// How often a peer reconsiders whom it uploads to.
    var rechoke: SimTime?
    /// Whether a peer keeps uploading after it has the whole file.
    var seedsStay: Bool
    /// BitTorrent-like trading, or the textbook's ideal relay scheme.
    var scheduling: SwarmScheduling

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> SwarmAction? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let file = entry.require("file", in: fields, log: &log).flatMap { reader.bits($0, "file", log: &log) }
        let chunks = fields["chunks"].map { reader.integer($0, "chunks", in: 1...LessonLimits.swarmChunks, log: &log) } ?? 100
        let seeds = entry.require("seeds", in: fields, log: &log).flatMap { targets.nodes($0, log: &log) }
        let peers = entry.require("peers", in: fields, log: &log).flatMap { targets.nodes($0, log: &log) }
        let tracker = fields["tracker"].map { targets.node($0, log: &log) }
        let slots = fields["slots"].map { reader.integer($0, "slots", in: 1...64, log: &log) }
        let rechoke = fields["rechoke"].map { reader.duration($0, "rechoke", log: &log) }
        let stay = fields["seeds-stay"].map { reader.boolean($0, "seeds-stay", log: &log) } ?? true
        var scheduling = SwarmScheduling.bitTorrent
        if let schemeNode = fields["scheme"], let scheme = reader.text(schemeNode, "scheme", log: &log) {
            switch scheme {
            case "bittorrent": scheduling = .bitTorrent
            case "ideal": scheduling = .relay
            default:
                log.error("unknown scheme '\(scheme)'; expected bittorrent (peers trade chunks) or ideal (the textbook's relay scheme)", at: reader.location(schemeNode))
                return nil
            }
        }
        guard let file, let chunks, let seeds, let peers, tracker != .some(nil), slots != .some(nil), rechoke != .some(nil), let stay else { return nil }
        let swarm = SwarmAction(fileBits: file, chunks: chunks, seeds: seeds, peers: peers, tracker: tracker ?? nil,
                                uploadSlots: slots ?? nil, rechoke: rechoke ?? nil, seedsStay: stay, scheduling: scheduling)
        return swarm.withinLimits(fields: fields, entry: entry, log: &log) ? swarm : nil
    }

    /// The budget checks (see `LessonLimits`): each error names the limit and the value,
    /// at the field that went over it.
    private func withinLimits(fields: YAMLFields, entry: ActionEntry, log: inout DiagnosticLog) -> Bool {
        let reader = entry.reader
        let fileLocation = fields["file"].map(reader.location) ?? entry.location
        let chunksLocation = fields["chunks"].map(reader.location) ?? entry.location
        if fileBits > LessonLimits.fileBits {
            log.error("a swarm's file may be at most \(Units.format(bits: LessonLimits.fileBits)), not \(Units.format(bits: fileBits))", at: fileLocation)
            return false
        }
        if fileBits / Double(chunks) < LessonLimits.chunkBits {
            log.error("chunks of \(Units.format(bits: fileBits / Double(chunks))) are too small: a chunk (file over chunks) must be at least \(Units.format(bits: LessonLimits.chunkBits))", at: chunksLocation)
            return false
        }
        let deliveries = peers.count * chunks
        if deliveries > LessonLimits.swarmDeliveries {
            log.error("this swarm needs \(deliveries) chunk deliveries (\(peers.count) peers × \(chunks) chunks); a swarm may need at most \(LessonLimits.swarmDeliveries)", at: chunksLocation)
            return false
        }
        if let rechoke, rechoke < LessonLimits.rechoke {
            log.error("rechoke must be at least \(Units.format(duration: LessonLimits.rechoke)), not \(Units.format(duration: rechoke)): each re-choke is an event for the whole swarm",
                      at: fields["rechoke"].map(reader.location) ?? entry.location)
            return false
        }
        return true
    }

    var summary: String {
        let scheme = scheduling == .relay ? "ideal relay scheme" : "peers trade chunks"
        return "a file of \(Units.format(bits: fileBits)) in \(chunks) chunks spreads from \(seeds.summarized) to \(peers.summarized) (\(scheme))"
    }

    /// The metrics panel counts the swarm from its start.
    func stage(_ stage: inout ActionStage) {
        stage.picture.countsStart = CountsStart(reason: .swarm, simulation: stage.simulation, step: stage.step)
        stage.shareFile(to: peers, among: seeds + peers)
    }

    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] {
        let defaults = SwarmConfig(fileBits: fileBits, chunks: chunks, seeds: [], peers: [])
        let config = SwarmConfig(fileBits: fileBits, chunks: chunks, seeds: try id(seeds), peers: try id(peers),
                                 tracker: try id(tracker),
                                 uploadSlots: uploadSlots ?? defaults.uploadSlots,
                                 rechokeInterval: rechoke ?? defaults.rechokeInterval,
                                 seedsStay: seedsStay, scheduling: scheduling)
        return [.startSwarm(config)]
    }
}
