import Canvas
import LessonKit

extension AppState {
    /// Presents the lesson on screen to a class: the join card shows `joinCommands` until
    /// the presenter starts.
    public mutating func hostClass(joinCommands: [String]) {
        classHost = ClassHostState(joinCommands: joinCommands)
    }

    /// Follows a class from its `moment`: the lesson on screen is the host's.
    public mutating func followClass(from moment: ClassMoment) {
        classFollow = ClassFollowState(moment: moment)
        lesson?.follow(moment)
    }

    /// Where the presented lesson is, for the students; nil unless hosting a lesson.
    public var classMoment: ClassMoment? {
        guard let classHost, let lesson else { return nil }
        let revealed = lesson.pendingQuiz.map { lesson.answers[$0.1]?.answered == true } ?? false
        return ClassMoment(started: classHost.started, step: lesson.runner.stepIndex, scriptPosition: lesson.runner.scriptPosition,
                           eventsInStep: lesson.runner.eventsInStep, revealed: revealed)
    }

    /// The class's answers to the quiz on the projector once its answer is shown, for the
    /// students' screens.
    public var revealedClassTally: ClassTally? {
        guard let classHost, let lesson, let (quiz, place) = lesson.pendingQuiz, lesson.answers[place]?.answered == true else { return nil }
        return classHost.tally(ClassQuestion(step: place.step, position: place.position), choices: quiz.choices.count)
    }

    /// Every quiz of the lesson the class answered, in lesson order, with its question and
    /// choices: what `--tally FILE` writes.
    public var classTallies: [(tally: ClassTally, quiz: Quiz)] {
        guard let classHost, let lesson = lesson?.lesson else { return [] }
        return classHost.answers.keys.sorted().compactMap { question in
            guard lesson.steps.indices.contains(question.step), lesson.steps[question.step].script.indices.contains(question.position),
                  case let .quiz(quiz) = lesson.steps[question.step].script[question.position].kind else { return nil }
            return (classHost.tally(question, choices: quiz.choices.count), quiz)
        }
    }

    /// How many students are in the class now.
    public var classJoined: Int { classHost?.joined ?? 0 }

    mutating func handle(_ event: ClassEvent) -> [AppEffect] {
        if classHost != nil {
            classHost?.handle(event, open: lesson?.openClassQuestion)
            return []
        }
        guard classFollow != nil else { return [] }
        switch event {
        case let .moment(moment):
            classFollow?.moment = moment
            if classFollow?.following == true { lesson?.follow(moment) }
        case let .tally(tally):
            classFollow?.tallies[tally.question] = tally
        case let .connected(connected):
            classFollow?.connected = connected
        case let .ended(reason):
            classFollow?.ended = reason
            classFollow?.connected = false
        case .joined, .left, .answered, .presence:
            break
        }
        return []
    }

    /// Keys while hosting or following a class, before the lesson's own; nil lets the
    /// lesson have the key.
    mutating func handleClassKey(_ key: Key) -> [AppEffect]? {
        guard let screenKey = ScreenKey(key), lesson != nil else { return nil }
        if let classHost, !classHost.started {
            // The join card: the clicker starts the lesson, q leaves, nothing else moves.
            switch Keymap.action(for: screenKey, in: LessonSession.places(presenting: true), presenting: true) {
            case .advance: self.classHost?.started = true
            case .leave: return [.quit]
            default: break
            }
            return []
        }
        guard let follow = classFollow else { return nil }
        if Keymap.action(for: screenKey, in: [.classroom]) == .toggleFollow {
            classFollow?.following.toggle()
            overlay = nil
            if !follow.following { lesson?.follow(follow.moment) }
            return [.sendToClass(.presence(following: !follow.following))]
        }
        guard follow.following else { return nil }
        guard follow.moment.started else {
            return Keymap.action(for: screenKey, in: screenPlaces) == .leave ? [.quit] : []
        }
        if let (question, quiz) = lesson?.openClassQuestion, case let .character(c) = key, let number = c.wholeNumberValue,
           quiz.choices.indices.contains(number - 1) {
            return answer(question, quiz: quiz, choice: number - 1)
        }
        // While following, only keys that leave the class's moment as it is.
        switch Keymap.action(for: screenKey, in: screenPlaces) {
        case .help, .leave, .scrollUp, .scrollDown, .hint, .selectNext, .inspect, .clickToInspect: return nil
        default: return []
        }
    }

    /// The student picks `choice` at the class's open quiz: one choice replaces the last,
    /// several-answer quizzes toggle it; the picks so far go to the host.
    private mutating func answer(_ question: ClassQuestion, quiz: Quiz, choice: Int) -> [AppEffect] {
        var picked = Set(classFollow?.picks[question] ?? [])
        if quiz.multiple { picked.formSymmetricDifference([choice]) } else { picked = [choice] }
        let choices = picked.sorted()
        classFollow?.picks[question] = choices
        if let place = lesson?.pendingQuiz?.1 { lesson?.answers[place, default: .init()].picked = picked }
        return choices.isEmpty ? [] : [.sendToClass(.answer(question, choices: choices))]
    }
}

extension AppState {
    /// The id of the lesson presented to a class.
    public var classLessonID: String? { classHost == nil ? nil : lesson?.lesson.id }
}

extension AppState {
    /// The speaker notes with the class's counts under them, for `netstep notes`: who
    /// joined, and at a quiz how many answered and, once shown, how many picked each choice.
    func withClassCounts(_ notes: SpeakerNotes) -> SpeakerNotes {
        guard let classHost, let lesson else { return notes }
        var lines = ["Class: \(classHost.joined) joined\(classHost.started ? "" : " (join card on screen)")"]
        if let (quiz, place) = lesson.pendingQuiz {
            let tally = classHost.tally(ClassQuestion(step: place.step, position: place.position), choices: quiz.choices.count)
            lines.append("Answers: \(tally.answered)/\(tally.present) answered")
            if lesson.answers[place]?.answered == true {
                lines += tally.counts.enumerated().map { "  \($0.offset + 1). \($0.element)\(quiz.answers.contains($0.offset) ? " (right)" : "")" }
            }
        }
        var counted = notes
        counted.text = ([notes.text].filter { !$0.isEmpty } + [lines.joined(separator: "\n")]).joined(separator: "\n\n")
        return counted
    }
}
