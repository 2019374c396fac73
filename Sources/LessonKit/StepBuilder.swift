/// Turns one step of the Markdown outline into a `LessonStep`: narration, script, notes, hints.
enum StepBuilder {
    static func build(_ step: MarkdownOutline.Step, log: inout DiagnosticLog, scope: inout NameScope) -> LessonStep {
        var narration: [Paragraph] = []
        var script: [ScriptItem] = []
        var notes: [StepNote] = []
        var hints: [String] = []
        let errorsBefore = log.all.filter { $0.severity == .error }.count
        for part in step.parts {
            let inline = InlineParser(values: LiveValueParser(scope: scope))
            switch part {
            case let .paragraph(lines):
                narration.append(Paragraph(kind: .text, spans: inline.parse(lines, log: &log), revealAt: script.count))
            case let .bullet(lines):
                var first = lines[0]
                first.text = first.text.dropFirst(2)
                first.firstColumn += 2
                narration.append(Paragraph(kind: .bullet, spans: inline.parse([first] + lines.dropFirst(), log: &log), revealAt: script.count))
            case let .subheading(line):
                var heading = line
                heading.text = line.text.dropFirst(4)
                heading.firstColumn += 4
                narration.append(Paragraph(kind: .heading, spans: inline.parse([heading], log: &log), revealAt: script.count))
            case let .fenced(info, block):
                switch info {
                case "sim":
                    let reader = YAMLReader(yaml: YAMLBlock(block, log: &log))
                    script += ScriptParser(reader: reader, values: LiveValueParser(scope: scope)).parse(log: &log, scope: &scope)
                case "quiz":
                    let reader = YAMLReader(yaml: YAMLBlock(block, log: &log))
                    if let quiz = QuizParser(reader: reader).parse(log: &log) {
                        script.append(ScriptItem(kind: .quiz(quiz), location: block.opening))
                    }
                default:
                    if let near = Suggestion.closest(to: info, in: ["sim", "quiz"]) {
                        log.warning("'\(info)' is not a block type; did you mean '\(near)'? (shown as plain text)", at: block.opening)
                    }
                    let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.clean($0) }
                    narration.append(Paragraph(kind: .code, spans: [.text(lines.joined(separator: "\n"), .code)], revealAt: script.count))
                }
            case let .note(text, _):
                notes.append(StepNote(text: text, revealAt: script.count))
            case let .hint(text, _):
                hints.append(text)
            }
        }
        if narration.isEmpty {
            log.warning("step '\(step.title)' has no narration: say what the learner should notice", at: step.heading)
        }
        // An entry naming a node the network failed to declare is left out unreported, so
        // what seems to follow from the script's shape may only follow from that gap.
        if log.all.filter({ $0.severity == .error }).count == errorsBefore, scope.knowsEveryName {
            warnAboutUnrunActions(script, log: &log)
        }
        return LessonStep(title: step.title, narration: narration, script: script, notes: notes, hints: hints, location: step.heading)
    }

    /// Actions after a step's last `run` take effect only when the next step runs the
    /// simulation, which is rarely what the author meant.
    private static func warnAboutUnrunActions(_ script: [ScriptItem], log: inout DiagnosticLog) {
        var pending: ScriptItem?
        for item in script {
            switch item.kind {
            case let .act(action) where action.changesSimulation:
                pending = pending ?? item
            case let .ask(ask) where ask.action.changesSimulation:
                pending = pending ?? item
            case .run:
                pending = nil
            default:
                break
            }
        }
        if let pending {
            log.warning("nothing runs the simulation after this action in its step, so its effect only shows in the next step; add '- run: idle' (or another run) after it",
                        at: pending.location)
        }
    }

    /// Every lesson should have a moment where the learner predicts or acts.
    static func warnWithoutInteraction(_ steps: [LessonStep], at location: SourceLocation, log: inout DiagnosticLog) {
        guard !steps.isEmpty, !steps.contains(where: { $0.script.contains(where: \.isInteraction) }) else { return }
        log.warning("the learner never predicts or acts in this lesson: add a quiz, an ask or a pause", at: location)
    }

    static func warnAboutTitles(_ steps: [LessonStep], log: inout DiagnosticLog) {
        var seen: Set<String> = []
        for step in steps where !step.title.isEmpty {
            if !seen.insert(step.title.lowercased()).inserted {
                log.warning("another step already has the title '\(step.title)'; a tutor jumping by title cannot tell them apart", at: step.location)
            }
        }
    }
}
