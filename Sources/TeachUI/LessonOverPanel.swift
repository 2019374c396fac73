import Canvas
import LessonKit

/// The end of a lesson, reached with → (or a presenter's PgDn) once its last step is
/// done: what the lesson covered, what comes next in the course, and how to go on, go
/// back or leave.
struct LessonOverPanel: Panel {
    var places: [KeyPlace] { [.lessonOver] }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply {
        switch action {
        case .nextLesson:
            guard let next = app.nextLesson else { return .used }
            app.open(lesson: next, step: 0)
            return .closes
        case .restartLesson:
            app.lesson?.move { $0.restart() }
            return .closes
        case .close:
            return .closes
        case .leave:
            return .closesAndPasses
        default:
            return .used
        }
    }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        guard let session = app.lesson else { return }
        let width = min(64, canvas.width - 6)
        guard width > 10 else { return }
        var lines: [(spans: [StyledSpan], indent: Int)] = []
        func add(_ text: StyledText, indent: Int = 0) {
            lines += text.wrapped(width: max(1, width - indent)).map { ($0, indent) }
        }
        let lesson = session.lesson
        add(StyledText([StyledSpan("\(session.index + 1). \(lesson.title)", .strong)]))
        lines.append(([], 0))
        add(StyledText([StyledSpan("What it covered", .strong)]))
        let tick = theme.unicode ? "✓ " : "+ "
        for step in lesson.steps { add(StyledText([StyledSpan(tick + step.title)]), indent: 1) }
        if let score = Self.score(session), !app.presenting {
            add(StyledText([StyledSpan(score)]), indent: 1)
        }
        lines.append(([], 0))
        add(StyledText([StyledSpan("Next in the course", .strong)]))
        if let next = app.nextLesson {
            add(StyledText([StyledSpan("\(next + 1). \(app.lessons[next].title)")]), indent: 1)
            // As much of its goal as the window has room for under the rest.
            let summary = StyledText(markup: app.lessons[next].summary).wrapped(width: max(1, width - 2))
            let room = max(1, canvas.height - 4 - 2 - 2 - lines.count)
            var shown = summary.prefix(room).map { $0.map { StyledSpan($0.text, .emphasis) } }
            // A goal cut short says so.
            if summary.count > room, !shown.isEmpty { shown[shown.count - 1].append(StyledSpan(theme.unicode ? "…" : "...", .emphasis)) }
            lines += shown.map { ($0, 1) }
        } else {
            add(StyledText([StyledSpan(app.classHost != nil ? "The class ends with this lesson." : "Nothing: this is the course's last lesson.")]), indent: 1)
        }
        let hints = Self.hints(app, unicode: theme.unicode)
        let height = min(lines.count + 2, canvas.height - 4)
        let inside = Overlay.frame(width: width, height: height, title: "lesson complete", into: &canvas, theme: theme)
        for (offset, line) in lines.prefix(max(0, inside.height - 2)).enumerated() {
            canvas.put(line.spans, x: inside.x + line.indent, y: inside.y + offset, limit: inside.width - line.indent, style: theme.text)
        }
        KeyHint.drawLine(hints, into: &canvas, rect: Rect(x: inside.x - 1, y: inside.maxY - 1, width: inside.width + 1, height: 1), theme: theme)
    }

    /// How to go on, back or out, from the keymap; no next lesson, no key for it.
    static func hints(_ app: AppState, unicode: Bool) -> [KeyHint] {
        var entries = [KeyBarEntry(.close, text: "back to the lesson"), KeyBarEntry(.restartLesson, text: "start again")]
        if app.nextLesson != nil { entries.insert(KeyBarEntry(.nextLesson, text: "next lesson", hold: .always, keyCount: 2), at: 0) }
        let leave = KeyBar.hints([KeyBarEntry(.leave, text: app.leavingQuits ? "quit" : "menu", hold: .always)],
                                 places: [.lessonOver], unicode: unicode)
        return KeyBar.hints(entries, places: [.lessonOver], unicode: unicode) + leave
    }

    /// "Quizzes: 2 of 3 right on the first try", over the quizzes the learner answered in
    /// this lesson: a quiz right only on the second try is answered but not counted, and
    /// its line in the narration says so in the same words (`rightOn(secondTry:)`).
    static func score(_ session: LessonSession) -> String? {
        let answered = session.answers.filter { $0.value.answered }
        guard !answered.isEmpty else { return nil }
        let right = answered.filter { place, answer in
            guard case let .quiz(quiz) = session.lesson.steps[place.step].script[place.position].kind else { return false }
            if quiz.numeric != nil { return !answer.missed && !answer.typed.isEmpty }
            return !answer.picked.isEmpty && quiz.isCorrect(answer.picked) && !answer.missed
        }.count
        return "Quizzes: \(right) of \(answered.count) right on the first try"
    }

    /// How an answered quiz's line in the narration marks a right answer, in the card's
    /// words: a learner told "You were right" after a miss found the quiz not counted.
    static func rightOn(secondTry: Bool) -> String {
        secondTry ? "Right on the second try" : "Right on the first try"
    }
}

extension AppState {
    /// The lesson after the one on screen in the course, if there is one to go on to:
    /// none while presenting to a class (the students joined this lesson).
    var nextLesson: Int? {
        guard let index = lesson?.index, classHost == nil, classFollow == nil, lessons.indices.contains(index + 1) else { return nil }
        return index + 1
    }

    /// The end of the lesson is on screen.
    var lessonIsOver: Bool { overlay is LessonOverPanel }
}
