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

    /// Handles a key on the lesson screen. The step's own key (an ask) and the quiz come
    /// first, then the keymap's lesson keys, then the stage's.
    mutating func handle(_ key: Key, presenting: Bool, stage stageRect: Rect) -> LessonKeyOutcome {
        // A nudge lasts until the next key.
        nudged = false
        if let outcome = handleInteraction(key) { return outcome }
        guard let screenKey = ScreenKey(key),
              let action = Keymap.action(for: screenKey, in: Self.places(presenting: presenting), presenting: presenting) else { return .ignored }
        switch action {
        case .advance: advance()
        case .nextStep: nextStep()
        case .previousStep: move { $0.previousStep() }
        case .restartStep: move { $0.resetStep() }
        case .restartLesson: move { $0.restart() }
        case .goToStep: return .show(GoToPanel())
        case .hint: showsHints.toggle()
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
            switch stage.perform(action) {
            case .ignored: return .ignored
            case .done: return .done
            case .showInspector: return .show(InspectPanel())
            case .showEvents: return .show(EventListPanel(selected: max(0, stage.shownReports.count - 1)))
            }
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
        }
    }

    /// What → (or Enter) does on a quiz not yet answered: a multiple-answer quiz with
    /// choices picked is checked; otherwise the quiz asks for its answer first.
    func forwardChecksAnswer(_ quiz: Quiz) -> Bool {
        guard quiz.multiple, let place = pendingQuiz?.1 else { return false }
        return !(answers[place]?.picked.isEmpty ?? true)
    }

    /// The step waits for the learner: its ask key, going on after a pause, a quiz
    /// answer, going on to the next step once this one is done. → goes on from each of
    /// them (it does what an ask asks, as n and a presenter's PgDn do), except past a
    /// quiz not yet answered: that says, clearly, that the quiz waits for an answer.
    private mutating func handleInteraction(_ key: Key) -> LessonKeyOutcome? {
        let goOn = key == .right || key == .character(" ")
        // Only an interaction on screen takes keys: not one the stage is still gliding to.
        switch shownPending {
        case let .ask(ask) where key == .character(ask.key) || goOn:
            move { $0.resolveInteraction() }
            return .done
        case .pause where goOn:
            move { $0.resolveInteraction() }
            return .done
        case .pause where key == .enter:
            // Enter plays: past the pause, into the wait that follows it.
            pass()
            return .done
        case .done where (goOn || key == .enter) && !runner.isLastStep:
            nextStep()
            return .done
        case let .quiz(quiz):
            guard let place = pendingQuiz?.1 else { return nil }
            var answer = answers[place] ?? QuizAnswer()
            if answer.answered {
                guard goOn || key == .enter else { return nil }
                move { $0.resolveInteraction() }
                return .done
            }
            if quiz.numeric != nil { return handleNumericQuiz(key, quiz: quiz, place: place) }
            var submitted = false
            if case let .character(c) = key, let number = c.wholeNumberValue, (1...quiz.choices.count).contains(number) {
                if quiz.multiple {
                    answer.picked.formSymmetricDifference([number - 1])
                } else {
                    answer.picked = [number - 1]
                    submitted = true
                }
            } else if goOn || key == .enter {
                guard forwardChecksAnswer(quiz) else {
                    nudged = true
                    return .done
                }
                submitted = true
            } else {
                return nil
            }
            // A first wrong answer gets a second try; the answer is shown when it is
            // right or after the second miss.
            let correct = quiz.isCorrect(answer.picked)
            if submitted {
                if correct || answer.missed {
                    answer.answered = true
                } else {
                    answer.missed = true
                    answer.tried = answer.picked
                }
            }
            answers[place] = answer
            guard submitted else { return .done }
            return .answered(step: runner.stepIndex, quiz: quizNumber(at: place.position), correct: correct)
        default:
            return nil
        }
    }

    /// Which quiz of its step the script item at `position` is (0-based).
    func quizNumber(at position: Int) -> Int {
        runner.step.script.prefix(position).filter { if case .quiz = $0.kind { true } else { false } }.count
    }
}

extension AppState {
    mutating func handleLesson(_ key: Key) -> [AppEffect] {
        let (presenting, stage) = (self.presenting, stageRect)
        let before = lesson?.quizProgress
        defer {
            if let session = lesson, let after = session.quizProgress, after.place == before?.place, after.stage != before?.stage {
                showQuizFeedback(of: session)
            }
        }
        switch lesson?.handle(key, presenting: presenting, stage: stage) ?? .ignored {
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

    /// Scrolls the narration panel, within what the panel at this window size can show.
    private mutating func scrollNarration(of session: LessonSession, by lines: Int) {
        let limit = narrationRenderer(session).scrollLimit(in: narrationRect)
        lesson?.narrationScroll = min(max(0, min(session.narrationScroll, limit) + lines), limit)
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
    public var speakerNotes: SpeakerNotes? { lesson.map { withClassCounts($0.notes) } }

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
