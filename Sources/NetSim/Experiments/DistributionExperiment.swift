/// The textbook file-distribution comparison (Kurose and Ross §2.5), simulated: one
/// server and N peers, the file sent by the server alone (client-server) or shared in
/// chunks among the peers (peer-to-peer), next to the formulas' bounds.
public struct DistributionSetting: Sendable, Hashable {
    /// File size in bits.
    public var fileBits: Double
    /// Rates in bit/s.
    public var serverUpload: Double
    public var peerDownload: Double
    public var peerUpload: Double
    /// Chunks the file is split into for the swarm.
    public var chunks: Int

    public init(fileBits: Double, serverUpload: Double, peerDownload: Double, peerUpload: Double, chunks: Int) {
        self.fileBits = fileBits
        self.serverUpload = serverUpload
        self.peerDownload = peerDownload
        self.peerUpload = peerUpload
        self.chunks = chunks
    }
}

/// Bounds and simulated times for one number of peers, in seconds.
public struct DistributionResult: Sendable, Hashable {
    public let peers: Int
    /// max(N·F/u_s, F/d_min)
    public let clientServerBound: Double
    public let clientServerSimulated: Double
    /// max(F/u_s, F/d_min, N·F/(u_s + Σu_i))
    public let peerToPeerBound: Double
    public let peerToPeerSimulated: Double
}

public enum DistributionExperiment {
    /// Chunks used when none are given: 200. The swarm loses time while the first chunks
    /// spread (nobody but the server has anything yet) and while the last ones do; both
    /// last a few chunk-times, so with 200 chunks they cost a few percent of the run,
    /// while every peer still has plenty of distinct chunks to trade.
    public static let defaultChunks = 200

    public static func run(_ setting: DistributionSetting, peers: Int, seed: UInt64 = 1) -> DistributionResult {
        guard let result = run(setting, peers: peers, seed: seed, between: { _ in true }) else {
            preconditionFailure("a run that is never told to stop finishes")
        }
        return result
    }

    /// The same run, in slices of events: between slices `between` is told how far the
    /// run has come (0 to 1, by simulated work) and answers whether to go on; nil when it
    /// said stop. The results are those of an unsliced run.
    public static func run(
        _ setting: DistributionSetting, peers: Int, seed: UInt64 = 1, between: (Double) -> Bool
    ) -> DistributionResult? {
        precondition(peers > 0 && setting.chunks > 0, "needs peers and chunks")
        let n = Double(peers)
        let file = setting.fileBits
        let csBound = max(n * file / setting.serverUpload, file / setting.peerDownload)
        let p2pBound = max(
            file / setting.serverUpload, file / setting.peerDownload,
            n * file / (setting.serverUpload + n * setting.peerUpload)
        )
        let server = NodeID(0)
        let peerIDs = (1...peers).map(NodeID.init)
        let network = NetworkConfig(
            nodes: [NodeConfig(name: "server", role: .server, upload: setting.serverUpload, download: setting.peerDownload)]
                + peerIDs.map {
                    NodeConfig(name: "p\($0.rawValue)", role: .peer, upload: setting.peerUpload, download: setting.peerDownload)
                }
        )
        // The swarm's events outnumber the server's by about the number of chunks.
        let serverShare = 1 / Double(setting.chunks + 1)
        var clientServer = Simulation(network: network, seed: seed)
        try! clientServer.perform(.serveFile(from: server, to: peerIDs, bits: file))
        guard clientServer.runUntilIdle(between: {
            between(serverShare * min(1, Double($0.now) / 1e6 / csBound))
        }) else { return nil }
        var swarm = Simulation(network: network, seed: seed)
        try! swarm.perform(.startSwarm(SwarmConfig(
            fileBits: file, chunks: setting.chunks, seeds: [server], peers: peerIDs, scheduling: .relay
        )))
        let chunksToSend = Double(peers * setting.chunks)
        guard swarm.runUntilIdle(between: {
            between(serverShare + (1 - serverShare) * min(0.99, Double($0.metrics.messages[.chunk] ?? 0) / chunksToSend))
        }) else { return nil }
        return DistributionResult(
            peers: peers,
            clientServerBound: csBound, clientServerSimulated: clientServer.lastCompletion(of: peerIDs),
            peerToPeerBound: p2pBound, peerToPeerSimulated: swarm.lastCompletion(of: peerIDs)
        )
    }
}

extension Simulation {
    /// Runs until nothing is left to happen, asking `between` after every slice of events
    /// whether to go on; false when it said stop.
    mutating func runUntilIdle(slice: Int = 64, between: (Simulation) -> Bool) -> Bool {
        while run(until: .idle, maxEvents: slice).reason == .eventLimit {
            guard between(self) else { return false }
        }
        return true
    }

    /// When the last of `nodes` had the whole file, in seconds (infinity if one never did).
    func lastCompletion(of nodes: [NodeID]) -> Double {
        var last: SimTime = 0
        for node in nodes {
            guard let done = metrics.completionTimes[node] else { return .infinity }
            last = max(last, done)
        }
        return Double(last) / 1e6
    }
}
