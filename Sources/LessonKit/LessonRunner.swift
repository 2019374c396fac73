import NetSim

/// Plays a lesson on the engine: applies each step's actions, lets the simulation run
/// until each wait is over, and stops for the learner at every interaction.
///
/// Navigation is deterministic: the state at the start of step N is always the state
/// reached by playing steps 0..<N to their ends from the lesson's start (every ask
/// answered), whatever path led there. The runner keeps that entry state for every step
/// it has reached, so moving between steps is a restore. Within a step, stepping back
/// over an event uses the timeline's own step back; anything else replays the learner's
/// moves from the step's entry.
public struct LessonRunner: Sendable {
    /// What the current step is doing now.
    public enum Pending: Sendable, Hashable {
        /// The simulation runs until this wait is over: keep calling `stepEvent()`.
        case running(Wait)
        /// Waiting for the learner to press `ask.key`; then call `resolveInteraction()`.
        case ask(Ask)
        /// Waiting for the learner to go on.
        case pause(String)
        /// Waiting for an answer.
        case quiz(Quiz)
        /// The step's script is complete.
        case done
    }

    /// Something that went wrong while playing: an action the engine refused, or a wait
    /// that never came true. `netstep check` reports these as errors.
    public struct Problem: Sendable, Hashable {
        /// 0-based step index.
        public var step: Int
        public var location: SourceLocation
        public var message: String
    }

    /// Where the script is and what it has set up, apart from the simulation: small
    /// enough to keep a copy from before every move.
    private struct Place: Sendable {
        var cursor = 0
        var wait: WaitProgress?
        var picture = LessonPicture()
        var problems: [Problem] = []
        /// Readings of the live values of each paragraph shown after a wait, by index in
        /// the step's narration, taken when the script reached the paragraph.
        var frozen: [Int: [LiveReading]] = [:]

        /// Back to the start of a step's script, keeping what earlier steps set up.
        mutating func rewind() {
            cursor = 0
            wait = nil
            frozen = [:]
            picture.speed = nil
        }
    }

    /// Everything that changes while playing, saved whole at each step's entry.
    private struct Scene: Sendable {
        var timeline: Timeline
        var place = Place()
    }

    /// One thing the learner did within a step, with the place before it, so it can be
    /// undone without replaying the step.
    private struct Move: Sendable {
        enum Kind: Sendable, Hashable {
            case event
            case resolve
        }

        var kind: Kind
        var before: Place
        /// The move ran exactly one engine event (so the timeline can step back over it).
        var ranOneEvent: Bool
        /// The engine events of the whole run after the move.
        var eventsAfter: Int
    }

    public let lesson: Lesson
    public let seed: UInt64
    public private(set) var stepIndex = 0
    private var scene: Scene
    private var entries: [Scene]
    private var moves: [Move] = []
    /// Curves already measured, so replaying a step does not run their simulations again.
    private var measuredCurves: [CurveKey: DistributionCurve] = [:]
    /// False: curves are checked against the network but their runs are not made (what
    /// `netstep check` needs: nothing in a curve's separate runs can go wrong).
    private let measuresCurves: Bool
    /// Events were stepped after the script was done, so the state is no longer the
    /// step's canonical end and cannot become the next step's entry.
    private var wentPastScript = false
    /// A step being played ahead of the learner towards the next entry not yet known
    /// (`prepareAhead`), where the last call left it.
    private var ahead: (step: Int, scene: Scene)?
    /// `prepareAhead` has played the last step to its end.
    private var playedLastStep = false
    /// Where the last step ends, once `prepareAhead` has played it to its end.
    private var lastStepEnd: StepEnd?
    /// Where each wait played so far got after `probeSteps` moves or at its end, by step
    /// and script position: a wait always plays the same from its start, so a screen
    /// choosing a speed for it need not play it out again.
    private var probeEnds: [WaitKey: SimTime] = [:]

    /// Moves of a wait (events, or the clock moving to a deadline) a screen plays out on
    /// a copy to judge its pace (`knownProbeEnd`).
    public static let probeSteps = 5_000

    private struct WaitKey: Hashable, Sendable {
        var step: Int
        var position: Int
    }

    /// `measuresCurves: false` leaves every curve without its points, for a check.
    public init(lesson: Lesson, seed: UInt64? = nil, measuresCurves: Bool = true) {
        self.measuresCurves = measuresCurves
        precondition(!lesson.steps.isEmpty, "the loader refuses lessons without steps")
        self.lesson = lesson
        self.seed = seed ?? lesson.seed
        let simulation = Simulation(network: NetworkBuilder.config(for: lesson.network), seed: self.seed)
        scene = Scene(timeline: Timeline(simulation))
        entries = [scene]
        settle()
    }

    // MARK: what there is to show

    public var timeline: Timeline { scene.timeline }
    public var simulation: Simulation { scene.timeline.current }
    public var step: LessonStep { lesson.steps[stepIndex] }
    public var isLastStep: Bool { stepIndex == lesson.steps.count - 1 }
    /// Nodes and values the lesson has asked the picture to point at: those of the latest
    /// step that pointed at any (a step's first highlight replaces earlier steps' ones).
    public var highlightedNodes: [String] { scene.place.picture.highlightedNodes }
    public var highlightedValues: [LiveValue] { scene.place.picture.highlightedValues }
    /// The nodes taking part in the file distributions of the step that began the latest
    /// one (a server and the clients it serves, a swarm's seeds and peers), so a panel of
    /// file progress can leave out nodes that have nothing to do with it. Empty before
    /// any file is shared.
    public var fileShareNodes: [String] { scene.place.picture.fileShare.nodes }
    /// Values the lesson has asked to keep in view (`chart`), in order.
    public var charts: [LiveValue] { scene.place.picture.charts }

    /// Where the metrics panel's counts start: nil, from the start of the lesson.
    public var countsStart: CountsStart? { scene.place.picture.countsStart }

    /// The parts of the metrics panel the lesson chose to show; nil: all of them.
    public var gauges: [Gauge]? { scene.place.picture.gauges }
    /// The latest distribution curve measured so far, which `{curve.N.…}` values read.
    public var curve: DistributionCurve? { scene.place.picture.curve?.measured }
    /// The curve to show instead of the network: one drawn in this step, or in an earlier
    /// step that nothing has changed the simulation since.
    public var curveOnStage: DistributionCurve? { scene.place.picture.curveOnStage ? curve : nil }
    /// Problems met so far on the way to this state.
    public var problems: [Problem] { scene.place.problems }
    /// Index into `step.script` of the item the step is at (`script.count` when done).
    public var scriptPosition: Int { scene.place.cursor }
    /// How many events have happened since the step began.
    public var eventsInStep: Int { moves.filter { $0.kind == .event }.count }
    /// Nothing has happened since the step began: no event run, no interaction passed.
    public var isAtStepStart: Bool { moves.isEmpty }

    public var pending: Pending {
        let script = step.script
        guard scene.place.cursor < script.count else { return .done }
        switch script[scene.place.cursor].kind {
        case let .run(wait): return .running(wait)
        case let .ask(ask): return .ask(ask)
        case let .pause(text): return .pause(text)
        case let .quiz(quiz): return .quiz(quiz)
        case .act: preconditionFailure("settle() never stops at an action")
        }
    }

    /// How the screen should play the wait under way (its own speed, or the one the
    /// step's `speed` action set, and its slow motion); nil when no wait is under way.
    public var pace: Pace? {
        guard case let .running(wait) = pending else { return nil }
        return Pace(wait: [stepIndex, scene.place.cursor], speed: wait.speed ?? scene.place.picture.speed, slow: wait.slow)
    }

    /// At the start of a wait played before: where it got after `probeSteps` moves, or at
    /// its end if that came first. nil anywhere else.
    public var knownProbeEnd: SimTime? {
        guard case .running = pending, scene.place.wait?.steps == 0 else { return nil }
        return probeEnds[WaitKey(step: stepIndex, position: scene.place.cursor)]
    }

    /// Engine events run on this runner so far, replays included: the work moving about
    /// the lesson has cost (events a step's undo restores from a checkpoint are not run).
    public private(set) var eventsRun = 0

    /// The lesson is on its last step and that step's script is complete.
    public var isFinished: Bool { isLastStep && pending == .done }

    /// The narration the learner sees now: paragraphs appear as the script passes them.
    public var visibleNarration: [Paragraph] {
        step.narration.filter { $0.revealAt <= scene.place.cursor }
    }

    /// A paragraph as the learner reads it now.
    public struct ShownParagraph: Sendable, Hashable {
        public var paragraph: Paragraph
        /// The readings of the paragraph's live values, in order, as they were when the
        /// script reached it: a paragraph after a wait speaks of that moment, so its values
        /// stay as they were while the simulation goes on. nil for a paragraph shown before
        /// any wait, whose values are read live.
        public var frozen: [LiveReading]?
    }

    /// The narration the learner sees now, with the readings of paragraphs that speak of
    /// a moment already passed.
    public var shownNarration: [ShownParagraph] {
        step.narration.indices.filter { step.narration[$0].revealAt <= scene.place.cursor }.map {
            ShownParagraph(paragraph: step.narration[$0], frozen: scene.place.frozen[$0])
        }
    }

    /// A live value as it is now.
    public func reading(_ value: LiveValue) -> LiveReading {
        reading(value, in: simulation)
    }

    /// A live value read from `shown`, a state of this step (the one a screen shows).
    public func reading(_ value: LiveValue, in shown: Simulation) -> LiveReading {
        value.read(in: shown, stepStartState: entries[stepIndex].timeline.current, moments: scene.place.picture.moments, curve: curve)
    }

    /// The simulated time at which the current step began (for `{elapsed}`).
    public var stepStartTime: SimTime { entries[stepIndex].timeline.current.now }

    /// How many events had happened when the current step began: those after it are the step's.
    public var stepStartEvents: Int { entries[stepIndex].timeline.current.eventCount }

    /// A paragraph's text with every live value filled in from the simulation as it is now.
    public func text(of paragraph: Paragraph) -> String {
        paragraph.spans.map {
            switch $0 {
            case let .text(text, _): text
            case let .live(value, _): reading(value).text
            }
        }.joined()
    }

    // MARK: moving within a step

    /// Runs one event of the current wait (or, once the script is done, one more event
    /// if anything is left to happen). Returns what happened, nil when nothing did.
    @discardableResult
    public mutating func stepEvent() -> StepReport? {
        let before = scene.place
        let eventsBefore = scene.timeline.eventCount
        let report: StepReport?
        switch pending {
        case .running:
            report = advanceWait()
        case .done where !simulation.isIdle:
            report = scene.timeline.step()
            eventsRun += scene.timeline.eventCount - eventsBefore
            wentPastScript = true
        default:
            return nil
        }
        // Requests sent on the way are commands logged before the event, which the
        // timeline's own step back would keep: such a move is undone by a replay.
        let sentNone = scene.place.picture.traffic.sentCount == before.picture.traffic.sentCount
        moves.append(Move(kind: .event, before: before, ranOneEvent: scene.timeline.eventCount == eventsBefore + 1 && sentNone,
                          eventsAfter: scene.timeline.eventCount))
        return report
    }

    /// Goes back one event within the step; false at the step's start. Answers given
    /// after that event are undone with it.
    @discardableResult
    public mutating func stepEventBack() -> Bool {
        guard let last = moves.lastIndex(where: { $0.kind == .event }) else { return false }
        if moves[last].ranOneEvent, scene.timeline.stepBack() {
            scene.place = moves[last].before
            moves.removeSubrange(last...)
        } else {
            replay(Array(moves[..<last]))
        }
        return true
    }

    /// Goes back within the step to the latest state with no more than `events` engine
    /// events in all, undoing the answers given after it: one replay however far back (or
    /// the timeline's own step back over a single event). False when nothing was undone.
    @discardableResult
    public mutating func stepBack(toEvents events: Int) -> Bool {
        guard let first = moves.firstIndex(where: { $0.kind == .event && $0.eventsAfter > events }) else { return false }
        if first == moves.lastIndex(where: { $0.kind == .event }) { return stepEventBack() }
        replay(Array(moves[..<first]))
        return true
    }

    /// Goes to the state after the step's `n`th event (0: the step's start), keeping the
    /// learner's answers given before it. One replay, however far back.
    public mutating func seekInStep(toEvent n: Int) {
        let events = moves.indices.filter { moves[$0].kind == .event }
        guard n < events.count else { return }
        replay(Array(moves[..<events[max(0, n)]]))
    }

    /// The learner did what the current interaction asked: pressed the ask's key, went on
    /// after a pause, or answered the quiz. The runner carries on to the next stop.
    public mutating func resolveInteraction() {
        guard scene.place.cursor < step.script.count, step.script[scene.place.cursor].isInteraction else { return }
        let before = scene.place
        if case let .ask(ask) = step.script[scene.place.cursor].kind {
            apply(ask.action, at: step.script[scene.place.cursor].location)
        }
        scene.place.cursor += 1
        settle()
        moves.append(Move(kind: .resolve, before: before, ranOneEvent: false, eventsAfter: scene.timeline.eventCount))
    }

    /// Plays the rest of the step without stopping: waits run to their end (or their
    /// event budget) and interactions are taken as done.
    public mutating func finishStep() {
        finishStep(budget: .max)
    }

    /// `finishStep`, stopping after about `budget` moves of its waits; true when done.
    @discardableResult
    private mutating func finishStep(budget: Int) -> Bool {
        var moved = 0
        while moved < budget {
            switch pending {
            case .running:
                advanceWait()
                moved += 1
            case .ask, .pause, .quiz:
                resolveInteraction()
            case .done:
                return true
            }
        }
        return pending == .done
    }

    // MARK: moving between steps

    /// Goes to the next step, as it is when reached by playing this one to its end.
    /// On the last step it finishes the step.
    public mutating func nextStep() {
        guard !isLastStep else {
            finishStep()
            return
        }
        jump(to: stepIndex + 1)
    }

    /// Goes on from here to the next step, as `nextStep` does, unless a quiz still to come
    /// in this step `stops` at its script position: then plays up to it (every event a
    /// move that can be undone) and returns false. Once the next step's entry is known
    /// and no quiz stops, goes there at once, without playing the rest of this step.
    @discardableResult
    public mutating func goOn(stoppingAtQuiz stops: (Int) -> Bool) -> Bool {
        let quizzesAhead = step.script.indices.dropFirst(scene.place.cursor).filter {
            if case .quiz = step.script[$0].kind { stops($0) } else { false }
        }
        if quizzesAhead.isEmpty, entries.count > stepIndex + 1 {
            jump(to: stepIndex + 1)
            return true
        }
        while true {
            switch pending {
            case .running:
                stepEvent()
            case .ask, .pause:
                resolveInteraction()
            case .quiz:
                guard !stops(scene.place.cursor) else { return false }
                resolveInteraction()
            case .done:
                nextStep()
                return true
            }
        }
    }

    public mutating func previousStep() {
        jump(to: max(0, stepIndex - 1))
    }

    /// Puts the current step back to how it began.
    public mutating func resetStep() {
        jump(to: stepIndex)
    }

    public mutating func restart() {
        jump(to: 0)
    }

    /// Goes to the start of step `index` (0-based, clamped to the lesson).
    public mutating func jump(to index: Int) {
        let target = min(max(0, index), lesson.steps.count - 1)
        if target == stepIndex + 1, entries.count == target, pending == .done, !wentPastScript {
            // The step was played to its end: that is exactly the next step's entry, so
            // there is no need to play it again.
            var entry = scene
            entry.place.rewind()
            entries.append(entry)
            ahead = nil
        }
        while entries.count <= target {
            takeUp(step: entries.count - 1)
            ahead = nil
            finishStep()
            scene.place.rewind()
            entries.append(scene)
        }
        assert(entries[target].place.cursor == 0 && entries[target].place.wait == nil && entries[target].place.frozen.isEmpty,
               "a step's entry is before its script")
        stepIndex = target
        scene = entries[target]
        moves = []
        wentPastScript = false
        settle()
    }

    /// Makes step `from` the one being played, from where playing ahead left it, else
    /// from its entry.
    private mutating func takeUp(step from: Int) {
        stepIndex = from
        moves = []
        if let ahead, ahead.step == from {
            scene = ahead.scene
        } else {
            scene = entries[from]
            settle()
        }
    }

    // MARK: ahead of the learner

    /// Where a step ends when played through (every interaction passed): the simulated
    /// instant and the engine events of the whole run by then.
    public struct StepEnd: Sendable, Hashable {
        public var time: SimTime
        public var events: Int
    }

    /// Where the current step ends, played ahead of the learner if it is not known yet
    /// (the screen cuts the step into presses of → from it).
    public mutating func stepEnd() -> StepEnd {
        while knownStepEnd == nil, prepareAhead(budget: .max) {}
        return knownStepEnd ?? StepEnd(time: simulation.now, events: simulation.eventCount)
    }

    private var knownStepEnd: StepEnd? {
        if entries.count > stepIndex + 1 {
            let end = entries[stepIndex + 1].timeline.current
            return StepEnd(time: end.now, events: end.eventCount)
        }
        return isLastStep ? lastStepEnd : nil
    }

    /// The next two steps' entries (or, near the end, the last step played to its end)
    /// are not all known yet: `prepareAhead` has work to do.
    public var hasWorkAhead: Bool { playedAhead < min(lesson.steps.count + 1, stepIndex + 3) }

    /// Steps whose start is known, and one more once the last step has been played to
    /// its end (its waits' pace is then known too).
    private var playedAhead: Int { entries.count + (playedLastStep ? 1 : 0) }

    /// Plays ahead, at most about `budget` moves, towards the entries of the next two
    /// steps, so that going on later is a restore and their waits' pace is known; the
    /// state on screen does not change. Called while the learner reads. Returns
    /// `hasWorkAhead`.
    @discardableResult
    public mutating func prepareAhead(budget: Int) -> Bool {
        guard hasWorkAhead else { return false }
        let kept = (scene: scene, step: stepIndex, moves: moves, wentPastScript: wentPastScript)
        let from = entries.count - 1
        takeUp(step: from)
        if !finishStep(budget: budget) {
            ahead = (from, scene)
        } else if from == lesson.steps.count - 1 {
            playedLastStep = true
            lastStepEnd = StepEnd(time: simulation.now, events: simulation.eventCount)
            ahead = nil
        } else {
            scene.place.rewind()
            entries.append(scene)
            ahead = nil
        }
        (scene, stepIndex, moves, wentPastScript) = kept
        return hasWorkAhead
    }

    // MARK: inside

    /// Applies actions until the script reaches a wait that is not over, an interaction,
    /// or its end; then takes the readings of paragraphs that came into view after a wait
    /// (the plain transcript reads them at this same moment).
    private mutating func settle() {
        advanceScript()
        freezeRevealedParagraphs()
    }

    private mutating func freezeRevealedParagraphs() {
        let script = step.script
        for index in step.narration.indices where scene.place.frozen[index] == nil {
            let paragraph = step.narration[index]
            guard paragraph.revealAt <= scene.place.cursor else { continue }
            guard script.prefix(paragraph.revealAt).contains(where: { if case .run = $0.kind { true } else { false } }) else { continue }
            scene.place.frozen[index] = paragraph.spans.compactMap {
                if case let .live(value, _) = $0 { reading(value) } else { nil }
            }
        }
    }

    private mutating func advanceScript() {
        let script = step.script
        assert(scene.place.cursor <= script.count, "the script position stays within the script")
        while scene.place.cursor < script.count {
            let item = script[scene.place.cursor]
            switch item.kind {
            case let .act(action):
                apply(action, at: item.location)
                scene.place.cursor += 1
            case let .run(wait):
                let simulation = self.simulation
                let progress = scene.place.wait ?? WaitProgress(startTime: simulation.now, startEvents: simulation.eventCount)
                scene.place.wait = progress
                guard waitIsOver(wait, progress: progress) else { return }
                scene.place.wait = nil
                scene.place.cursor += 1
            case .ask, .pause, .quiz:
                return
            }
        }
    }

    /// One event (or, for a time wait with nothing due before its deadline, the clock
    /// moving to the deadline) towards the current wait; gives up on the wait, noting a
    /// problem, when the simulation goes idle or the budget runs out first.
    @discardableResult
    private mutating func advanceWait() -> StepReport? {
        guard case let .running(wait) = pending, var progress = scene.place.wait else { return nil }
        let location = step.script[scene.place.cursor].location
        let before = scene.timeline.eventCount
        // The clock stops at the next scheduled request too, which then goes out; the move
        // goes on to the next event, so that it shows something happening, unless the
        // wait's own deadline comes first.
        while scene.timeline.eventCount == before {
            let waitDeadline = wait.condition.deadline(progress: progress)
            guard let deadline = [waitDeadline, scene.place.picture.traffic.nextTime].compactMap({ $0 }).min() else {
                if scene.timeline.step() == nil {
                    note("step \(stepIndex + 1): `\(wait.source)` never happened: the simulation had nothing left to do", at: location)
                    giveUpWait()
                    return nil
                }
                break
            }
            scene.timeline.run(until: .time(deadline), maxEvents: 1)
            guard sendDueTraffic(), waitDeadline.map({ simulation.now < $0 }) ?? true else { break }
        }
        eventsRun += scene.timeline.eventCount - before
        let report = scene.timeline.eventCount > before ? scene.timeline.reports.last : nil
        if case let .event(kind) = wait.condition, report?.kind == kind {
            progress.sawEvent = true
        }
        progress.steps += 1
        scene.place.wait = progress
        let holds = waitIsOver(wait, progress: progress)
        if holds || progress.steps == Self.probeSteps { recordProbeEnd() }
        if !holds && simulation.eventCount - progress.startEvents >= wait.budget {
            note("step \(stepIndex + 1): `\(wait.source)` did not happen within \(wait.budget) events (simulated time \(Units.format(duration: simulation.now)))", at: location)
            giveUpWait()
            return report
        }
        if !holds, let limit = LessonLimits.exceeded(by: simulation) {
            note("step \(stepIndex + 1): `\(wait.source)` was cut off: \(limit)", at: location)
            giveUpWait()
            return report
        }
        settle()
        return report
    }

    private mutating func giveUpWait() {
        recordProbeEnd()
        scene.place.wait = nil
        scene.place.cursor += 1
        settle()
    }

    /// Notes where the wait under way got, for `knownProbeEnd`: called at its
    /// `probeSteps`th move and at its end, the first call counting.
    private mutating func recordProbeEnd() {
        let key = WaitKey(step: stepIndex, position: scene.place.cursor)
        if probeEnds[key] == nil { probeEnds[key] = simulation.now }
    }

    /// Puts the step back to its start and makes `kept` moves again.
    private mutating func replay(_ kept: [Move]) {
        scene = entries[stepIndex]
        moves = []
        wentPastScript = false
        settle()
        for move in kept {
            switch move.kind {
            case .event: stepEvent()
            case .resolve: resolveInteraction()
            }
        }
    }

    /// Applies an action: first what it changes of the picture, then its engine commands.
    private mutating func apply(_ action: LessonAction, at location: SourceLocation) {
        if action.changesSimulation, let curve = scene.place.picture.curve, curve.step != stepIndex {
            scene.place.picture.curveOnStage = false
        }
        var stage = ActionStage(picture: scene.place.picture, step: stepIndex, location: location, simulation: simulation, seed: seed,
                                measuresCurves: measuresCurves, measuredCurves: measuredCurves)
        action.definition.stage(&stage)
        scene.place.picture = stage.picture
        measuredCurves = stage.measuredCurves
        for problem in stage.problems { note("step \(stepIndex + 1): \(problem)", at: location) }
        guard action.changesSimulation else { return }
        perform(at: location) { ids throws(NodeIDs.Unknown) in try action.definition.commands(ids) }
        sendDueTraffic()
    }

    /// Carries out the commands `make` gives for the network as it is now, noting what
    /// the engine refused or a name it does not know.
    private mutating func perform(at location: SourceLocation, _ make: (NodeIDs) throws(NodeIDs.Unknown) -> [Command]) {
        let commands: [Command]
        do {
            commands = try make(NodeIDs(network: simulation.network))
        } catch {
            note("step \(stepIndex + 1): no node '\(error.name)' in the network at this point", at: location)
            return
        }
        for command in commands {
            do {
                try scene.timeline.perform(command)
            } catch {
                note("step \(stepIndex + 1): the simulation refused this action: \(error)", at: location)
            }
        }
    }

    /// Sends the scheduled requests whose time has come (see `ScheduledTraffic`); false
    /// when none was due.
    @discardableResult
    private mutating func sendDueTraffic() -> Bool {
        guard scene.place.picture.traffic.nextTime.map({ $0 <= simulation.now }) == true else { return false }
        for request in scene.place.picture.traffic.takeDue(at: simulation.now) {
            perform(at: request.location) { id throws(NodeIDs.Unknown) in
                [try RequestAction.command(from: try id(request.from), to: request.to, what: request.what,
                                           bytes: request.bytes, responseBytes: request.responseBytes, id)]
            }
        }
        return true
    }

    /// Whether a wait is over: a wait for the simulation to settle is not over while
    /// scheduled requests are still to come.
    private func waitIsOver(_ wait: Wait, progress: WaitProgress) -> Bool {
        if scene.place.picture.traffic.isPending {
            switch wait.condition {
            case .idle, .delivered: return false
            default: break
            }
        }
        return wait.condition.holds(in: simulation, progress: progress, fileTargets: scene.place.picture.fileTargets, stepStart: stepStartTime)
    }

    private mutating func note(_ message: String, at location: SourceLocation) {
        scene.place.problems.append(Problem(step: stepIndex, location: location, message: message))
    }
}
