import Canvas
import LessonKit

/// What class mode draws over the lesson screen: the join card before the lesson starts,
/// the class's answers at a quiz, and, for a student, whether they follow the class.
extension AppState {
    func drawClass(into canvas: inout Canvas, theme: Theme) {
        guard let session = lesson, ScreenLayout.fits(width: canvas.width, height: canvas.height) else { return }
        let layout = lessonLayout(width: canvas.width, height: canvas.height)
        if let classHost {
            guard classHost.started else { return ClassCards.join(classHost, lesson: session.lesson, into: &canvas, theme: theme) }
            ClassCards.badge("class: \(classHost.joined) joined", into: &canvas, theme: theme)
            if let (quiz, place) = session.pendingQuiz {
                let tally = classHost.tally(ClassQuestion(step: place.step, position: place.position), choices: quiz.choices.count)
                ClassCards.answers(tally, quiz: quiz, revealed: session.answers[place]?.answered == true, in: layout.stage,
                                   into: &canvas, theme: theme)
            }
        } else if let follow = classFollow {
            guard follow.moment.started || !follow.following else {
                return ClassCards.waiting(session.lesson, connected: follow.connected, into: &canvas, theme: theme)
            }
            ClassCards.badge(Self.followBadge(follow, at: session.openClassQuestion), into: &canvas, theme: theme)
            if follow.following, let (quiz, place) = session.pendingQuiz,
               let tally = follow.tallies[ClassQuestion(step: place.step, position: place.position)], session.answers[place]?.answered == true {
                ClassCards.answers(tally, quiz: quiz, revealed: true, in: layout.stage, into: &canvas, theme: theme)
            }
        }
    }

    static func followBadge(_ follow: ClassFollowState, at open: (ClassQuestion, Quiz)?) -> String {
        if let ended = follow.ended { return "class over: \(ended) · q: quit" }
        guard follow.connected else { return "class lost: reconnecting…" }
        guard follow.following else { return "on your own · f: back to the class" }
        if let (open, quiz) = open {
            if let picked = follow.picks[open] { return "answer \(picked.map { String($0 + 1) }.joined(separator: ",")) sent · f: on your own" }
            return "answer with 1-\(quiz.choices.count) · f: on your own"
        }
        return "following the class · f: on your own"
    }
}

enum ClassCards {
    /// Before the first step: the exact command to type, and how many have joined.
    static func join(_ host: ClassHostState, lesson: Lesson, into canvas: inout Canvas, theme: Theme) {
        canvas.fill(canvas.bounds)
        let commands = host.joinCommands.prefix(max(1, canvas.height - 12))
        let width = min(canvas.width - 6, max(44, commands.map { DisplayWidth.of($0) }.max() ?? 0))
        let inside = Overlay.frame(width: width, height: commands.count + 7, title: "Join the class", into: &canvas, theme: theme)
        var y = inside.y
        canvas.put(lesson.title, x: inside.x, y: y, style: theme.panelTitle, limit: inside.width, ellipsis: "…")
        y += 2
        canvas.put("On your own terminal, type:", x: inside.x, y: y, style: theme.text(.plain), limit: inside.width)
        y += 1
        for command in commands {
            canvas.put(command, x: inside.x, y: y, style: theme.key, limit: inside.width)
            y += 1
        }
        y += 1
        canvas.put("\(host.joined) joined", x: inside.x, y: y, style: theme.good, limit: inside.width)
        y += 1
        canvas.put("PageDown starts the lesson", x: inside.x, y: y, style: theme.dim, limit: inside.width)
    }

    /// A student's screen before the presenter starts.
    static func waiting(_ lesson: Lesson, connected: Bool, into canvas: inout Canvas, theme: Theme) {
        canvas.fill(canvas.bounds)
        let inside = Overlay.frame(width: min(canvas.width - 6, max(44, DisplayWidth.of(lesson.title))), height: 4,
                                   title: "Class", into: &canvas, theme: theme)
        canvas.put(lesson.title, x: inside.x, y: inside.y, style: theme.panelTitle, limit: inside.width, ellipsis: "…")
        let status = connected ? "Joined: the presenter starts the lesson soon." : "Connection lost: reconnecting…"
        canvas.put(status, x: inside.x, y: inside.y + 2, style: connected ? theme.text(.plain) : theme.alarm, limit: inside.width)
        canvas.put("q leaves", x: inside.x, y: inside.y + 3, style: theme.dim, limit: inside.width)
    }

    /// One line at the right of the title row.
    static func badge(_ text: String, into canvas: inout Canvas, theme: Theme) {
        let label = " \(text) "
        let width = min(DisplayWidth.of(label), canvas.width / 2)
        canvas.put(label, x: canvas.width - width, y: 0, style: theme.title, limit: width)
    }

    /// At a quiz: `K/N answered` while it is open; a bar per choice, the right ones
    /// marked, once its answer is shown. At the bottom of the stage.
    static func answers(_ tally: ClassTally, quiz: Quiz, revealed: Bool, in stage: Rect, into canvas: inout Canvas, theme: Theme) {
        let heading = "\(tally.answered)/\(tally.present) answered"
        // One bar per choice of this quiz, whatever the tally holds.
        let counts = quiz.choices.indices.map { tally.counts.indices.contains($0) ? max(0, tally.counts[$0]) : 0 }
        let rows = revealed ? counts.count + 1 : 1
        let width = min(stage.width - 4, 48)
        guard width >= 20, stage.height >= rows + 4 else { return }
        // Above the stage's bottom border, where its legend is.
        let area = Rect(x: stage.x, y: stage.maxY - rows - 3, width: stage.width, height: rows + 2)
        let inside = Overlay.frame(width: width, height: rows, title: "Class answers", into: &canvas, theme: theme, area: area)
        canvas.put(heading, x: inside.x, y: inside.y, style: theme.panelTitle, limit: inside.width)
        guard revealed else { return }
        let most = max(1, counts.max() ?? 1)
        let countWidth = String(most).count
        for (index, count) in counts.enumerated() where inside.y + 1 + index < inside.maxY {
            let right = quiz.answers.contains(index)
            let y = inside.y + 1 + index
            canvas.put("\(index + 1)", x: inside.x, y: y, style: theme.key)
            let mark = right ? (theme.unicode ? "✓" : "*") : " "
            let value = String(repeating: " ", count: countWidth - String(count).count) + "\(count) \(mark)"
            let barWidth = inside.width - 3 - value.count
            canvas.bar(fraction: Double(count) / Double(most), x: inside.x + 2, y: y, width: barWidth, glyphs: theme.glyphs,
                       filled: right ? theme.good : theme.meterFill, empty: theme.meterEmpty)
            canvas.put(value, x: inside.maxX - value.count, y: y, style: right ? theme.good : theme.text(.plain))
        }
    }
}

extension AppState {
    /// A student following the class: only the keys that work while following.
    func classFollowHints(_ session: LessonSession) -> [KeyHint] {
        var hints: [KeyHint] = []
        if let (_, quiz) = session.openClassQuestion { hints.append(KeyHint("1-\(quiz.choices.count)", "answer", hold: .asked)) }
        hints += [KeyHint("f", "explore on your own", hold: .always), KeyHint("Tab i", "inspect"), .help, .leave("quit")]
        return hints
    }
}
