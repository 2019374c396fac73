import NetSim

extension MetricsView {
    /// The metrics panel for a frame: queue gauges for servers whose queue has a limit,
    /// upload gauges for servers, a trend up to the instant shown (how many of the nodes
    /// sharing a file have the whole of it, as the "done" count says; else a server's
    /// queue, else how long answers took), what each node has uploaded so far, and each
    /// peer's share of the file.
    /// `focus` says what a lesson is about: its highlighted nodes come first wherever
    /// only some nodes fit, and file progress is shown only for the nodes taking part in
    /// the file being shared. `countsFrom`: the counts when the scenario on screen began
    /// (a new swarm, a lesson's `reset`), taken away so the counts are this scenario's;
    /// `since`: when that scenario began, where the trend starts (a sparkline from the
    /// run's start would draw another scenario's history under this one's title).
    init(_ frame: Frame, focus: MetricsFocus = MetricsFocus(), countsFrom start: Metrics? = nil, since: SimTime = 0) {
        let simulation = frame.simulation, time = frame.time
        let states = focus.ordered(frame.nodes)
        // A server that takes no part in the file shared now (a swarm beside it) has
        // nothing to show in this scenario.
        let servers = states.filter { $0.config.role == .server && focus.belongs($0) }
        for server in servers.prefix(2) {
            let name = server.config.name, limit = server.config.queueLimit
            // A server seeding a swarm sends chunks, not answers: its queue of requests
            // stays empty and says nothing about the swarm (resilience showed `0/16`).
            if limit > 0, limit < Int.max, server.chunkCount == 0 {
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

        if let seeds = Self.seedsShare(states, focus: focus, simulation: simulation) { gauges.append(seeds) }

        // What each node sent in this scenario: its total less what it had sent when the
        // scenario began (the last point of its series then; a crowd too large for
        // per-node series counts from the start of the run).
        let sent = states.map { max(0, $0.bitsUp - (start?.bitsUp[$0.id]?.last?.value ?? 0)) }
        let busiest = sent.max() ?? 0
        if busiest > 0 {
            // Sorted by index: moving whole node states about cost more than the sort.
            uploads = states.indices.filter { sent[$0] > 0 }.sorted { sent[$0] > sent[$1] }.map {
                Meter(label: states[$0].config.name, fraction: sent[$0] / busiest, bits: sent[$0])
            }
        }
        let fileShares = FileShares(frame)
        // By index: an array of node states would copy each one, which cost more than the rest.
        let sharing = states.indices.compactMap { index -> (index: Int, share: Double)? in
            let state = states[index]
            guard !state.config.role.isHub, focus.takesPart(state), let share = fileShares.share(of: state) else { return nil }
            return (index, share)
        }
        let finished = sharing.compactMap { fileShares.finished(states[$0.index]) }
        let metrics = simulation.metrics
        func count(_ figure: KeyPath<Metrics, Int>) -> Int { max(0, metrics[keyPath: figure] - (start?[keyPath: figure] ?? 0)) }
        func messages(_ kind: MessageKind) -> Int { max(0, metrics.messages[kind, default: 0] - (start?.messages[kind, default: 0] ?? 0)) }
        // Seeds (whole from the start, never finishing) are left out of the counts: "done"
        // counts those that finished, as the trend does.
        let getting = sharing.filter { $0.share < 1 || fileShares.finished(states[$0.index]) != nil }
        // Nodes finishing mean something only while someone in this scenario gets a file
        // (a call after a swarm has nobody); answer times once this scenario has answers.
        trend = Self.trend(simulation: simulation, servers: servers, finished: getting.isEmpty ? nil : finished,
                           answered: messages(.response) > 0, from: min(since, time), until: time)
        if sharing.count > Self.largestShareList {
            // Two meters for the crowd, made without a meter (and its text) for each node,
            // each bar showing what its figure says: how much of the file has come, and
            // how many have all of it.
            if !getting.isEmpty {
                let received = getting.map(\.share).reduce(0, +) / Double(getting.count)
                shares = [
                    Meter(label: "received", fraction: received, value: "\(Int((received * 100).rounded(.down)))%",
                          alarm: sharing.contains { states[$0.index].corruptChunks > 0 }),
                    Meter(label: "done", fraction: Double(finished.count) / Double(getting.count), value: "\(finished.count) of \(getting.count)"),
                ]
            }
        } else {
            shares = sharing.map { index, share in
                Meter(label: states[index].config.name, fraction: share, value: "\(Int((share * 100).rounded(.down)))%",
                      alarm: states[index].corruptChunks > 0)
            }
            // Malicious nodes are counted apart, after the figures, which a narrow panel
            // keeps first: "8 peers: 2 done, 6 at 30-50%, +1 malicious".
            let honest = getting.filter { !states[$0.index].malicious }, malicious = getting.count - honest.count
            if !honest.isEmpty {
                sharesSummary = Self.summary(of: honest.map(\.share), crowd: Self.crowd(honest.map { states[$0.index] }))
                    + (malicious > 0 ? ", +\(malicious) malicious" : "")
            }
        }

        // What went wrong (counted only once it happens) is what a lesson is about: it
        // comes before the message totals, which a narrow panel leaves out first.
        var parts: [String] = []
        for (label, figure) in [("dropped", \Metrics.drops), ("refused", \.refusals), ("lost", \.lost),
                                ("rejected", \.corruptRejected), ("corrupt kept", \.corruptAccepted)] where count(figure) > 0 {
            parts.append("\(label) \(count(figure))")
        }
        counters = parts + ["messages \(count(\.totalMessages))", "in flight \(frame.inFlight.count)"]
    }

    /// Everyone's share of the file in one line, for a panel with no room for a bar each:
    /// "12 peers: 3 done, 9 at 40-80%".
    static func summary(of shares: [Double], crowd: String) -> String {
        let done = shares.count { $0 >= 1 }
        let rest = shares.filter { $0 < 1 }.map { Int(($0 * 100).rounded(.down)) }
        guard let low = rest.min(), let high = rest.max() else { return "\(crowd): all done" }
        return "\(crowd): \(done) done, \(rest.count) at \(low == high ? "\(low)" : "\(low)-\(high)")%"
    }

    /// Who a summary speaks of, counted by what they do in the order they first appear
    /// (a swarm's members are peers, whatever their role): "12 peers", "10 clients,
    /// 10 peers" (not "20 peers").
    static func crowd(_ nodes: [NodeState]) -> String {
        var counts: [(kind: String, count: Int)] = []
        for node in nodes {
            let kind = node.chunkCount > 0 ? "peer" : node.config.role.rawValue
            if let index = counts.firstIndex(where: { $0.kind == kind }) { counts[index].count += 1 } else { counts.append((kind, 1)) }
        }
        return counts.map { "\($0.count) \($0.kind)\($0.count == 1 ? "" : "s")" }.joined(separator: ", ")
    }

    /// In a swarm, how much of what its members send now comes from the seeds: all of it
    /// at first, less and less as the peers pass pieces on to each other; "-" while no
    /// member is sending, so the gauge keeps its row (a row that came and went between
    /// frames moved every row below it). Nil when there is no swarm.
    private static func seedsShare(_ states: [NodeState], focus: MetricsFocus, simulation: Simulation) -> Meter? {
        var seeds = 0, seedName = "", fromSeeds = 0.0, total = 0.0
        for state in states where focus.takesPart(state) {
            guard let part = simulation.swarmPart(of: state.id), !part.departed else { continue }
            total += state.uploadRate
            if part.isSeed {
                seeds += 1
                seedName = state.config.name
                fromSeeds += state.uploadRate
            }
        }
        guard seeds > 0 else { return nil }
        let label = "from \(seeds == 1 ? seedName : "seeds") now"
        guard total > 0 else { return Meter(label: label, fraction: 0, value: "-") }
        let share = fromSeeds / total
        return Meter(label: label, fraction: share, value: "\(Int((share * 100).rounded()))%")
    }

    /// Beyond this many, the nodes' shares of the file are summed up in two bars (the grid
    /// on the stage shows each node's share as its shade).
    static let largestShareList = 24

    /// Points a trend is sampled at: more than any panel is wide.
    static let trendSamples = 64

    /// `finished`: when each node sharing the file came to hold it, which the "done"
    /// count beside the shares reads too, so the two always agree; nil when no file is
    /// shared in the scenario on screen. `answered`: whether the scenario has had
    /// answers, without which their times are another scenario's.
    private static func trend(
        simulation: Simulation, servers: [NodeState], finished: [SimTime]?, answered: Bool, from start: SimTime, until now: SimTime
    ) -> Trend? {
        guard now > start else { return nil }
        let metrics = simulation.metrics
        let times = (1...trendSamples).map { start + (now - start) * SimTime($0) / SimTime(trendSamples) }
        if let finished {
            let finished = finished.sorted()
            let counts = times.map { time in Double(finished.prefix { $0 <= time }.count) }
            return Trend(label: "finished", values: counts, value: "\(Int(counts.last ?? 0))")
        }
        if let server = servers.first {
            let series = metrics.queueLength[server.id] ?? []
            let limit = server.config.queueLimit
            // With two servers on the stage the trend says whose queue it draws.
            let label = servers.count > 1 ? "\(server.config.name) queue" : "queue"
            return Trend(label: label, values: times.map { value(of: series, at: $0) }, value: "\(server.queueLength)",
                         maximum: limit > 0 && limit < Int.max ? Double(limit) : nil)
        }
        guard answered, !metrics.responseTimes.isEmpty else { return nil }
        let answers = times.map { value(of: metrics.responseTimes, at: $0) }
        return Trend(label: "answer", values: answers,
                     value: Units.format(duration: SimTime(((answers.last ?? 0) * 1e6).rounded())))
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

/// What a lesson says matters in the metrics panel now.
struct MetricsFocus: Hashable, Sendable {
    /// Nodes the lesson points at, shown first.
    var highlighted: [String] = []
    /// The nodes taking part in the file being shared (none: no file is, as in a call
    /// after a swarm); nil: every node that holds a share of a file (the sandbox, where
    /// the learner starts every transfer).
    var sharing: Set<String>? = nil

    /// The nodes in their order, highlighted ones first (in the order they were pointed at).
    func ordered(_ nodes: [NodeState]) -> [NodeState] {
        guard !highlighted.isEmpty else { return nodes }
        let rank = Dictionary(highlighted.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        return nodes.enumerated().sorted {
            (rank[$0.element.config.name] ?? Int.max, $0.offset) < (rank[$1.element.config.name] ?? Int.max, $1.offset)
        }.map(\.element)
    }

    func takesPart(_ node: NodeState) -> Bool {
        sharing?.contains(node.config.name) ?? true
    }

    /// Whether the node belongs to the scenario on screen: any node while no file is
    /// shared, else those taking part in it.
    func belongs(_ node: NodeState) -> Bool {
        sharing?.isEmpty != false || takesPart(node)
    }
}
