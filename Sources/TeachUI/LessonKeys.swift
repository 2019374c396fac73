import Canvas
import LessonKit
import NetSim

/// What a key did on the lesson screen, for the parts of the app outside the lesson.
enum LessonKeyOutcome: Sendable {
    case ignored
    case done
    case show(any Panel)
    case leave
    case toggleBlank
    /// Up or Down: scroll the narration by this many lines.
    case scroll(Int)
    /// The learner answered quiz number `quiz` (0-based within the step).
    case answered(step: Int, quiz: Int, correct: Bool)
}

extension LessonSession {
    /// Where the lesson screen looks keys up in the keymap.
    static func places(presenting: Bool) -> [KeyPlace] {
        presenting ? [.presenting, .lesson, .stage] : [.lesson, .stage]
    }

    /// Handles a key on the lesson screen. Typing an answer to the quiz on screen and the
    /// step's own key (an ask) come first; then the keymap's action for the key, which
    /// →, Enter and a presenter's PgDn turn into what they do at this moment
    /// (`move(for:)`, which the key bar and the speaker notes read too).
    mutating func handle(_ key: Key, presenting: Bool, stage stageRect: Rect) -> LessonKeyOutcome {
        // A nudge, and what → did for the learner, last until the next key.
        nudged = false
        didForYou = nil
        said = nil
        if let outcome = handleQuizInput(key) { return outcome }
        if case let .ask(ask) = shownPending, key == .character(ask.key) {
            move { $0.resolveInteraction() }
            return .done
        }
        guard let screenKey = ScreenKey(key),
              let action = Keymap.action(for: screenKey, in: Self.places(presenting: presenting), presenting: presenting) else {
            // Not used, only explained: the key stays free for a lesson's ask.
            said = whyNothing(key)
            return .ignored
        }
        if let chosen = move(for: action) { return perform(chosen, by: action) }
        switch action {
        case .nextStep:
            // A quiz on screen waits for its answer, as it does for →; a presenter's n
            // goes on (the class answers aloud).
            if !presenting, let place = pendingQuiz?.1, answers[place]?.answered != true {
                nudged = true
                said = "answer the quiz first"
                return .done
            }
            nextStep()
        case .previousStep:
            if runner.stepIndex == 0 { said = runner.isAtStepStart ? "this is the first step" : "back to the start of the first step" }
            move { $0.previousStep() }
        case .restartStep: move { $0.resetStep() }
        case .restartLesson: move { $0.restart() }
        case .goToStep: return .show(GoToPanel())
        case .hint:
            if runner.step.hints.isEmpty {
                said = "no hint on this step"
            } else {
                showsHints.toggle()
            }
        case .answer: said = pendingQuiz == nil ? "no quiz to answer now" : "the quiz is answered: → goes on"
        case .blank: return .toggleBlank
        case .leave: return .leave
        case .help: return .show(HelpPanel())
        case .scrollUp: return .scroll(-1)
        case .scrollDown: return .scroll(1)
        case .stepBack: stepBack()
        case .clickToInspect:
            guard case let .click(x, y) = key,
                  let hit = stage.selection(at: Point(x: x, y: y), stage: stageRect, presenting: presenting) else { return .done }
            stage.selection = hit
            return .show(InspectPanel())
        default:
            let speed = stage.playback.speedIndex
            let outcome = stage.perform(action)
            if action == .faster || action == .slower, stage.playback.speedIndex == speed {
                said = action == .faster ? "already the fastest speed" : "already the slowest speed"
            }
            if action == .selectNext { said = stage.selectionSaid }
            switch outcome {
            case .ignored: return .ignored
            case .done: return .done
            case .showInspector: return .show(InspectPanel())
            case .showEvents: return .show(EventListPanel(selected: max(0, stage.shownReports.count - 1)))
            }
        }
        return .done
    }

    /// Carries out what →, Enter or PgDn (`action`) does now.
    mutating func perform(_ move: LessonMove, by action: KeyAction) -> LessonKeyOutcome {
        switch move {
        case .step:
            stage.stepForward()
        case .play, .pause:
            stage.togglePlay()
        case .hurry:
            stage.hurry()
        case let .doAsk(ask, then):
            then == nil ? self.move { $0.resolveInteraction() } : pass()
            // → carries the ask out so it never dead-ends; the status line says so.
            if action == .stepForward { didForYou = LessonMove.ask(ask) }
        case let .passPause(then), let .passQuiz(then):
            then == nil ? self.move { $0.resolveInteraction() } : pass()
        case .revealQuiz:
            if let place = pendingQuiz?.1 { answers[place, default: QuizAnswer()].answered = true }
        case .checkAnswer:
            return submitPicks()
        case .submitNumber:
            guard let (quiz, place) = pendingQuiz else { return .done }
            return handleNumericQuiz(.enter, quiz: quiz, place: place) ?? .done
        case .answerFirst:
            nudged = true
        case .nextStep:
            nextStep()
        case .endLesson:
            return .show(LessonOverPanel())
        }
        return .done
    }

    /// ← : back to the stop before; at a step's start, back to where → left the step
    /// before (its end), so ← undoes exactly what → did. A step whose interactions were
    /// passed but that has run nothing yet goes back to its own start first.
    mutating func stepBack() {
        guard runner.eventsInStep == 0, stage.heldState == nil else {
            stage.stepBack()
            return
        }
        if !runner.isAtStepStart {
            move { $0.resetStep() }
        } else if runner.stepIndex > 0 {
            move { runner in
                runner.previousStep()
                runner.finishStep()
            }
        } else {
            said = "nothing before this: the lesson starts here"
        }
    }

    /// Why a key the lesson screen does not bind did nothing: an ask's key pressed
    /// before the step asks for it, or a key with no meaning here.
    private func whyNothing(_ key: Key) -> String? {
        guard case let .character(c) = key, !c.isWhitespace else { return nil }
        let laterAsk = runner.step.script.indices.dropFirst(shownScriptPosition).contains {
            if case let .ask(ask) = runner.step.script[$0].kind { ask.key == c } else { false }
        }
        if laterAsk { return "\(c) does nothing yet: the step asks for it later" }
        return "\(c) does nothing here (? lists the keys)"
    }

    /// What → (or Enter) does on a quiz not yet answered: a multiple-answer quiz with
    /// choices picked is checked; otherwise the quiz asks for its answer first.
    func forwardChecksAnswer(_ quiz: Quiz) -> Bool {
        guard quiz.multiple, let place = pendingQuiz?.1 else { return false }
        return !(answers[place]?.picked.isEmpty ?? true)
    }

    /// Keys that answer the quiz on screen: a choice's digit, or a numeric answer being
    /// typed. Going on, checking and submitting are moves (`move(for:)`).
    private mutating func handleQuizInput(_ key: Key) -> LessonKeyOutcome? {
        guard let (quiz, place) = pendingQuiz, answers[place]?.answered != true, key != .enter else { return nil }
        if quiz.numeric != nil { return handleNumericQuiz(key, quiz: quiz, place: place) }
        guard case let .character(c) = key, let number = c.wholeNumberValue, (1...quiz.choices.count).contains(number) else { return nil }
        var answer = answers[place] ?? QuizAnswer()
        if quiz.multiple {
            answer.picked.formSymmetricDifference([number - 1])
            answers[place] = answer
            return .done
        }
        answer.picked = [number - 1]
        answers[place] = answer
        return submitPicks()
    }

    /// Checks the choices picked on the quiz on screen. A first wrong answer gets a
    /// second try; the answer is shown when it is right or after the second miss.
    private mutating func submitPicks() -> LessonKeyOutcome {
        guard let (quiz, place) = pendingQuiz else { return .done }
        var answer = answers[place] ?? QuizAnswer()
        let correct = quiz.isCorrect(answer.picked)
        if correct || answer.missed {
            answer.answered = true
        } else {
            answer.missed = true
            answer.tried = answer.picked
        }
        answers[place] = answer
        return .answered(step: runner.stepIndex, quiz: quizNumber(at: place.position), correct: correct)
    }

    /// Which quiz of its step the script item at `position` is (0-based).
    func quizNumber(at position: Int) -> Int {
        runner.step.script.prefix(position).filter { if case .quiz = $0.kind { true } else { false } }.count
    }
}

extension AppState {
    mutating func handleLesson(_ key: Key) -> [AppEffect] {
        let (presenting, layout) = (self.presenting, screenLayout)
        let before = lesson?.quizProgress
        defer {
            if let session = lesson, let after = session.quizProgress, after.place == before?.place, after.stage != before?.stage {
                showQuizFeedback(of: session)
            }
        }
        if let lines = unreadLinesToShowFirst(on: key) {
            if let session = lesson { pageNarration(of: session, by: lines) }
            return []
        }
        switch lesson?.handle(key, presenting: presenting, stage: layout.stage) ?? .ignored {
        case .ignored, .done:
            break
        case let .show(panel):
            overlay = panel
        case let .scroll(lines):
            if let session = lesson { scrollNarration(of: session, by: lines) }
        case .leave:
            return leave()
        case .toggleBlank:
            blanked.toggle()
        case let .answered(step, quiz, correct):
            if let id = lesson?.lesson.id { progress.recordAnswer(lesson: id, step: step, quiz: quiz, correct: correct) }
        }
        return []
    }

    /// A key that would take narration off the screen unread (a presenter's click, or a
    /// key that goes past a quiz or on from the step), or → on a quiz not yet answered
    /// (the text above it is what it asks about), scrolls it into view first, a page at
    /// a time: how many lines, or nil when the key goes ahead. A presenter who only
    /// clicks sees every line.
    private func unreadLinesToShowFirst(on key: Key) -> Int? {
        guard let session = lesson, !session.stage.isAnimating, let screenKey = ScreenKey(key),
              let action = Keymap.action(for: screenKey, in: screenPlaces, presenting: presentingLesson),
              let move = session.move(for: action), action == .advance || move.leavesText || move == .answerFirst else { return nil }
        // A quiz revealed to a class shows its answer and point first; the click after the
        // reveal goes on, its reasons left for ↓ (one click to reveal, one to go on).
        if case .passQuiz = move, let place = session.pendingQuiz?.1, let answer = session.answers[place], answer.answered, answer.picked.isEmpty {
            return nil
        }
        let unread = narrationRenderer(session).unread(in: narrationRect)
        return unread.lines > 0 ? unread.page : nil
    }

    /// A quiz waiting for its answer has come on screen with more text above it than
    /// fits: the narration scrolls to the text closest to the question (play-test: a quiz
    /// opened with the figures it asks about folded away under `↓ 3 more lines`). Once
    /// per quiz and visit to its step, so the learner's own scrolling is kept.
    mutating func scrollToQuizLead() {
        guard let session = lesson, let place = session.pendingQuiz?.1, session.quizLead != place, width > 0, height > 0 else { return }
        lesson?.quizLead = place
        if let scroll = narrationRenderer(session).quizLeadScroll(in: narrationRect) { lesson?.narrationScroll = scroll }
    }

    /// Scrolls the narration panel, within what the panel at this window size can show.
    private mutating func scrollNarration(of session: LessonSession, by lines: Int) {
        let limit = narrationRenderer(session).scrollLimit(in: narrationRect)
        lesson?.narrationScroll = min(max(0, min(session.narrationScroll, limit) + lines), limit)
    }

    /// Pages the narration on by at most `lines`, to where a sentence or a paragraph starts
    /// when one does on the way: a page that opened mid-sentence read as a glitch.
    private mutating func pageNarration(of session: LessonSession, by lines: Int) {
        let limit = narrationRenderer(session).scrollLimit(in: narrationRect)
        let from = min(max(0, session.narrationScroll), limit), target = min(from + lines, limit)
        // The end is shown from a readable line by the renderer itself.
        let scroll = target == limit ? limit : narrationRenderer(session).readableScroll(target, after: from, in: narrationRect)
        lesson?.narrationScroll = scroll
    }

    /// A quiz answered (or missed) whose notes scroll with the narration: scroll them into view.
    private mutating func showQuizFeedback(of session: LessonSession) {
        if let scroll = narrationRenderer(session).feedbackScroll(in: narrationRect) { lesson?.narrationScroll = scroll }
    }

    private func narrationRenderer(_ session: LessonSession) -> NarrationRenderer {
        let theme = Theme(.full)
        return NarrationRenderer(narration: narration(session, theme: theme), theme: theme)
    }

    /// The inside of the narration panel at this window size.
    private var narrationRect: Rect {
        LessonScreenView.inner(screenLayout.narration)
    }

    /// The lesson and step on screen, if a lesson is.
    var lessonPlace: LessonPlace? {
        lesson.map { LessonPlace(lesson: $0.index, step: $0.runner.stepIndex) }
    }

    /// The speaker notes of the step on screen, for a presenter's second terminal.
    public var speakerNotes: SpeakerNotes? {
        guard let session = lesson else { return nil }
        if lessonIsOver { return lessonOverNotes(session) }
        var notes = session.notes
        if let unread = nextClickScrolls { notes.next = "shows \(unread) more line\(unread == 1 ? "" : "s") of the narration, not yet on screen" }
        return withClassCounts(notes)
    }

    /// The unread lines of narration a presenter's next click scrolls into view first.
    private var nextClickScrolls: Int? {
        guard let session = lesson, !session.stage.isAnimating else { return nil }
        let unread = narrationRenderer(session).unread(in: narrationRect)
        return unread.lines > 0 ? min(unread.lines, unread.page) : nil
    }

    /// The notes while the end of the lesson is on screen: what it covered and where the
    /// next click goes.
    private func lessonOverNotes(_ session: LessonSession) -> SpeakerNotes {
        let next = nextLesson.map { "lesson \($0 + 1) · \(lessons[$0].title)" } ?? "nothing more: q ends the presentation"
        return SpeakerNotes(heading: "\(session.lesson.id) · the lesson is over",
                            text: "Covered: " + session.lesson.steps.map(\.title).joined(separator: "; ") + ".", next: next)
    }

    /// Keeps progress up to date with the lesson on screen: the step it is on, and
    /// whether it is finished.
    mutating func recordProgress() {
        guard let lesson else { return }
        let id = lesson.lesson.id, step = lesson.runner.stepIndex
        if progress.lessons[id]?.step != step { progress.recordStep(step, in: id) }
        if lesson.runner.isFinished, progress.lessons[id]?.finished != true { progress.markFinished(id) }
    }

    /// A new version of the watched lesson: it replaces the old one in the course and, if
    /// it is on screen, keeps the step. A version that does not load leaves the old one
    /// running, and the lesson's screen shows why until a good edit arrives.
    mutating func reload(_ outcome: LoadOutcome) {
        guard let index = watchedLesson else { return }
        guard let new = outcome.lesson else {
            reloadProblems = outcome.diagnostics.filter { $0.severity == .error }
            return
        }
        reloadProblems = []
        lessons[index] = new
        guard let session = lesson, session.index == index else { return }
        let step = min(session.runner.stepIndex, new.steps.count - 1)
        lesson = nil
        lesson = LessonSession(index: index, lesson: new, step: step)
    }
}
