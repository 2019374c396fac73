extension LessonRunner {
    /// The most runner moves one moment may take: a hostile or broken host cannot keep a
    /// student's netstep busy for long (a lesson's own event budget is far below it).
    static let followMoveLimit = LessonLimits.lessonEvents * 2

    /// Goes to a class's `moment`: the same step, script position and events, recomputed
    /// here (the simulation is deterministic, and at every point of a step either an event
    /// or an interaction is next, never a choice). Going forward continues from here;
    /// going back replays the step from its start. A moment this lesson cannot reach is
    /// followed as far as it goes.
    public mutating func follow(to moment: ClassMoment) {
        guard lesson.steps.indices.contains(moment.step) else { return }
        if stepIndex != moment.step { jump(to: moment.step) }
        if eventsInStep > moment.eventsInStep || scriptPosition > moment.scriptPosition {
            seekInStep(toEvent: moment.eventsInStep)
            if scriptPosition > moment.scriptPosition || eventsInStep > moment.eventsInStep { jump(to: moment.step) }
        }
        // Counted here: the runner counts its events by walking its moves.
        var events = eventsInStep, moves = 0
        while moves < Self.followMoveLimit, events != moment.eventsInStep || scriptPosition != moment.scriptPosition {
            moves += 1
            switch pending {
            case .ask, .pause, .quiz:
                guard scriptPosition < moment.scriptPosition else { return }
                resolveInteraction()
            case .running:
                guard events < moment.eventsInStep else { return }
                stepEvent()
                events += 1
            case .done:
                guard events < moment.eventsInStep, !simulation.isIdle else { return }
                stepEvent()
                events += 1
            }
        }
    }
}
