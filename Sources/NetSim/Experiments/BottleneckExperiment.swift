import Foundation

/// One server of fixed capacity and a growing number of clients, each asking at random
/// (a Poisson process): how response times and drops grow as the server saturates.
public struct BottleneckSetting: Sendable, Hashable {
    /// Time the server spends on each request.
    public var serviceTime: SimTime
    /// Requests that may wait while one is served.
    public var queueLimit: Int
    /// Requests each client sends per second, on average.
    public var requestsPerClientPerSecond: Double
    /// How long clients keep asking.
    public var duration: SimTime
    /// Server upload (bit/s) and the size of each answer.
    public var serverUpload: Double
    public var responseBytes: Int

    public init(
        serviceTime: SimTime, queueLimit: Int, requestsPerClientPerSecond: Double, duration: SimTime,
        serverUpload: Double, responseBytes: Int
    ) {
        self.serviceTime = serviceTime
        self.queueLimit = queueLimit
        self.requestsPerClientPerSecond = requestsPerClientPerSecond
        self.duration = duration
        self.serverUpload = serverUpload
        self.responseBytes = responseBytes
    }
}

/// What clients experienced, for one number of clients. Times in seconds.
public struct BottleneckResult: Sendable, Hashable {
    public let clients: Int
    public let requests: Int
    public let meanResponse: Double?
    /// The 95th percentile of response times: what the unluckiest one in twenty waited.
    public let p95Response: Double?
    /// Fraction of requests the server threw away because its queue was full.
    public let dropRate: Double
    /// The server's load: requests offered per second times the service time.
    public let offeredLoad: Double
}

public enum BottleneckExperiment {
    /// Every client's download rate in bit/s: an answer arrives no faster than this.
    public static let clientDownload = 100e6

    public static func run(_ setting: BottleneckSetting, clients: Int, seed: UInt64 = 1) -> BottleneckResult {
        guard let result = run(setting, clients: clients, seed: seed, between: { _ in true }) else {
            preconditionFailure("a run that is never told to stop finishes")
        }
        return result
    }

    /// The same run, telling `between` every thousand requests how far it has come (0 to
    /// 1, by simulated time) and asking whether to go on; nil when it said stop.
    public static func run(
        _ setting: BottleneckSetting, clients: Int, seed: UInt64 = 1, between: (Double) -> Bool
    ) -> BottleneckResult? {
        precondition(clients > 0 && setting.requestsPerClientPerSecond > 0, "needs clients who ask")
        let server = NodeID(0)
        let network = NetworkConfig(
            nodes: [NodeConfig(
                name: "server", role: .server, upload: setting.serverUpload, download: 1e9,
                serviceTime: setting.serviceTime, queueLimit: setting.queueLimit
            )] + (1...clients).map { NodeConfig(name: "c\($0)", role: .client, upload: 10e6, download: clientDownload) },
            defaultLatency: 5_000
        )
        var arrivals = SeededGenerator(seed: seed ^ 0x5EED)
        var requests: [(time: SimTime, client: NodeID)] = []
        let meanGap = 1e6 / setting.requestsPerClientPerSecond
        for client in 1...clients {
            if client % 100 == 0, !between(0) { return nil }
            var time = 0.0
            while true {
                let uniform = (Double(arrivals.next() >> 11) + 0.5) / Double(1 << 53)
                time += -meanGap * log(uniform)
                guard time < Double(setting.duration) else { break }
                requests.append((SimTime(time), NodeID(client)))
            }
        }
        requests.sort { ($0.time, $0.client) < ($1.time, $1.client) }
        var sim = Simulation(network: network, seed: seed)
        for (index, request) in requests.enumerated() {
            if index % 1000 == 999, !between(min(0.99, Double(request.time) / Double(setting.duration))) { return nil }
            sim.run(until: .time(request.time))
            try! sim.perform(.request(from: request.client, to: server, what: "GET /report", bytes: 400, responseBytes: setting.responseBytes))
        }
        sim.run(until: .idle)
        let offered = Double(clients) * setting.requestsPerClientPerSecond * Double(setting.serviceTime) / 1e6
        return BottleneckResult(
            clients: clients, requests: requests.count, meanResponse: sim.metrics.meanResponseTime,
            p95Response: sim.metrics.responseTimePercentile(0.95),
            dropRate: requests.isEmpty ? 0 : Double(sim.metrics.drops) / Double(requests.count),
            offeredLoad: offered
        )
    }
}
