import NetSim

/// A live value read from the simulation: the number conditions compare (in base units:
/// microseconds, bits, bit/s, counts) and the text narration shows.
public struct LiveReading: Sendable, Hashable {
    /// nil when there is nothing to measure yet (no node has finished, no answer so far).
    public var number: Double?
    public var text: String

    init(_ number: Double?, _ text: String) {
        self.number = number
        self.text = text
    }

    static let none = LiveReading(nil, "none yet")

    /// The readings of one paragraph, each zero size, rate or duration written in the
    /// unit of the nearest reading of the same kind that is not zero: "3.2 kb by sn1,
    /// 0 kb by sn2", not "0 Mb by sn2", a unit the sentence never used.
    public static func sharingUnits(_ readings: [LiveReading]) -> [LiveReading] {
        let units = readings.map { Units.unit(of: $0.text) }
        return readings.indices.map { index in
            guard readings[index].number == 0, let own = units[index] else { return readings[index] }
            let nearest = readings.indices.filter { readings[$0].number != 0 && units[$0]?.quantity == own.quantity }
                .min { (abs($0 - index), $0) < (abs($1 - index), $1) }
            guard let nearest, let unit = units[nearest]?.unit else { return readings[index] }
            return LiveReading(0, "0 \(unit)")
        }
    }
}

extension LiveValue {
    /// Reads the value over its span: the lesson so far, what grew since the step began
    /// (`stepStartState` is the simulation as it began), or as it was at a kept moment.
    public func read(in simulation: Simulation, stepStartState: Simulation, moments: [String: Simulation], curve: DistributionCurve?) -> LiveReading {
        switch span {
        case .lesson:
            return read(in: simulation, stepStart: stepStartState.now, curve: curve)
        case .step:
            return growth(in: simulation, since: stepStartState, curve: curve)
        case let .moment(name):
            guard let then = moments[name] else { return LiveReading(nil, "not yet") }
            return read(in: then, stepStart: stepStartState.now, curve: curve)
        }
    }

    /// The value as the metrics panel counts it in a scenario that began at `start` (a
    /// `reset`, a new swarm): a total over the lesson grown since then, so that `hits`
    /// reads 0 before anything of the scenario has run; any other value as it is now.
    public func read(in simulation: Simulation, countingFrom start: Simulation, stepStart: SimTime, curve: DistributionCurve?) -> LiveReading {
        guard span == .lesson, isTotal else { return read(in: simulation, stepStart: stepStart, curve: curve) }
        return growth(in: simulation, since: start, curve: curve)
    }

    /// How much the value grew from `before` to `simulation`.
    private func growth(in simulation: Simulation, since before: Simulation, curve: DistributionCurve?) -> LiveReading {
        let now = read(in: simulation, stepStart: before.now, curve: curve)
        guard let total = now.number, let then = read(in: before, stepStart: before.now, curve: curve).number else { return now }
        let grown = total - then
        let isBits = property == .served || property == .received
        return LiveReading(grown, isBits ? Units.format(bits: grown) : String(Int(grown.rounded())))
    }

    /// Reads the value from the simulation as it is now; `elapsed` counts from `stepStart`,
    /// and a curve's points come from `curve`, the latest one measured.
    public func read(in simulation: Simulation, stepStart: SimTime = 0, curve: DistributionCurve? = nil) -> LiveReading {
        switch subject {
        case .simulation:
            if property == .elapsed {
                let elapsed = simulation.now - stepStart
                return LiveReading(Double(elapsed), Units.format(duration: elapsed))
            }
            return readSimulation(simulation)
        case let .node(name):
            guard let id = simulation.network.id(named: name) else { return LiveReading(nil, "no node \(name)") }
            return readNode(simulation.node(id))
        case let .nodes(_, members):
            let ids = members.compactMap { simulation.network.id(named: $0) }
            if property == .finished {
                let done = ids.filter { simulation.metrics.completionTimes[$0] != nil }.count
                return LiveReading(Double(done), "\(done) of \(ids.count)")
            }
            return readNodes(ids.map(simulation.node))
        case .completion:
            return readCompletion(Array(simulation.metrics.completionTimes.values))
        case let .messages(kind):
            let count = simulation.metrics.messages[kind, default: 0]
            return LiveReading(Double(count), String(count))
        case .lookup:
            guard let last = simulation.metrics.lookups.last else { return .none }
            return readLookup(last, in: simulation)
        case let .curve(peers):
            guard let point = curve?.point(peers: peers) else { return .none }
            return readCurvePoint(point)
        case let .route(a, b):
            return readRoute(a, b, in: simulation)
        }
    }

    private func readCurvePoint(_ point: DistributionResult) -> LiveReading {
        let seconds: Double
        switch property {
        case .clientServer: seconds = point.clientServerSimulated
        case .peerToPeer: seconds = point.peerToPeerSimulated
        case .clientServerBound: seconds = point.clientServerBound
        case .peerToPeerBound: seconds = point.peerToPeerBound
        default:
            assertionFailure("the loader only accepts curve properties here")
            return .none
        }
        return LiveReading(seconds.isFinite ? seconds * 1e6 : nil, DistributionCurve.time(seconds))
    }

    /// The one-way delay between two nodes: their link's, or where anyone may talk to
    /// anyone the network's latency plus each end's own; "cut" or "no link" where no
    /// message gets through.
    private func readRoute(_ a: String, _ b: String, in simulation: Simulation) -> LiveReading {
        let network = simulation.network
        guard let first = network.id(named: a), let second = network.id(named: b) else { return LiveReading(nil, "no node \(network.id(named: a) == nil ? a : b)") }
        if first == second { return LiveReading(0, Units.format(duration: 0)) }
        if simulation.isLinkUp(first, second) == false { return LiveReading(nil, "cut") }
        if let link = network.links.first(where: { Set([$0.a, $0.b]) == Set([first, second]) }) {
            return LiveReading(Double(link.latency), Units.format(duration: link.latency))
        }
        guard network.fullMesh else { return LiveReading(nil, "no link") }
        let latency = network.defaultLatency + network.nodes[first.rawValue].latency + network.nodes[second.rawValue].latency
        return LiveReading(Double(latency), Units.format(duration: latency))
    }

    private func readLookup(_ lookup: LookupResult, in simulation: Simulation) -> LiveReading {
        switch property {
        case .messages: return LiveReading(Double(lookup.messages), String(lookup.messages))
        case .hops: return LiveReading(Double(lookup.hops), String(lookup.hops))
        case .found:
            guard let holder = lookup.holder else { return LiveReading(0, "not found") }
            return LiveReading(1, simulation.network.nodes[holder.rawValue].name)
        case .duration:
            let time = lookup.finished - lookup.started
            return LiveReading(Double(time), Units.format(duration: time))
        default:
            assertionFailure("the loader only accepts lookup properties here")
            return .none
        }
    }

    private func readSimulation(_ simulation: Simulation) -> LiveReading {
        let metrics = simulation.metrics
        func count(_ value: Int) -> LiveReading { LiveReading(Double(value), String(value)) }
        func seconds(_ value: Double?) -> LiveReading {
            guard let value else { return .none }
            return LiveReading(value * 1e6, Units.format(duration: SimTime((value * 1e6).rounded())))
        }
        switch property {
        case .time: return LiveReading(Double(simulation.now), Units.format(duration: simulation.now))
        case .latency: return LiveReading(Double(simulation.network.defaultLatency), Units.format(duration: simulation.network.defaultLatency))
        case .events: return count(simulation.eventCount)
        case .messages: return count(metrics.totalMessages)
        case .responses: return count(metrics.messages[.response, default: 0])
        case .dropped: return count(metrics.drops)
        case .refused: return count(metrics.refusals)
        case .lost: return count(metrics.lost)
        case .failed: return count(metrics.failures)
        case .retries: return count(metrics.retries)
        case .inFlight: return count(simulation.inFlight.count)
        case .responseTime: return seconds(metrics.meanResponseTime)
        case .responseTimeMax: return seconds(metrics.responseTimePercentile(1))
        case .corruptRejected: return count(metrics.corruptRejected)
        case .corruptAccepted: return count(metrics.corruptAccepted)
        case .hits: return count(metrics.caching.hits)
        case .misses: return count(metrics.caching.misses)
        default:
            assertionFailure("the loader only accepts simulation properties here")
            return .none
        }
    }

    private func readNode(_ node: NodeState) -> LiveReading {
        switch property {
        case .queue: return LiveReading(Double(node.queueLength), String(node.queueLength))
        case .queueLimit:
            let limit = node.config.queueLimit
            return limit == .max ? LiveReading(.infinity, "unlimited") : LiveReading(Double(limit), String(limit))
        case .served: return LiveReading(node.bitsUp, Units.format(bits: node.bitsUp))
        case .received: return LiveReading(node.bitsDown, Units.format(bits: node.bitsDown))
        case .upload: return LiveReading(node.config.upload, Units.format(rate: node.config.upload))
        case .download: return LiveReading(node.config.download, Units.format(rate: node.config.download))
        case .chunks: return LiveReading(Double(node.chunksHeld), "\(node.chunksHeld)/\(node.chunkCount)")
        case .state:
            if node.hasLeft { return LiveReading(0, "gone") }
            return node.isUp ? LiveReading(1, "up") : LiveReading(0, "down")
        case .done:
            guard let time = node.completedAt else { return LiveReading(nil, "not yet") }
            return LiveReading(Double(time), Units.format(duration: time))
        case .corrupt: return LiveReading(Double(node.corruptChunks), String(node.corruptChunks))
        case .service: return LiveReading(Double(node.config.serviceTime), Units.format(duration: node.config.serviceTime))
        case .timeout:
            guard let timeout = node.config.timeout else { return LiveReading(.infinity, "none") }
            return LiveReading(Double(timeout), Units.format(duration: timeout))
        case .accesses: return LiveReading(Double(node.accessLog.count), String(node.accessLog.count))
        case .refused:
            let refused = node.accessLog.filter { !$0.granted }.count
            return LiveReading(Double(refused), String(refused))
        case .hits: return LiveReading(Double(node.cache?.hits ?? 0), String(node.cache?.hits ?? 0))
        case .misses: return LiveReading(Double(node.cache?.misses ?? 0), String(node.cache?.misses ?? 0))
        default:
            assertionFailure("the loader only accepts node properties here")
            return .none
        }
    }

    private func readNodes(_ nodes: [NodeState]) -> LiveReading {
        switch property {
        case .served:
            let bits = nodes.reduce(0) { $0 + $1.bitsUp }
            return LiveReading(bits, Units.format(bits: bits))
        case .received:
            let bits = nodes.reduce(0) { $0 + $1.bitsDown }
            return LiveReading(bits, Units.format(bits: bits))
        case .queue:
            let waiting = nodes.reduce(0) { $0 + $1.queueLength }
            return LiveReading(Double(waiting), String(waiting))
        case .corrupt:
            let damaged = nodes.filter { $0.corruptChunks > 0 }.count
            return LiveReading(Double(damaged), "\(damaged) of \(nodes.count)")
        case .busiest:
            guard let busiest = nodes.max(by: { ($0.bitsUp, $1.id) < ($1.bitsUp, $0.id) }), busiest.bitsUp > 0 else { return .none }
            return LiveReading(busiest.bitsUp, "\(busiest.config.name) (\(Units.format(bits: busiest.bitsUp)))")
        case .hits, .misses, .accesses:
            let total = nodes.reduce(0) { total, node in
                total + (property == .hits ? node.cache?.hits ?? 0 : property == .misses ? node.cache?.misses ?? 0 : node.accessLog.count)
            }
            return LiveReading(Double(total), String(total))
        default:
            assertionFailure("the loader only accepts group properties here")
            return .none
        }
    }

    private func readCompletion(_ times: [SimTime]) -> LiveReading {
        if property == .count { return LiveReading(Double(times.count), String(times.count)) }
        guard !times.isEmpty else { return .none }
        let value: SimTime
        switch property {
        case .min: value = times.min()!
        case .max: value = times.max()!
        case .mean: value = SimTime((Double(times.reduce(0, +)) / Double(times.count)).rounded())
        default:
            assertionFailure("the loader only accepts completion properties here")
            return .none
        }
        return LiveReading(Double(value), Units.format(duration: value))
    }
}
