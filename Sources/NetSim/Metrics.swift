/// One value of a time series.
public struct SamplePoint: Sendable, Hashable {
    public let time: SimTime
    public let value: Double
}

/// What the simulation measured: counters and time series for charts.
///
/// Per-node bit series are kept only for networks of at most `nodeSeriesLimit` nodes, so
/// that a 100,000-peer swarm does not spend its memory on charts nobody can draw; the
/// per-node totals in `NodeState` are always kept.
public struct Metrics: Sendable, Equatable {
    public static let nodeSeriesLimit = 512

    /// Messages sent, by kind (the kinds sent at least once).
    public var messages: [MessageKind: Int] {
        var counts: [MessageKind: Int] = [:]
        for (kind, count) in zip(MessageKind.allCases, messageCounts) where count > 0 { counts[kind] = count }
        return counts
    }
    /// Messages sent, by kind in the order of `MessageKind.allCases`: counted at every
    /// message, where a dictionary would hash the kind's name each time.
    private var messageCounts = Array(repeating: 0, count: MessageKind.allCases.count)
    /// Requests thrown away by a full queue.
    public internal(set) var drops = 0
    /// Requests turned away by access control.
    public internal(set) var refusals = 0
    /// Requests a client re-sent after a timeout.
    public internal(set) var retries = 0
    /// Requests a client gave up on.
    public internal(set) var failures = 0
    /// Messages that never arrived (node down, link cut, no route).
    public internal(set) var lost = 0
    /// Corrupt chunks rejected by hash verification, and corrupt chunks kept without it.
    public internal(set) var corruptRejected = 0
    public internal(set) var corruptAccepted = 0
    /// Response time (seconds) of each answered request, at the time it was answered.
    public internal(set) var responseTimes: [SamplePoint] = []
    /// Queue length at each server, whenever it changes.
    public internal(set) var queueLength: [NodeID: [SamplePoint]] = [:]
    /// Cumulative bits sent and received per node, whenever a transfer ends.
    public internal(set) var bitsUp: [NodeID: [SamplePoint]] = [:]
    public internal(set) var bitsDown: [NodeID: [SamplePoint]] = [:]
    /// When each node finished receiving the file it was sent last (a node sent a second
    /// file is no longer counted until that one is in).
    public internal(set) var completionTimes: [NodeID: SimTime] = [:]
    /// Messages and hops each finished lookup cost, in the order they finished.
    public internal(set) var lookups: [LookupResult] = []
    /// Calls set up through a relay, in the order they connected.
    public internal(set) var calls: [CallResult] = []
    public internal(set) var caching = CacheMetrics()

    var keepsNodeSeries = true
    /// The most points a series keeps, nil for no limit. A timeline keeps many copies of
    /// the state, so it bounds them: a longer series is thinned to every other point (its
    /// last point always kept), and per-node series to a 64th of it.
    var seriesLimit: Int?
    private var responseTotal = 0.0
    private var responseCount = 0
    private var responseMax = 0.0

    public var totalMessages: Int { messageCounts.reduce(0, +) }

    /// Mean response time in seconds over every answer, nil before any answer.
    public var meanResponseTime: Double? {
        responseCount == 0 ? nil : responseTotal / Double(responseCount)
    }

    /// The response time (seconds) that a fraction `p` of answers did not exceed
    /// (nearest rank), nil before any answer. Exact unless the series was thinned
    /// (`seriesLimit`); the longest (`p` = 1) always is.
    public func responseTimePercentile(_ p: Double) -> Double? {
        guard !responseTimes.isEmpty else { return nil }
        if p >= 1 { return responseMax }
        let sorted = responseTimes.map(\.value).sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    mutating func countMessage(_ kind: MessageKind) {
        messageCounts[kind.ordinal] += 1
    }

    mutating func recordQueue(_ node: NodeID, length: Int, at time: SimTime) {
        Self.append(SamplePoint(time: time, value: Double(length)), to: &queueLength[node, default: []], limit: seriesLimit)
    }

    mutating func recordResponse(seconds: Double, at time: SimTime) {
        responseTotal += seconds
        responseCount += 1
        responseMax = max(responseMax, seconds)
        Self.append(SamplePoint(time: time, value: seconds), to: &responseTimes, limit: seriesLimit)
    }

    mutating func recordBits(sender: NodeID, sent: Double, receiver: NodeID, received: Double, at time: SimTime) {
        guard keepsNodeSeries else { return }
        let limit = seriesLimit.map { max(2, $0 / 64) }
        Self.append(SamplePoint(time: time, value: sent), to: &bitsUp[sender, default: []], limit: limit)
        Self.append(SamplePoint(time: time, value: received), to: &bitsDown[receiver, default: []], limit: limit)
    }

    /// Appends a point; a series twice its limit long keeps every other point (and its
    /// last), so thinning costs a constant time per point on average.
    private static func append(_ point: SamplePoint, to series: inout [SamplePoint], limit: Int?) {
        series.append(point)
        guard let limit, series.count >= 2 * limit else { return }
        let last = series[series.count - 1]
        series = stride(from: 0, to: series.count - 1, by: 2).map { series[$0] } + [last]
    }
}

/// What one lookup cost and found.
public struct LookupResult: Sendable, Hashable {
    public let from: NodeID
    public let key: String
    public let method: LookupMethod
    /// Who holds the resource, nil when the lookup did not find it.
    public let holder: NodeID?
    /// Every message the lookup caused, replies included.
    public let messages: Int
    /// Hops from the asker to the node that answered.
    public let hops: Int
    public let started: SimTime
    public let finished: SimTime
}

/// A call that was set up through a relay.
public struct CallResult: Sendable, Hashable {
    public let caller: NodeID
    public let callee: NodeID
    public let relay: NodeID
    public let started: SimTime
    public let connected: SimTime
}

private extension MessageKind {
    /// The kind's place in `allCases`.
    var ordinal: Int {
        switch self {
        case .request: 0
        case .response: 1
        case .refused: 2
        case .file: 3
        case .chunk: 4
        case .corruptChunk: 5
        case .lookup: 6
        case .lookupReply: 7
        case .peerList: 8
        case .control: 9
        case .call: 10
        }
    }
}
