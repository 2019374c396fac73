import NetSim
import Yams

/// The budget checks of actions whose cost grows with their figures (see `LessonLimits`):
/// each error names the limit and the value, at the field that went over it.
extension ActionParser {
    func swarmWithinLimits(_ spec: SwarmSpec, fields: YAMLFields, at node: Node, log: inout DiagnosticLog) -> Bool {
        let fileLocation = fields["file"].map(reader.location) ?? reader.location(node)
        let chunksLocation = fields["chunks"].map(reader.location) ?? reader.location(node)
        if spec.fileBits > LessonLimits.fileBits {
            log.error("a swarm's file may be at most \(Units.format(bits: LessonLimits.fileBits)), not \(Units.format(bits: spec.fileBits))", at: fileLocation)
            return false
        }
        if spec.fileBits / Double(spec.chunks) < LessonLimits.chunkBits {
            log.error("chunks of \(Units.format(bits: spec.fileBits / Double(spec.chunks))) are too small: a chunk (file over chunks) must be at least \(Units.format(bits: LessonLimits.chunkBits))", at: chunksLocation)
            return false
        }
        let deliveries = spec.peers.count * spec.chunks
        if deliveries > LessonLimits.swarmDeliveries {
            log.error("this swarm needs \(deliveries) chunk deliveries (\(spec.peers.count) peers × \(spec.chunks) chunks); a swarm may need at most \(LessonLimits.swarmDeliveries)", at: chunksLocation)
            return false
        }
        if let rechoke = spec.rechoke, rechoke < LessonLimits.rechoke {
            log.error("rechoke must be at least \(Units.format(duration: LessonLimits.rechoke)), not \(Units.format(duration: rechoke)): each re-choke is an event for the whole swarm",
                      at: fields["rechoke"].map(reader.location) ?? reader.location(node))
            return false
        }
        return true
    }

    func curveWithinLimits(_ spec: CurveSpec, fields: YAMLFields, at node: Node, log: inout DiagnosticLog) -> Bool {
        if spec.fileBits > LessonLimits.fileBits {
            log.error("a curve's file may be at most \(Units.format(bits: LessonLimits.fileBits)), not \(Units.format(bits: spec.fileBits))",
                      at: fields["file"].map(reader.location) ?? reader.location(node))
            return false
        }
        let deliveries = spec.sizes.reduce(0, +) * spec.chunks
        if deliveries > LessonLimits.curveDeliveries {
            log.error("this curve measures \(deliveries) chunk deliveries (crowd sizes adding up to \(spec.sizes.reduce(0, +)), × \(spec.chunks) chunks); a curve may measure at most \(LessonLimits.curveDeliveries)",
                      at: fields["peers"].map(reader.location) ?? reader.location(node))
            return false
        }
        return true
    }
}
