import NetSim
import Yams

/// `- curve: { file: 1Gb, chunks: 100, server: server, peer: p1, peers: [5, 10, 20, 40] }`:
/// measures distribution times for several crowd sizes in separate runs of the engine and
/// draws them against the number of peers; changes nothing in this simulation.
struct CurveAction: ActionDefinition {
    static let names = ["curve"]
    static let fields = ["file", "chunks", "server", "peer", "peers"]

    var spec: CurveSpec

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> CurveAction? {
        guard let spec = read(entry, log: &log) else {
            scope.curveFailed()
            return nil
        }
        scope.measuredCurve(sizes: spec.sizes)
        return CurveAction(spec: spec)
    }

    /// Each point is a whole simulated distribution, run when the step is reached, so the
    /// figures stay lesson-sized (see `LessonLimits`; `netstep experiment distribution`
    /// is the place for thousands of peers).
    private static func read(_ entry: ActionEntry, log: inout DiagnosticLog) -> CurveSpec? {
        let (reader, targets) = (entry.reader, entry.targets)
        guard let fields = entry.fields(Self.fields, log: &log) else { return nil }
        let file = entry.require("file", in: fields, log: &log).flatMap { reader.bits($0, "file", log: &log) }
        let chunks = fields["chunks"].map { reader.integer($0, "chunks", in: LessonLimits.curveChunks, log: &log) } ?? 100
        let server = entry.require("server", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        let peer = entry.require("peer", in: fields, log: &log).flatMap { targets.node($0, log: &log) }
        guard let sizesNode = entry.require("peers", in: fields, log: &log) else { return nil }
        let items = reader.list(sizesNode)
        let sizes = items.map { reader.integer($0, "a crowd size", in: LessonLimits.curveSizes, log: &log) }
        guard let file, let chunks, let server, let peer, !sizes.contains(nil) else { return nil }
        let counts = sizes.compactMap { $0 }
        let points = LessonLimits.curvePoints
        guard points.contains(counts.count) else {
            log.error("a curve measures \(points.lowerBound) to \(points.upperBound) crowd sizes, like 'peers: [5, 10, 20, 40]'", at: reader.location(sizesNode))
            return nil
        }
        for index in counts.indices.dropFirst() where counts[index] <= counts[index - 1] {
            log.error("crowd sizes go from smallest to largest, each once: \(counts[index]) comes after \(counts[index - 1])", at: reader.location(items[index]))
            return nil
        }
        let spec = CurveSpec(fileBits: file, chunks: chunks, server: server, peer: peer, sizes: counts)
        return withinLimits(spec, fields: fields, entry: entry, log: &log) ? spec : nil
    }

    /// The budget checks (see `LessonLimits`): each error names the limit and the value,
    /// at the field that went over it.
    private static func withinLimits(_ spec: CurveSpec, fields: YAMLFields, entry: ActionEntry, log: inout DiagnosticLog) -> Bool {
        let reader = entry.reader
        if spec.fileBits > LessonLimits.fileBits {
            log.error("a curve's file may be at most \(Units.format(bits: LessonLimits.fileBits)), not \(Units.format(bits: spec.fileBits))",
                      at: fields["file"].map(reader.location) ?? entry.location)
            return false
        }
        let deliveries = spec.sizes.reduce(0, +) * spec.chunks
        if deliveries > LessonLimits.curveDeliveries {
            log.error("this curve measures \(deliveries) chunk deliveries (crowd sizes adding up to \(spec.sizes.reduce(0, +)), × \(spec.chunks) chunks); a curve may measure at most \(LessonLimits.curveDeliveries)",
                      at: fields["peers"].map(reader.location) ?? entry.location)
            return false
        }
        return true
    }

    var changesSimulation: Bool { false }

    var summary: String {
        let sizes = spec.sizes.map(String.init).joined(separator: ", ")
        return "distribution times measured for \(sizes) peers, client-server and peer-to-peer (a file of \(Units.format(bits: spec.fileBits)) in \(spec.chunks) chunks, \(spec.server)'s upload, \(spec.peer)'s rates)"
    }

    /// The curve takes the stage until a later step changes the simulation.
    func stage(_ stage: inout ActionStage) {
        do {
            stage.picture.curve = (try stage.measure(spec), stage.step)
            stage.picture.curveOnStage = true
        } catch {
            stage.problems.append(error.reason)
        }
    }
}
