/// The discrete-event engine: a network, what is happening on it, and the queue of what
/// will happen next.
///
/// A `Simulation` is a value. Copying it is a snapshot; the same seed and the same
/// commands always produce the same events at the same times (compare `traceHash`).
public struct Simulation: Sendable, Equatable {
    /// The network as it is now (after nodes joined or capacities changed).
    public internal(set) var network: NetworkConfig
    public internal(set) var now: SimTime = 0
    /// Events handled so far.
    public internal(set) var eventCount = 0
    public internal(set) var metrics = Metrics()
    /// Whether peers check chunks against their hash before keeping them.
    public internal(set) var verification = true

    var trace = TraceHash()
    var random: SeededGenerator
    var queue = EventQueue()
    var nodes: [NodeRuntime]
    var links: [LinkKey: LinkRuntime] = [:]
    var transfers: TransferTable
    var flights = FlightTable()
    /// Each protocol's state (see the module documentation).
    var requests = RequestsState()
    var access = PerNode(empty: AccessRules())
    var discovery = DiscoveryState()
    var calls: [CallRecord] = []
    var hold = HoldState()
    var caches = CacheState()
    /// The swarm running or last run; an empty one before any starts.
    var swarm = SwarmState()
    /// Who knows and uploads to whom in the swarm, when it runs in BitTorrent mode.
    var bitTorrent = BitTorrentState()
    /// What the stage's marks need that no protocol keeps (see `MarkFacts`).
    var markFacts = MarkFacts()
    var nextMessageID = 1
    /// Nodes whose upload or download sharing changed during the current event.
    var staleSenders: [NodeID] = []
    var staleReceivers: [NodeID] = []
    var rerateScratch: RerateScratch

    public init(network: NetworkConfig, seed: UInt64) {
        self.network = network
        random = SeededGenerator(seed: seed)
        nodes = Array(repeating: NodeRuntime(), count: network.nodes.count)
        rerateScratch = RerateScratch(nodeCount: network.nodes.count)
        transfers = TransferTable(capacities: network.nodes.map { ($0.upload, $0.download) })
        for link in network.links {
            links[LinkKey(link.a, link.b)] = LinkRuntime(latency: link.latency)
        }
        metrics.keepsNodeSeries = network.nodes.count <= Metrics.nodeSeriesLimit
    }

    /// A hash of every event handled so far: equal for equal runs.
    public var traceHash: UInt64 { trace.value }

    /// Nothing is left to happen.
    public var isIdle: Bool { queue.liveCount == 0 }

    /// Messages on their way now, oldest first, for drawing.
    public var inFlight: [Message] {
        flights.messages { flight in
            var message = flight.message
            if let transfer = flight.transfer {
                message.arrives = estimatedArrival(of: transfer, latency: flight.latency ?? 0)
            }
            return message
        }
    }

    /// Runs exactly one event and says what it did; nil when nothing is left to happen.
    public mutating func step() -> StepReport? {
        guard let happening = handleNextEvent() else { return nil }
        return StepReport(
            index: eventCount, time: now, kind: happening.kind, message: happening.message,
            node: happening.node, facts: describe(happening)
        )
    }

    /// Runs events until `condition` holds, nothing is left, or `maxEvents` have run.
    @discardableResult
    public mutating func run(until condition: StopCondition, maxEvents: Int = .max) -> RunOutcome {
        runSteps(until: condition, maxEvents: maxEvents)
    }

    /// Moves the clock forward to `time` without handling anything (nothing is due before).
    mutating func advanceClock(to time: SimTime) {
        if time > now { now = time }
    }

    /// When the next live event is due, nil when idle. Discards stale events at the head
    /// of the queue, exactly as handling the next event would.
    mutating func nextEventTime() -> SimTime? {
        guard let scheduled = popNextLive() else { return nil }
        queue.putBack(scheduled)
        return scheduled.time
    }

    /// Takes the next event that is due to be handled: skips stale events and re-arms
    /// completion events that fired before their transfer was done.
    private mutating func popNextLive() -> ScheduledEvent? {
        guard !isIdle else { return nil }
        while let scheduled = queue.popMin() {
            guard isLive(scheduled.event) else {
                queue.discardedStale()
                continue
            }
            if case let .transmitted(transfer, _) = scheduled.event, rearmIfEarly(transfer, firedAt: scheduled.time) {
                continue
            }
            return scheduled
        }
        return nil
    }

    /// Pops the next live event, handles it and mixes it into the trace. Changes nothing
    /// when idle, so asking an idle simulation to step leaves it equal to itself.
    mutating func handleNextEvent() -> Happening? {
        guard let scheduled = popNextLive() else { return nil }
        assert(scheduled.time >= now, "time went backwards")
        now = scheduled.time
        eventCount += 1
        let happening = dispatch(scheduled.event)
        markFacts.note(happening)
        applyPendingRerates()
        trace.mix(UInt64(bitPattern: now))
        trace.mix(happening.kind.traceCode)
        trace.mix(happening.message?.id ?? -1)
        trace.mix(happening.node?.rawValue ?? -1)
        return happening
    }

    /// Throws unless `id` names a node of this network.
    func check(_ id: NodeID) throws(SimError) {
        guard nodes.indices.contains(id.rawValue) else { throw .unknownNode(id) }
    }

    func name(_ id: NodeID) -> String { network.nodes[id.rawValue].name }
}

/// What an event did, kept small so that running without reports costs little.
struct Happening {
    var kind: EventKind
    var message: Message?
    var node: NodeID?
    var request: Int?
}

extension EventKind {
    /// A fixed number per kind for the trace hash (cheaper than hashing the name).
    var traceCode: Int {
        switch self {
        case .transmitted: 0
        case .delivered: 1
        case .lost: 2
        case .accepted: 3
        case .queued: 4
        case .dropped: 5
        case .refused: 6
        case .served: 7
        case .timedOut: 8
        case .gaveUp: 9
        case .completed: 10
        case .rejected: 11
        case .rechoked: 12
        case .found: 13
        case .connected: 14
        case .timer: 15
        case .hit: 16
        case .miss: 17
        case .left: 18
        }
    }
}
