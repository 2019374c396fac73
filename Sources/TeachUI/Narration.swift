import Canvas

/// One block of a step's narration, with live values already filled in.
struct NarrationBlock: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case text, bullet, heading, code
    }

    var kind: Kind
    var text: StyledText
}

/// A quiz as the learner sees it: before answering, the choices; after, which were right,
/// what they picked, and why.
struct QuizView: Hashable, Sendable {
    var question: String
    var choices: [String]
    var explanations: [String?]
    var answers: Set<Int>
    var multiple: Bool
    /// Choices picked so far (0-based).
    var picked: Set<Int>
    /// The learner has committed: explanations are shown.
    var answered: Bool
    /// A first answer was wrong and the learner may try again.
    var missed = false
    /// The choices of the missed first try, explained while the learner picks again
    /// (new picks are not judged until they are submitted).
    var tried: Set<Int> = []
    var explanation: String?
    /// The notes of a quiz answered with a number (the verdict and why), written whole:
    /// they say nothing about choices.
    var notes: [String]?
}

/// The narration panel's content: the step's text, then whatever the step waits for.
struct NarrationView: Hashable, Sendable {
    var blocks: [NarrationBlock]
    var quiz: QuizView? = nil
    /// What the learner should do now: "Press **k** to take the server down."
    var prompt: StyledText? = nil
    /// Lines of narration scrolled past (the renderer keeps it in range).
    var scroll = 0
}

/// Draws narration into a panel. The prompt (what to press) is anchored at the bottom so
/// it is always in view, and a quiz's question and choices above it; the quiz's notes are
/// anchored under the choices while that leaves the narration some rows. Whatever does
/// not fit scrolls, with a line that says there is more: the narration, and, when the
/// quiz takes most of the panel, the notes on the answer after it.
struct NarrationRenderer {
    let narration: NarrationView
    let theme: Theme

    /// Rows the narration keeps above an anchored quiz (with the line that says there is
    /// more); a quiz that would leave fewer scrolls with the narration instead.
    static let narrationRows = 4

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard rect.width > 2, !rect.isEmpty else { return }
        let (top, bottom) = layout(in: rect)
        for (offset, line) in (top + bottom).enumerated() {
            canvas.put(line.spans, x: rect.x + line.indent, y: rect.y + offset, limit: rect.width - line.indent, style: theme.text)
        }
    }

    /// How far the panel can scroll in `rect`: 0 when it all fits.
    func scrollLimit(in rect: Rect) -> Int {
        guard rect.width > 2, !rect.isEmpty else { return 0 }
        let parts = parts(width: rect.width, height: rect.height)
        let room = rect.height - parts.anchored.count
        return parts.scrolling.count > room && room > 1 ? parts.scrolling.count - (room - 1) : 0
    }

    /// The scroll that brings the quiz's notes (the verdict and why) into view when they
    /// scroll with the rest; nil when they are anchored, in view already.
    func feedbackScroll(in rect: Rect) -> Int? {
        guard rect.width > 2, !rect.isEmpty, let start = parts(width: rect.width, height: rect.height).feedbackStart else { return nil }
        return min(start, scrollLimit(in: rect))
    }

    /// The lines that scroll and those anchored below them, and where the quiz's notes
    /// start among the scrolling ones when they are there.
    private func parts(width: Int, height: Int) -> (scrolling: [NarrationLine], anchored: [NarrationLine], feedbackStart: Int?) {
        let text = narrationLines(width: width)
        let quiz = quizLines(width: width), feedback = feedbackLines(width: width)
        let prompt = narration.prompt.map { $0.wrapped(width: width).map { NarrationLine(spans: $0) } } ?? []
        let quizAnchored = Self.stacked([quiz + feedback, prompt])
        let gap = text.isEmpty || quizAnchored.isEmpty ? [] : [NarrationLine()]
        if height - gap.count - quizAnchored.count >= min(text.count, Self.narrationRows) {
            return (text, gap + quizAnchored, nil)
        }
        // Short of room: the question and every choice stay anchored (a learner cannot
        // answer what is scrolled away); the text and the notes on the answer scroll.
        let scrolling = Self.stacked([text, feedback])
        let anchored = Self.stacked([quiz, prompt])
        let spaced = scrolling.isEmpty || anchored.isEmpty ? anchored : [NarrationLine()] + anchored
        return (scrolling, Array(spaced.prefix(height)), feedback.isEmpty ? nil : scrolling.count - feedback.count)
    }

    /// The lines shown: the scrolled window, ending with a line that says what more there
    /// is when it does not all fit, then the anchored part.
    private func layout(in rect: Rect) -> (top: [NarrationLine], bottom: [NarrationLine]) {
        let (top, bottom, _) = parts(width: rect.width, height: rect.height)
        let room = rect.height - bottom.count
        guard top.count > room else { return (top, bottom) }
        guard room > 1 else { return (Array(top.prefix(max(0, room))), bottom) }
        let scroll = min(max(0, narration.scroll), top.count - (room - 1))
        let below = top.count - scroll - (room - 1)
        let (up, down) = theme.unicode ? ("↑", "↓") : ("Up", "Down")
        let note = below > 0
            ? "\(theme.glyphs.ellipsis) \(down) \(below) more line\(below == 1 ? "" : "s")"
            : "\(theme.glyphs.ellipsis) \(up) back to the top"
        return (Array(top[scroll..<(scroll + room - 1)]) + [NarrationLine(spans: [StyledSpan(note, .emphasis)])], bottom)
    }

    /// Groups of lines one under another with a blank line between, leaving out empty ones.
    static func stacked(_ groups: [[NarrationLine]]) -> [NarrationLine] {
        groups.filter { !$0.isEmpty }.enumerated().flatMap { index, group in (index > 0 ? [NarrationLine()] : []) + group }
    }
}

extension QuizView {
    var isRight: Bool { picked == answers }
}
