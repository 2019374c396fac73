import Canvas
import LessonKit
import NetSim

/// A lesson on screen: its runner on a stage, the learner's quiz answers, and the
/// small states of the lesson screen (hints shown, a step number being typed).
struct LessonSession: Sendable {
    /// Index of the lesson in the course.
    var index: Int
    var stage: StageSession<LessonDriver>
    /// Answers given, by step and script position.
    var answers: [QuizPlace: QuizAnswer] = [:]
    var showsHints = false
    /// Lines of the step's narration scrolled past (Up and Down), back to 0 on a new step.
    var narrationScroll = 0
    /// → was pressed on a quiz not yet answered: the prompt says the answer comes first.
    var nudged = false
    /// The quiz whose narration was last scrolled to the text it depends on as it came on
    /// screen (`AppState.scrollToQuizLead`), so that happens once per visit to the step.
    var quizLead: QuizPlace?
    /// → carried out the step's ask (so that → never dead-ends): what it did, in the
    /// ask's words, for the status line until the next key.
    var didForYou: String?
    /// What the last key did that the stage does not show, or why it did nothing ("no
    /// hint on this step"), for the status line until the next key.
    var said: String?

    struct QuizPlace: Hashable, Sendable {
        var step: Int
        var position: Int
    }

    struct QuizAnswer: Hashable, Sendable {
        var picked: Set<Int> = []
        /// The answer is settled: right, wrong twice, or shown by a presenter with nothing
        /// picked. The right answer is shown.
        var answered = false
        /// A first answer was wrong: the learner may try once more before it is shown.
        var missed = false
        /// The choices of the missed first try: what its notes explain while the learner
        /// picks again.
        var tried: Set<Int> = []
        /// A numeric quiz's answer as typed so far, and the missed first try's.
        var typed = ""
        var triedNumber: String?

        enum Stage: Hashable, Sendable {
            case trying, missed, answered
        }

        var stage: Stage { answered ? .answered : missed ? .missed : .trying }
    }

    init(index: Int, lesson: Lesson, step: Int) {
        self.index = index
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: step)
        stage = StageSession(driver: LessonDriver(runner: runner), plan: StagePlan(lesson.network, labels: lesson.nodeLabels,
                                                                                   firstSwarm: lesson.firstSwarm))
    }

    var runner: LessonRunner { stage.driver.runner }
    var lesson: Lesson { runner.lesson }

    /// Changes the runner, keeping the stage's clock and selection in step with it.
    mutating func move(_ change: (inout LessonRunner) -> Void) {
        stage.settle()
        stage.playback.playing = false
        let step = stage.driver.runner.stepIndex
        change(&stage.driver.runner)
        stage.clock = stage.driver.simulation.now
        stage.dropStaleSelection()
        if stage.driver.runner.stepIndex != step {
            narrationScroll = 0
            showsHints = false
            quizLead = nil
        }
        stage.suggestSpeed()
    }

    /// n: on to the next step, but never silently past a quiz. The rest of the step plays
    /// as it would on its own (its asks done, its pauses passed) up to the next quiz not
    /// yet answered, which then waits on screen; a presenter's n on a quiz already on
    /// screen passes it (a learner's asks for the answer first, as → does).
    /// Only a step played to its end leads to the next one (or finishes the lesson).
    mutating func nextStep() {
        let answers = self.answers
        let onScreen = pendingQuiz?.1
        move { runner in
            let step = runner.stepIndex
            runner.goOn { position in
                let place = QuizPlace(step: step, position: position)
                return place != onScreen && answers[place]?.answered != true
            }
        }
    }

    /// The quiz on screen and how far the learner is with it, to tell when its notes change.
    var quizProgress: QuizProgress? {
        pendingQuiz.map { QuizProgress(place: $0.1, stage: answers[$0.1]?.stage ?? .trying) }
    }

    struct QuizProgress: Hashable, Sendable {
        var place: QuizPlace
        var stage: QuizAnswer.Stage
    }

    /// Goes on from the interaction the step waits on, and plays the wait that follows it.
    mutating func pass() {
        move { $0.resolveInteraction() }
        if case .running = runner.pending { stage.togglePlay() }
    }

    /// The script position the screen speaks of. While the stage still carries messages
    /// to the event that ended a wait, that is the wait's: the narration after it, the
    /// step being done, a quiz that follows, all wait until the screen gets there.
    var shownScriptPosition: Int {
        if stage.heldState != nil, let from = stage.driver.stopFrom { return from }
        return runner.scriptPosition
    }

    /// What the step waits for, as the screen shows it (see `shownScriptPosition`).
    var shownPending: LessonRunner.Pending {
        let position = shownScriptPosition
        guard position != runner.scriptPosition, case let .run(wait) = runner.step.script[position].kind else { return runner.pending }
        return .running(wait)
    }

    /// Where the quiz the step waits on is, if it waits on one and it is on screen.
    var pendingQuiz: (Quiz, QuizPlace)? {
        guard case let .quiz(quiz) = shownPending else { return nil }
        return (quiz, QuizPlace(step: runner.stepIndex, position: runner.scriptPosition))
    }

    /// A live value as the screen shows it: from the state the stage shows.
    func reading(_ value: LiveValue) -> LiveReading {
        runner.reading(value, in: stage.shown.simulation)
    }
}

extension StageLayoutKind {
    init(_ layout: NetworkSpec.Layout) {
        switch layout {
        case .auto: self = .auto
        case .star: self = .star
        case .ring: self = .ring
        case .mesh: self = .mesh
        case .tiers: self = .tiers
        case .grid: self = .grid
        }
    }
}

extension StagePlan {
    /// A lesson's layout, the place and layout of each group and named node, what the
    /// lesson calls them, and its first swarm.
    init(_ network: NetworkSpec, labels: [String: String] = [:],
         firstSwarm: (seeds: Set<String>, peers: Set<String>)? = nil) {
        self.init(
            layout: StageLayoutKind(network.layout),
            groups: network.groups.map { group in
                Group(name: group.name, members: group.members, place: group.place.map(StagePlace.init),
                      layout: group.layout.map(StageLayoutKind.init), label: group.label)
            },
            places: Dictionary(network.nodes.compactMap { node in node.place.map { (node.name, StagePlace($0)) } }) { first, _ in first },
            labels: labels, firstSwarm: firstSwarm.map { StagePlan.Swarm(seeds: $0.seeds, peers: $0.peers) })
    }
}

extension StagePlace {
    init(_ place: NetworkSpec.Place) {
        switch place {
        case .left: self = .left
        case .right: self = .right
        case .top: self = .top
        case .bottom: self = .bottom
        case .centre: self = .centre
        }
    }
}
