import NetSim

/// What a `curve` action measures: the time to give one file to crowds of several sizes,
/// by a server alone (client-server) and by a swarm the server seeds (peer-to-peer).
///
/// The rates are not written in the action but read from two of the lesson's nodes when
/// the action runs, so a tutor who changes the network (or a capacity earlier in the
/// lesson) gets a curve, and narration, that agree with the change.
public struct CurveSpec: Sendable, Hashable {
    public var fileBits: Double
    public var chunks: Int
    /// The node whose upload rate is the server's and the swarm's seed's (u_s).
    public var server: String
    /// The node whose upload and download rates every member of the crowd gets (u, d).
    public var peer: String
    /// Crowd sizes, ascending and distinct.
    public var sizes: [Int]
}

/// Distribution times the engine measured for each crowd size of a `curve` action: every
/// point is a run of the textbook setting (Kurose and Ross §2.5), simulated event by
/// event, next to the formulas' bounds.
public struct DistributionCurve: Sendable, Hashable {
    public var spec: CurveSpec
    /// The rates read from the network when the curve was measured.
    public var setting: DistributionSetting
    /// One result per size, in the order of `spec.sizes`.
    public var points: [DistributionResult]

    /// Why a curve could not be measured, in words for `netstep check`.
    struct Unmeasurable: Error {
        var reason: String
    }

    /// The setting the curve measures on the rates `network` has now.
    static func setting(for spec: CurveSpec, on network: NetworkConfig) throws(Unmeasurable) -> DistributionSetting {
        guard let server = network.id(named: spec.server), let peer = network.id(named: spec.peer) else {
            throw Unmeasurable(reason: "the curve reads its rates from \(spec.server) and \(spec.peer), and one of them has left the network")
        }
        let (source, member) = (network.nodes[server.rawValue], network.nodes[peer.rawValue])
        guard source.upload > 0, member.upload > 0, member.download > 0 else {
            throw Unmeasurable(reason: "the curve needs \(spec.server)'s upload and \(spec.peer)'s upload and download to be above zero")
        }
        return DistributionSetting(
            fileBits: spec.fileBits, serverUpload: source.upload, peerDownload: member.download, peerUpload: member.upload,
            chunks: spec.chunks)
    }

    /// Runs the engine once per crowd size, client-server and peer-to-peer.
    init(spec: CurveSpec, setting: DistributionSetting, seed: UInt64) {
        self.spec = spec
        self.setting = setting
        points = spec.sizes.map { DistributionExperiment.run(setting, peers: $0, seed: seed) }
    }

    /// The curve without its runs, for a check that only needs to know it can be measured.
    init(unmeasured spec: CurveSpec, setting: DistributionSetting) {
        self.spec = spec
        self.setting = setting
        points = []
    }

    /// A point's time in seconds as narration writes durations; "never" for a crowd that
    /// did not get the file.
    public static func time(_ seconds: Double) -> String {
        seconds.isFinite ? Units.format(duration: SimTime((seconds * 1e6).rounded())) : "never"
    }

    /// The point measured for `peers`, if the curve has one.
    public func point(peers: Int) -> DistributionResult? {
        points.first { $0.peers == peers }
    }
}
