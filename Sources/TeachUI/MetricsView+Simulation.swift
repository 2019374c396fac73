import NetSim

extension MetricsView {
    /// The metrics panel for a simulation: queue and upload gauges for servers, a trend
    /// (a server's queue, or the whole network's upload rate when there is no server),
    /// what each node has uploaded so far, and each peer's share of the file.
    init(simulation: Simulation) {
        let states = simulation.nodeIDs.map(simulation.node).filter { !$0.hasLeft }
        let servers = states.filter { $0.config.role == .server }
        for server in servers.prefix(2) {
            let name = server.config.name, limit = server.config.queueLimit
            if limit > 0 {
                gauges.append(Meter(
                    label: "\(name) queue", fraction: Double(server.queueLength) / Double(limit),
                    value: "\(server.queueLength)/\(limit)", alarm: server.queueLength >= limit))
            }
            let capacity = server.config.upload
            if capacity > 0, capacity.isFinite {
                let load = server.uploadRate / capacity
                gauges.append(Meter(label: "\(name) upload", fraction: load, value: "\(Int((load * 100).rounded()))%", alarm: load >= 0.999))
            }
        }
        trend = Self.trend(simulation: simulation, servers: servers)

        let busiest = states.map(\.bitsUp).max() ?? 0
        if busiest > 0 {
            uploads = states.filter { $0.bitsUp > 0 }.map {
                Meter(label: $0.config.name, fraction: $0.bitsUp / busiest, value: Units.format(bits: $0.bitsUp))
            }
        }
        shares = states.filter { $0.chunkCount > 0 && !$0.config.role.isHub }.map {
            let share = Double($0.chunksHeld) / Double($0.chunkCount)
            return Meter(label: $0.config.name, fraction: share, value: "\(Int((share * 100).rounded(.down)))%",
                         alarm: $0.corruptChunks > 0)
        }

        let metrics = simulation.metrics
        var parts = ["messages \(metrics.totalMessages)", "in flight \(simulation.inFlight.count)"]
        if metrics.drops > 0 { parts.append("dropped \(metrics.drops)") }
        if metrics.refusals > 0 { parts.append("refused \(metrics.refusals)") }
        if metrics.lost > 0 { parts.append("lost \(metrics.lost)") }
        if metrics.corruptRejected > 0 { parts.append("rejected \(metrics.corruptRejected)") }
        if metrics.corruptAccepted > 0 { parts.append("corrupt kept \(metrics.corruptAccepted)") }
        counters = parts.joined(separator: " · ")
    }

    /// Points a trend is sampled at: more than any panel is wide.
    static let trendSamples = 64

    private static func trend(simulation: Simulation, servers: [NodeState]) -> Trend? {
        let now = simulation.now
        guard now > 0 else { return nil }
        let times = (1...trendSamples).map { now * SimTime($0) / SimTime(trendSamples) }
        if let server = servers.first {
            let series = simulation.metrics.queueLength[server.id] ?? []
            return Trend(label: "queue", values: times.map { value(of: series, at: $0) }, value: "\(server.queueLength)",
                         maximum: server.config.queueLimit > 0 && server.config.queueLimit < Int.max ? Double(server.config.queueLimit) : nil)
        }
        let series = Array(simulation.metrics.bitsUp.values)
        guard !series.isEmpty else { return nil }
        let totals = times.map { time in series.reduce(0) { $0 + value(of: $1, at: time) } }
        let seconds = Double(now) / 1e6 / Double(trendSamples)
        let rates = zip([0] + totals, totals).map { ($1 - $0) / seconds }
        return Trend(label: "upload", values: rates, value: Units.format(rate: rates.last ?? 0))
    }

    /// The last value of a series at or before `time` (0 before its first point).
    private static func value(of series: [SamplePoint], at time: SimTime) -> Double {
        var low = 0, high = series.count
        while low < high {
            let mid = (low + high) / 2
            if series[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : series[low - 1].value
    }
}
