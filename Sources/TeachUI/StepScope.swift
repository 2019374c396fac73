import LessonKit
import NetSim

/// What of the stage belongs to the lesson's step on screen: the answers it delivered,
/// the marks it (or its scenario) made and the nodes it highlights. The lesson screen
/// draws a scene through it, and stepping judges whether → changed the stage through the
/// same scope, so a press never stops on a change only the unscoped scene has (an answer
/// of the step before, a colour the step's highlight already gives).
struct StepScope: Hashable, Sendable {
    /// Engine events run before the step began.
    var startEvents = 0
    var highlighted: Set<String> = []
    /// When the counts of the scenario on screen began, if a lesson began one.
    var countsStart: SimTime?
}

extension LessonRunner {
    /// The scope of the step on screen now.
    var stepScope: StepScope {
        StepScope(startEvents: stepStartEvents, highlighted: Set(highlightedNodes), countsStart: countsStart?.time)
    }
}

extension Scene {
    /// The scene as the step of `scope` draws it at `time`, from the events up to it
    /// (`reports`, of which the driver forgot the first `forgottenEvents`): an answer
    /// drawn where it arrived only if the step delivered it (a step's start or quiz shows
    /// none, and its first moments not the last step's answers), the step's highlights,
    /// and only the marks of the step and its scenario.
    mutating func scope(to scope: StepScope, at time: SimTime, reports: Slice<EventReports>, forgottenEvents: Int) {
        let firstReport = scope.startEvents - forgottenEvents
        if packets.contains(where: \.arrived) {
            let arrivedInStep = Scene.deliveredMessages(in: reports, from: firstReport)
            packets.removeAll { $0.arrived && !arrivedInStep.contains($0.id) }
        }
        for index in nodes.indices where scope.highlighted.contains(nodes[index].name) {
            nodes[index].isHighlighted = true
        }
        // Counts from where the scenario on screen began, unless the stage is still
        // showing the moment before it.
        let countsStart = scope.countsStart.flatMap { $0 <= time ? $0 : nil }
        keepStepMarks(since: countsStart, fromReport: firstReport, reports: reports)
    }
}
