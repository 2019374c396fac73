import LessonKit

/// What →, Enter or a presenter's PgDn does at this moment of a lesson. One answer
/// serves the key's handler, the key bar (what it says the key does) and the speaker
/// notes (what the next click does), so the three cannot disagree.
enum LessonMove: Hashable, Sendable {
    /// The stage's next change.
    case step
    case play(Wait)
    case pause
    /// A presenter's click while a play runs: the play moves on at once to its next
    /// milestone (where → would stop: a tenth of the step at least, never past the end of
    /// the wait) and plays on from there.
    case hurry
    /// The step's ask is carried out; `then`: the wait after it starts playing.
    case doAsk(Ask, then: Wait?)
    case passPause(then: Wait?)
    /// A presenter shows the quiz's answer and why each choice is right or wrong.
    case revealQuiz
    /// The choices picked on a several-answer quiz are checked.
    case checkAnswer
    /// The number typed on a numeric quiz is checked.
    case submitNumber
    /// A quiz not yet answered: the prompt says the answer comes first.
    case answerFirst
    case passQuiz(then: Wait?)
    /// `number` is 1-based.
    case nextStep(number: Int, title: String)
    /// The end-of-lesson screen: what was covered and what comes next.
    case endLesson

    /// What the key bar says the key does; nil when the bar leaves the key out (the
    /// screen says what to do its own way).
    var keyBarText: String? {
        switch self {
        case .step: "step"
        case .play: "play"
        case .pause: "pause"
        case .hurry: "on to the next milestone"
        case .doAsk(_, then: nil): "do it"
        case .doAsk: "do it and play"
        case .passPause(then: nil), .passQuiz(then: nil): "go on"
        case .passPause, .passQuiz: "go on and play"
        case .revealQuiz: "show the answer"
        case .checkAnswer: "check the answer"
        case .submitNumber: "answer"
        case .answerFirst: nil
        case .nextStep: "next step"
        case .endLesson: "finish the lesson"
        }
    }

    /// What the move does, as the speaker notes tell the tutor: "plays until everyone
    /// has the file", "takes the server down, then plays until nothing more happens".
    var spoken: String {
        switch self {
        case .step: return "shows the next change"
        case let .play(wait): return "plays \(wait.inWords) (→ steps instead)"
        case .pause: return "pauses the play"
        case .hurry: return "moves the play on to its next milestone; it plays on from there"
        case let .doAsk(ask, then): return "carries out \"\(Self.ask(ask))\"" + Self.then(then)
        case let .passPause(then): return "on past the pause" + Self.then(then)
        case .revealQuiz: return "shows the quiz's answer and why each choice is right or wrong"
        case .checkAnswer, .submitNumber: return "checks the answer"
        case .answerFirst: return "nothing until the quiz is answered"
        case let .passQuiz(then): return "on past the quiz" + Self.then(then)
        case let .nextStep(number, title): return "step \(number) · \(title)"
        case .endLesson: return "the end of the lesson: what it covered and what comes next"
        }
    }

    /// Leaves the text on screen behind: the quiz folds to one line, or the step goes.
    var leavesText: Bool {
        switch self {
        case .passQuiz, .nextStep, .endLesson: true
        default: false
        }
    }

    /// An ask in words: what its prompt tells the learner to do ("Press k to take the
    /// server down" is "take the server down"), else what its action does.
    static func ask(_ ask: Ask) -> String {
        let lead = "press \(ask.key) to ".lowercased()
        guard ask.prompt.lowercased().hasPrefix(lead), ask.prompt.count > lead.count else { return ask.action.summary }
        var rest = String(ask.prompt.dropFirst(lead.count))
        while let last = rest.last, last == "." || last == "!" || last == " " { rest.removeLast() }
        return rest
    }

    private static func then(_ wait: Wait?) -> String {
        wait.map { ", then plays \($0.inWords)" } ?? ""
    }
}

extension LessonSession {
    /// What `action` (→'s step forward, Enter's play, a presenter's advance) does now;
    /// nil: nothing (the stage's own keys aside).
    func move(for action: KeyAction) -> LessonMove? {
        switch action {
        case .stepForward: forwardMove
        case .play: playMove
        case .advance: advanceMove
        default: nil
        }
    }

    /// → and Space: the next change while the step plays its wait; past an ask (doing
    /// it), a pause or an answered quiz; on to the next step once the step is done.
    private var forwardMove: LessonMove? {
        switch shownPending {
        case .running: .step
        case let .ask(ask): .doAsk(ask, then: nil)
        case .pause: .passPause(then: nil)
        case let .quiz(quiz): quizMove(quiz, enter: false)
        case .done: doneMove
        }
    }

    /// Enter: plays or pauses the wait; does the ask and plays the wait after it; past a
    /// pause into the wait after it; checks a quiz's answer; goes on as → does past an
    /// answered quiz and once the step is done.
    private var playMove: LessonMove? {
        switch shownPending {
        case let .running(wait): stage.isPlaying ? .pause : .play(wait)
        case let .ask(ask): .doAsk(ask, then: waitAfterInteraction)
        case .pause: .passPause(then: waitAfterInteraction)
        case let .quiz(quiz): quizMove(quiz, enter: true)
        case .done: doneMove
        }
    }

    /// A clicker's PgDn while presenting: one press, one thing for the class to see. A
    /// wait plays, and a press while it plays hurries it on to its next milestone (the
    /// stop → would make: a tenth of the step at least), where it plays on; at the wait's
    /// end it stops, never past it. A click that finished the whole wait skipped the
    /// lesson's point: in p2p-swarm step 3 a second click while talking jumped the swarm
    /// from 49.2 s to 61.8 s, the first peer done. Play-testers read a click that paused
    /// the play as a stop/start toggle and needed 13-19 clicks for one step; pausing is
    /// Enter's job. A pause or the step's ask is passed; a quiz shows its answer
    /// with every explanation (the class answers aloud), then is passed; a step that is
    /// done leads to the next. Passing a pause, an ask or a quiz that a wait follows also
    /// starts the wait playing: taking a pause off the screen alone shows the class
    /// nothing.
    private var advanceMove: LessonMove? {
        if stage.isPlaying { return .hurry }
        switch runner.pending {
        case let .running(wait): return .play(wait)
        case .quiz:
            if let place = pendingQuiz?.1, answers[place]?.answered != true { return .revealQuiz }
            return .passQuiz(then: waitAfterInteraction)
        case let .ask(ask): return .doAsk(ask, then: waitAfterInteraction)
        case .pause: return .passPause(then: waitAfterInteraction)
        case .done: return doneMove
        }
    }

    private func quizMove(_ quiz: Quiz, enter: Bool) -> LessonMove {
        if let place = pendingQuiz?.1, answers[place]?.answered == true { return .passQuiz(then: nil) }
        if quiz.numeric != nil { return enter ? .submitNumber : .answerFirst }
        return forwardChecksAnswer(quiz) ? .checkAnswer : .answerFirst
    }

    private var doneMove: LessonMove {
        runner.isLastStep ? .endLesson : .nextStep(number: runner.stepIndex + 2, title: lesson.steps[runner.stepIndex + 1].title)
    }

    /// The wait the script plays once the interaction it stops at is passed: the first
    /// entry after it that is not done at once, if that is a run.
    private var waitAfterInteraction: Wait? {
        let script = runner.step.script
        for item in script.dropFirst(runner.scriptPosition + 1) {
            switch item.kind {
            case .act: continue
            case let .run(wait): return wait
            case .ask, .pause, .quiz: return nil
            }
        }
        return nil
    }
}
