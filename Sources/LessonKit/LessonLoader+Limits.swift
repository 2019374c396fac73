import NetSim

/// The budget checks that need the whole lesson (see `LessonLimits`).
extension LessonLoader {
    /// Errors for a lesson over its curve count or its memory estimate, at the action that
    /// goes over.
    static func checkBudget(steps: [LessonStep], nodes: Int, log: inout DiagnosticLog) {
        var curves = 0
        var estimated = LessonLimits.estimatedMemory(nodes: nodes, swarmMembers: 0, swarmChunks: 0)
        for item in steps.flatMap(\.script) {
            let action: LessonAction
            switch item.kind {
            case let .act(act): action = act
            case let .ask(ask): action = ask.action
            case .run, .pause, .quiz: continue
            }
            if action.settings(CurveAction.self) != nil {
                curves += 1
                if curves == LessonLimits.curves + 1 {
                    log.error("this is curve \(curves); a lesson may measure at most \(LessonLimits.curves) curves", at: item.location)
                }
            }
            if let spec = action.settings(SwarmAction.self) {
                let swarm = LessonLimits.estimatedMemory(nodes: nodes, swarmMembers: spec.seeds.count + spec.peers.count, swarmChunks: spec.chunks)
                if swarm > LessonLimits.memoryBytes, estimated <= LessonLimits.memoryBytes {
                    log.error("this swarm would need about \(swarm / 1_048_576) MB; a lesson's simulation may need at most \(LessonLimits.memoryBytes / 1_048_576) MB", at: item.location)
                }
                estimated = max(estimated, swarm)
            }
        }
    }
}
