import NetSim

/// What the lesson has set up on screen so far, apart from the simulation: highlights,
/// charts, the latest curve, the file being shared, the metrics panel's scope, kept
/// moments and the step's speed. Actions change it; the runner keeps a copy per move.
struct LessonPicture: Sendable {
    var highlightedNodes: [String] = []
    var highlightedValues: [LiveValue] = []
    /// The steps that set the node and the value highlights.
    var highlightSteps = (nodes: 0, values: 0)
    var charts: [LiveValue] = []
    /// The latest curve and the step that measured it.
    var curve: (measured: DistributionCurve, step: Int)?
    /// A later step that changes the simulation puts the network back on screen.
    var curveOnStage = false
    /// Nodes that should end up with the file being shared (what `all-done` waits for).
    var fileTargets: [String] = []
    /// Who takes part in the file being shared now, and the step that began sharing it.
    var fileShare: (nodes: [String], step: Int) = ([], 0)
    /// Where the metrics panel's counts start, and which parts it shows.
    var countsStart: CountsStart?
    var gauges: [Gauge]?
    /// The simulation as it was at each moment kept so far (`- moment: NAME`).
    var moments: [String: Simulation] = [:]
    /// The speed the step's `speed` action asked for, for its later runs.
    var speed: Double?
}

/// What an action sees and may change when the runner applies it (`ActionDefinition.stage`).
struct ActionStage {
    var picture: LessonPicture
    /// The 0-based index of the step the action belongs to.
    let step: Int
    /// The simulation just before the action's commands run.
    let simulation: Simulation
    let seed: UInt64
    /// False for a check: a curve is checked against the network, but its runs are not made.
    let measuresCurves: Bool
    /// Curves already measured, so replaying a step does not run their simulations again.
    var measuredCurves: [CurveKey: DistributionCurve]
    /// What went wrong, for `netstep check` (the runner adds the step and the place).
    var problems: [String] = []

    /// Points the picture at `nodes`. A step's first highlight replaces those of earlier
    /// steps ("look at db" points at db, not at everything pointed at so far); within a
    /// step they add up.
    mutating func highlight(_ nodes: [String]) {
        if picture.highlightSteps.nodes != step { picture.highlightedNodes = [] }
        picture.highlightSteps.nodes = step
        for name in nodes where !picture.highlightedNodes.contains(name) { picture.highlightedNodes.append(name) }
    }

    /// Points the picture at a live value, by the same rule as `highlight(_:)`.
    mutating func highlight(_ value: LiveValue) {
        if picture.highlightSteps.values != step { picture.highlightedValues = [] }
        picture.highlightSteps.values = step
        if !picture.highlightedValues.contains(value) { picture.highlightedValues.append(value) }
    }

    /// A file starts to spread to `targets` among `nodes`. A new distribution replaces
    /// those of earlier steps; within a step they add up (two crowds served side by side).
    mutating func shareFile(to targets: [String], among nodes: [String]) {
        picture.fileTargets += targets
        let share = picture.fileShare
        let kept = share.step == step ? share.nodes : []
        picture.fileShare = (kept + nodes.filter { !kept.contains($0) }, step)
    }

    /// The curve `spec` measures on the network's rates now, measured once per setting.
    mutating func measure(_ spec: CurveSpec) throws(DistributionCurve.Unmeasurable) -> DistributionCurve {
        let key = CurveKey(spec: spec, setting: try DistributionCurve.setting(for: spec, on: simulation.network))
        if let known = measuredCurves[key] { return known }
        let curve = measuresCurves ? DistributionCurve(spec: spec, setting: key.setting, seed: seed) : DistributionCurve(unmeasured: spec, setting: key.setting)
        measuredCurves[key] = curve
        return curve
    }
}

/// What a curve's measurement depends on: the action and the rates it read.
struct CurveKey: Hashable, Sendable {
    var spec: CurveSpec
    var setting: DistributionSetting
}
