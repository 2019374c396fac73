import Canvas
import LessonKit
import NetSim

extension AppState {
    /// The lesson screen for the session on screen, to be drawn `width` by `height` (the
    /// window's size unless given).
    func lessonView(_ session: LessonSession, theme: Theme, width: Int? = nil, height: Int? = nil) -> LessonScreenView {
        let runner = session.runner
        let stage = session.stage
        let frame = stage.frame
        let scene = stage.scene(frame)
        // Counts from where the scenario on screen began, unless the stage is still
        // showing the moment before it.
        let countsStart = runner.countsStart.flatMap { $0.time <= frame.time ? $0 : nil }
        var metrics = MetricsView(frame, focus: MetricsFocus(
            highlighted: runner.highlightedNodes, sharing: Set(runner.fileShareNodes)),
            countsFrom: countsStart?.metrics, since: countsStart?.time ?? 0)
        if let gauges = runner.gauges { metrics.keep(gauges) }
        let watched = runner.highlightedValues + runner.charts.filter { !runner.highlightedValues.contains($0) }
        // Watched values in words ("server.queue" reads "server queue"), leaving out any
        // a gauge already shows.
        let gauges = Set(metrics.gauges.map(\.label))
        let counters = watched.map { (label: $0.spokenName, value: $0) }.filter { !gauges.contains($0.label) }
        // Totals count from where the scenario began, as the panel's own counts do.
        func reading(_ value: LiveValue) -> LiveReading {
            guard let countsStart else { return session.reading(value) }
            return value.read(in: frame.simulation, countingFrom: countsStart.simulation, stepStart: runner.stepStartTime, curve: runner.curve)
        }
        metrics.counters = counters.map { "\($0.label) \(reading($0.value).text)" } + metrics.counters
        let curve = runner.curveOnStage.map(CurveChart.init)
        if let curve {
            // The network is not what the step shows, so neither are its figures.
            metrics = MetricsView()
            metrics.table = CurveChartRenderer(chart: curve, theme: theme).figureRows
        }
        let stepCount = runner.lesson.steps.count
        return LessonScreenView(
            title: "\(session.index + 1). \(runner.lesson.title)", stepTitle: runner.step.title, scene: scene,
            selection: stage.selection, curve: curve, narration: narration(session, theme: theme),
            metrics: metrics,
            panelTitle: "step \(runner.stepIndex + 1)/\(stepCount)", metricsTitle: Self.metricsTitle(countsStart, curve: curve != nil),
            status: StatusView(
                playing: stage.isPlaying, position: "step \(runner.stepIndex + 1)/\(stepCount)",
                time: Units.format(duration: stage.clock), speed: stage.playback.speedLabel(unicode: theme.unicode, at: stage.clock),
                events: stage.shown.simulation.eventCount, note: statusNote(session), stepped: stage.lastStep, showsEvents: !presenting),
            hints: presenting ? [] : keyBar(session, unicode: theme.unicode), presenting: presenting)
    }

    /// The metrics panel's title: what its counts cover, in the lesson's terms (a step
    /// is what a learner knows; an instant of simulated time is not). With no new
    /// scenario begun, the counts cover every run since the first step.
    static func metricsTitle(_ start: CountsStart?, curve: Bool) -> String {
        if curve { return "metrics" }
        guard let start else { return "metrics · since step 1" }
        switch start.reason {
        case .swarm: return "metrics · this swarm"
        case .reset: return "metrics · since step \(start.step + 1)"
        case .call: return "metrics · this call"
        }
    }

    private func statusNote(_ session: LessonSession) -> String {
        if let done = session.didForYou { return "\(ScreenKey.right.name(unicode: true)) did it for you: \(done)" }
        if let said = session.said { return said }
        return switch session.shownPending {
        case let .running(wait): wait.inWords
        case .ask, .pause, .quiz: "your turn"
        case .done: session.runner.isLastStep ? "lesson done" : "step done"
        }
    }

    /// The key bar: the keys of the end-of-lesson box while it is up (the lesson's own
    /// keys do not work under it), else the lesson's.
    private func keyBar(_ session: LessonSession, unicode: Bool) -> [KeyHint] {
        lessonIsOver ? LessonOverPanel.hints(self, unicode: unicode) : lessonHints(session, unicode: unicode)
    }

    /// The keys for the moment: first what the next → does ("→ next step"), or, on a
    /// quiz that waits for its answer, how to answer it; Enter says what it does now
    /// (both read from `move(for:)`, which the keys carry out). Hints for keys the pause
    /// or the ask tells the learner to press stay in view when the line is short of room.
    private func lessonHints(_ session: LessonSession, unicode: Bool) -> [KeyHint] {
        if classFollow?.following == true { return classFollowHints(session) }
        var hints: [KeyHint] = []
        var asked: Set<String> = []
        let places = screenPlaces, presenting = presentingLesson
        let forward = session.move(for: .stepForward), enter = session.move(for: .play)
        // Enter doing what → does shares its hint.
        let enterText = enter == forward ? nil : enter?.keyBarText
        func hint(_ actions: KeyAction..., text: String, hold: KeyHint.Hold) -> [KeyHint] {
            KeyBar.hints([KeyBarEntry(actions, text: text, hold: hold)], places: places, presenting: presenting, unicode: unicode)
        }
        switch session.shownPending {
        case let .ask(ask):
            let right = ScreenKey.right.name(unicode: unicode)
            hints.append(KeyHint("\(ask.key) \(right)", "do it", hold: .asked))
            asked = KeyMentions.keys(in: ask.prompt)
        case let .quiz(quiz) where forward == .answerFirst && enter != .submitNumber:
            hints.append(KeyHint("1-\(quiz.choices.count)", quiz.multiple ? "pick the answers" : "answer the quiz", hold: .asked))
        case .pause(let text):
            asked = KeyMentions.keys(in: text)
            fallthrough
        default:
            if let text = forward?.keyBarText {
                hints += enter == forward ? hint(.stepForward, .play, text: text, hold: .asked) : hint(.stepForward, text: text, hold: .asked)
            }
        }
        // An answer to submit leads the line: it is what the quiz waits for.
        let submits = enter == .submitNumber || enter == .checkAnswer
        if submits, let text = enterText { hints = hint(.play, text: text, hold: .asked) + hints }
        var own = [KeyBarEntry(.nextStep, .previousStep, text: "steps")]
        if !session.runner.step.hints.isEmpty { own.append(KeyBarEntry(.hint, text: "hint")) }
        let leaving = leavingQuits ? "quit" : "back"
        let stage = KeyBar.stage(places: places, presenting: presenting, unicode: unicode, leaving: leaving, forward: nil,
                                 play: submits ? nil : enterText)
        // ← (and Enter, when the stage lists it) before the step keys.
        let kept = submits || enterText == nil ? 1 : 2
        let (stepping, rest) = (stage.prefix(kept), stage.dropFirst(kept))
        return (hints + stepping + KeyBar.hints(own, places: places, presenting: presenting, unicode: unicode) + rest)
            .map { $0.holding(asked) }
    }

    /// The step's narration so far (paragraphs appear as the script passes them) with live values filled in, the quiz, hints when asked for,
    /// and a prompt that says what the learner can do next. A paragraph shown after a
    /// wait keeps the values of the moment it speaks of; the others read the screen's state.
    func narration(_ session: LessonSession, theme: Theme) -> NarrationView {
        let runner = session.runner
        // In script order: a paragraph comes before the script item it precedes in the
        // file (its reveal position), a quiz already gone past at its own position.
        let shownNarration = runner.shownNarration.filter { $0.paragraph.revealAt <= session.shownScriptPosition }
        var ordered: [(position: Int, block: NarrationBlock)] = shownNarration.map { shown in
            var frozen = shown.frozen?.makeIterator()
            let readings = LiveReading.sharingUnits(shown.paragraph.spans.compactMap { span in
                guard case let .live(value, _) = span else { return nil }
                return frozen?.next() ?? session.reading(value)
            })
            var next = readings.makeIterator()
            return (2 * shown.paragraph.revealAt, NarrationBlock(kind: NarrationBlock.Kind(shown.paragraph.kind), text: StyledText(shown.paragraph.spans.map { span in
                switch span {
                case let .text(text, style): StyledSpan(text, TextRole(style))
                case let .live(_, style):
                    // A figure and its unit ("20.0 s") stay on one line.
                    StyledSpan(StyledText.unbroken(next.next()?.text ?? ""), TextRole(style))
                }
            })))
        }
        ordered += answeredQuizzes(session, unicode: theme.unicode).map { (2 * $0.position + 1, $0.block) }
        let sorted = ordered.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        var blocks = sorted.map(\.block)
        if session.showsHints {
            blocks += runner.step.hints.map { NarrationBlock(kind: .text, text: StyledText([StyledSpan("Hint: ", .strong), StyledSpan($0)])) }
        }
        // The text a quiz asks about: what came on screen with it, right before it.
        let quizText = session.pendingQuiz.flatMap { quiz in sorted.firstIndex { $0.position == 2 * quiz.1.position } }
        return NarrationView(blocks: blocks, quiz: quizView(session), prompt: prompt(session, theme: theme), scroll: session.narrationScroll,
                             quizText: quizText, namesScrollKeys: !presenting)
    }

    /// Quizzes of this step the learner answered and went on from, each as one line in
    /// the narration (what was asked, the answer, whether they had it), so the text that
    /// follows them gets the room and reads after its question.
    private func answeredQuizzes(_ session: LessonSession, unicode: Bool) -> [(position: Int, block: NarrationBlock)] {
        let runner = session.runner
        let (tick, cross) = unicode ? ("✓", "✗") : ("+", "x")
        return session.answers
            .filter { $0.key.step == runner.stepIndex && $0.value.answered && $0.key.position < session.shownScriptPosition }
            .sorted { $0.key.position < $1.key.position }
            .compactMap { place, answer -> (position: Int, block: NarrationBlock)? in
                guard case let .quiz(quiz) = runner.step.script[place.position].kind else { return nil }
                if quiz.numeric != nil {
                    return (place.position, NarrationBlock(kind: .text, text: NumericQuizView.answered(quiz, answer: answer, tick: tick, cross: cross)))
                }
                let right = quiz.answers.sorted().map { "\($0 + 1). \(quiz.choices[$0].text)" }.joined(separator: "; ")
                let one = quiz.answers.count == 1
                // Words between the question and its answer, so the two never read as one
                // sentence; a quiz a presenter revealed was answered by nobody on screen.
                let verdict = answer.picked.isEmpty ? (one ? "The answer: " : "The answers: ")
                    : quiz.isCorrect(answer.picked) ? "\(tick) \(LessonOverPanel.rightOn(secondTry: answer.missed)): "
                    : "\(cross) You picked \(answer.picked.sorted().map { String($0 + 1) }.joined(separator: ", ")); "
                        + (one ? "the answer is " : "the answers are ")
                // The lesson's point, which the quiz's explanation makes, stays when the quiz
                // folds (play-test: the takeaway was gone by `lesson done`).
                let point = quiz.explanation.map { [StyledSpan(". " + $0)] } ?? []
                let text = StyledText([StyledSpan(quiz.question + " "), StyledSpan(verdict, .emphasis), StyledSpan(right, .strong)] + point)
                return (place.position, NarrationBlock(kind: .text, text: text))
            }
    }

    /// The quiz the step waits on.
    private func quizView(_ session: LessonSession) -> QuizView? {
        guard let (quiz, place) = session.pendingQuiz else { return nil }
        return quizView(quiz, answer: session.answers[place] ?? LessonSession.QuizAnswer())
    }

    private func quizView(_ quiz: Quiz, answer: LessonSession.QuizAnswer) -> QuizView {
        if quiz.numeric != nil { return NumericQuizView.quiz(quiz, answer: answer) }
        return QuizView(
            question: quiz.question, choices: quiz.choices.map(\.text), explanations: quiz.choices.map(\.explanation),
            answers: quiz.answers, multiple: quiz.multiple, picked: answer.picked, answered: answer.answered,
            missed: answer.missed, tried: answer.tried, explanation: quiz.explanation)
    }

    private func prompt(_ session: LessonSession, theme: Theme) -> StyledText? {
        let runner = session.runner
        let right = theme.unicode ? "→" : "Right"
        // A presenter drives with a clicker: the class is not told which keys to press. A
        // student following the class is not either: the presenter moves on; they only
        // answer quizzes.
        let following = classFollow?.following == true
        let quiet = presenting || following
        switch session.shownPending {
        case .running:
            if quiet { return nil }
            return StyledText(markup: "Press **\(right)** to step or **Enter** to play.")
        case let .ask(ask):
            if following { return nil }
            // The presenter's click does what the ask asks: the class reads what comes next,
            // not a key it has no keyboard for.
            if presenting { return StyledText([StyledSpan("Next: " + LessonMove.ask(ask), .strong)]) }
            return StyledText([StyledSpan(ask.prompt, .strong)])
        case let .pause(text):
            return StyledText(markup: quiet ? text : text + " Press **\(right)** to go on.")
        case let .quiz(quiz):
            guard let place = session.pendingQuiz?.1 else { return nil }
            return quizPrompt(quiz, answer: session.answers[place] ?? LessonSession.QuizAnswer(), nudged: session.nudged, unicode: theme.unicode)
        case .done:
            if quiet { return nil }
            return runner.isLastStep
                ? StyledText(markup: "**Lesson complete.** Press **\(right)** for what comes next, or **q** \(leavingQuits ? "to quit" : "for the menu").")
                : StyledText(markup: "Press **\(right)** for the next step.")
        }
    }

    /// What a quiz's prompt says, as far as the learner is with it; `nudged`: → (or n)
    /// was pressed before an answer.
    private func quizPrompt(_ quiz: Quiz, answer: LessonSession.QuizAnswer, nudged: Bool, unicode: Bool) -> StyledText? {
        let right = unicode ? "→" : "Right"
        let following = classFollow?.following == true
        let quiet = presenting || following
        if answer.answered {
            return quiet ? nil : StyledText(markup: "Press **\(right)** to go on.")
        }
        if quiz.numeric != nil {
            let prompt = NumericQuizView.prompt(quiz, answer: answer, presenting: presenting)
            guard nudged, prompt != nil else { return prompt }
            // → (or n) on a number not yet entered: said plainly, in bold, with the
            // number being typed after it.
            let unit = quiz.numeric?.unit.map { " " + $0 } ?? ""
            return StyledText([StyledSpan("Answer first: type a number, then Enter. ", .strong),
                               StyledSpan(answer.typed + "_", .strong), StyledSpan(unit)])
        }
        if presenting { return nil }
        let numbers = "**1**-**\(quiz.choices.count)**"
        if following {
            return StyledText(markup: quiz.multiple ? "Pick every right answer with \(numbers): your picks go to the class as you press."
                : "Answer with \(numbers): your answer goes to the class, and you may change it until the presenter shows the answer.")
        }
        if nudged {
            // → on a quiz not answered: said plainly, in bold, where the eye already is.
            return StyledText(markup: quiz.multiple ? "**Answer first: pick with 1-\(quiz.choices.count), then \(right).**"
                : "**Answer first, with 1-\(quiz.choices.count).**")
        }
        let ask = quiz.multiple ? "Pick every right answer with \(numbers), then press **\(right)**." : "Answer with \(numbers)."
        return StyledText(markup: answer.missed ? "Not quite. " + ask : ask)
    }
}

extension NarrationBlock.Kind {
    init(_ kind: Paragraph.Kind) {
        switch kind {
        case .text: self = .text
        case .bullet: self = .bullet
        case .heading: self = .heading
        case .code: self = .code
        }
    }
}

extension TextRole {
    /// Code wins over bold, bold over emphasis: a terminal shows one of them well.
    init(_ style: InlineStyle) {
        if style.contains(.code) {
            self = .code
        } else if style.contains(.bold) {
            self = .strong
        } else if style.contains(.emphasis) {
            self = .emphasis
        } else {
            self = .plain
        }
    }
}
