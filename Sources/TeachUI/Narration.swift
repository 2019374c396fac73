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
    /// The first block of the text that came on screen with the quiz, right before it:
    /// what the question is about.
    var quizText: Int? = nil
    /// The line that says more is out of view names the keys that scroll it; not when
    /// presenting (the class is not told which keys to press).
    var namesScrollKeys = true
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
        let key = NarrationMemo.Key(narration: narration, width: rect.width, height: rect.height, capabilities: theme.capabilities)
        let lines = NarrationMemo.shared.lines(for: key) {
            let (top, bottom) = layout(in: rect)
            return top + bottom
        }
        for (offset, line) in lines.enumerated() {
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

    /// The lines below the panel's window at its scroll, and how far a page down
    /// scrolls (a line of what was in view stays, to read on from).
    /// The text above an answered quiz anchored under it does not count: the learner read
    /// it before answering (a presenter's clicks paged it before revealing the answer),
    /// and it comes back whole once the quiz folds to its line.
    func unread(in rect: Rect) -> (lines: Int, page: Int) {
        let limit = scrollLimit(in: rect)
        guard limit > 0 else { return (0, 0) }
        let parts = parts(width: rect.width, height: rect.height)
        if narration.quiz?.answered == true, parts.feedbackStart == nil { return (0, 0) }
        let room = rect.height - parts.anchored.count
        return (limit - min(max(0, narration.scroll), limit), max(1, room - 2))
    }

    /// The scroll that shows a quiz waiting for its answer under the text it depends on
    /// when not all of the text fits above it: the paragraphs that came on screen with
    /// the quiz from their start (`quizText`; else the last paragraph), with as many
    /// paragraphs before them as fit too, not the step's opening lines read long before.
    /// Nil when the text fits, or no quiz waits under it.
    func quizLeadScroll(in rect: Rect) -> Int? {
        guard rect.width > 2, !rect.isEmpty, let quiz = narration.quiz, !quiz.answered else { return nil }
        let parts = parts(width: rect.width, height: rect.height)
        let limit = scrollLimit(in: rect)
        guard limit > 0, parts.feedbackStart == nil else { return nil }
        let window = rect.height - parts.anchored.count - 1
        let starts = blockStarts(width: rect.width)
        guard let last = starts.last else { return nil }
        let lead = narration.quizText.map { starts.indices.contains($0) ? starts[$0] : last } ?? last
        let fitting = starts.first { parts.scrolling.count - $0 <= window } ?? last
        return min(fitting, lead, limit)
    }

    /// The scroll that brings the quiz's notes (the verdict and why) into view when they
    /// scroll with the rest: all of them, with as much as fits of what comes before, or,
    /// when they are longer than the panel's window, from their start. Nil when they
    /// are anchored, in view already.
    func feedbackScroll(in rect: Rect) -> Int? {
        guard rect.width > 2, !rect.isEmpty else { return nil }
        let parts = parts(width: rect.width, height: rect.height)
        guard let start = parts.feedbackStart else { return nil }
        let limit = scrollLimit(in: rect), window = rect.height - parts.anchored.count - 1
        return parts.scrolling.count - start <= window ? limit : min(start, limit)
    }

    /// The lines that scroll and those anchored below them, and where the quiz's notes
    /// start among the scrolling ones when they are there.
    private func parts(width: Int, height: Int) -> (scrolling: [NarrationLine], anchored: [NarrationLine], feedbackStart: Int?) {
        let text = narrationLines(width: width)
        var quiz = quizLines(width: width), feedback = feedbackLines(width: width)
        if narration.quiz?.revealed == true {
            // Revealed to a class: the answer and the lesson's point right under the
            // question, the reasons under each choice after them, so the click that
            // reveals shows what matters even where the reasons run below the panel
            // (play-test: reveal, scroll, fold took three clicks to reach the takeaway).
            let question = questionLineCount(width: width)
            quiz = Array(quiz.prefix(question)) + feedback + Array(quiz.dropFirst(question))
            feedback = []
        }
        let prompt = narration.prompt.map { $0.wrapped(width: width).map { NarrationLine(spans: $0) } } ?? []
        let quizAnchored = Self.stacked([quiz + feedback, prompt])
        let gap = text.isEmpty || quizAnchored.isEmpty ? [] : [NarrationLine()]
        if height - gap.count - quizAnchored.count >= min(text.count, Self.narrationRows) {
            return (text, gap + quizAnchored, nil)
        }
        // The notes on an answer matter more than the text above the quiz, which the
        // learner has read: they stay anchored in view while they fit, the text keeping
        // what rows are left: a line and the line that says there is more, or only that
        // line (then set right above the question), or, with no room at all, nothing.
        // After a miss, tighter still (the choices must stay): the prompt goes, the key bar
        // saying how to answer. Once answered, the fallback below scrolls the whole quiz
        // and keeps the prompt instead.
        var tighter: [(lines: [NarrationLine], textRows: Int)] = [(gap + quizAnchored, 2), (quizAnchored, 1), (quiz + feedback + prompt, 1)]
        if narration.quiz?.answered != true { tighter += [(quiz + feedback + prompt, 0), (quiz + feedback, 1), (quiz + feedback, 0)] }
        if !feedback.isEmpty, let fitting = tighter.first(where: { $0.lines.count + min(text.count, $0.textRows) <= height }) {
            return (text, fitting.lines, nil)
        }
        if narration.quiz?.answered == true {
            // Answered, with notes too long to sit under the quiz: everything but the
            // prompt scrolls, and the notes are scrolled into view (`feedbackScroll`).
            let scrolling = Self.stacked([text, quiz + feedback])
            let anchored = scrolling.isEmpty || prompt.isEmpty ? prompt : [NarrationLine()] + prompt
            // Notes longer than the window left beside the prompt take its rows too.
            let kept = feedback.count < height - anchored.count - 1 ? anchored : []
            // A quiz revealed to a class comes into view from its question: the answer and
            // the reasons follow it.
            let start = scrolling.count - feedback.count - (narration.quiz?.revealed == true ? quiz.count : 0)
            return (scrolling, Array(kept.prefix(height)), start)
        }
        // Short of room: the question and every choice stay anchored (a learner cannot
        // answer what is scrolled away); the text and the notes on the answer scroll,
        // the notes taking the prompt's rows when they would not fit beside it.
        // Tighter, the blank lines go; then, with the text out of view but for the line
        // that says so, the prompt (the key bar says how to answer).
        let scrolling = Self.stacked([text, feedback])
        let withPrompt = Self.stacked([quiz, prompt])
        let spaced = scrolling.isEmpty ? withPrompt : [NarrationLine()] + withPrompt
        var options: [(lines: [NarrationLine], textRows: Int)] = [(spaced, 2), (withPrompt, 1), (quiz + prompt, 1), (quiz, 1), (quiz, 0)]
        if !feedback.isEmpty, feedback.count >= height - spaced.count { options = [(scrolling.isEmpty ? quiz : [NarrationLine()] + quiz, 2)] + options.suffix(2) }
        // Text short enough to show whole once a blank line or the prompt goes is shown
        // whole (play-test: a two-line lead read as a bare `… 2 more lines` over the quiz).
        let whole = options.first { $0.lines.count + scrolling.count <= height }
        let anchored = whole?.lines ?? options.first { $0.lines.count + min(scrolling.count, $0.textRows) <= height }?.lines ?? Array(quiz.prefix(height))
        return (scrolling, anchored, feedback.isEmpty ? nil : scrolling.count - feedback.count)
    }

    /// The lines shown: the scrolled window, ending with a line that says what more there
    /// is when it does not all fit, then the anchored part.
    private func layout(in rect: Rect) -> (top: [NarrationLine], bottom: [NarrationLine]) {
        let (top, bottom, _) = parts(width: rect.width, height: rect.height)
        let room = rect.height - bottom.count
        guard top.count > room else { return (top, bottom) }
        guard room > 1 else {
            // One row: it says how much is out of view, rather than showing a line of it.
            let note = "\(theme.glyphs.ellipsis) \(top.count) more line\(top.count == 1 ? "" : "s")"
            return (room == 1 ? [NarrationLine(spans: [StyledSpan(note, .emphasis)])] : [], bottom)
        }
        let limit = top.count - (room - 1)
        var scroll = min(max(0, narration.scroll), limit)
        // Scrolled to the end, the window starts where a sentence or a paragraph does,
        // never mid-sentence: the next such line, with blank rows under the last line.
        if scroll == limit, !Self.startsReadably(top, at: scroll),
           let readable = (scroll..<min(top.count, scroll + max(1, (room - 1) / 3))).first(where: { Self.startsReadably(top, at: $0) }) {
            scroll = readable
        }
        let shown = Array(top[scroll..<min(top.count, scroll + room - 1)])
        let below = top.count - scroll - (room - 1)
        let note: String
        if below > 0 {
            note = moreBelow(below, width: rect.width)
        } else if narration.namesScrollKeys {
            note = "\(theme.glyphs.ellipsis) \(theme.unicode ? "↑" : "Up") back to the top"
        } else {
            // A presenter is not told which key to press: how much is above, as a fact.
            note = "\(theme.glyphs.ellipsis) \(scroll) line\(scroll == 1 ? "" : "s") above"
        }
        let padding = Array(repeating: NarrationLine(), count: max(0, room - 1 - shown.count))
        return (shown + padding + [NarrationLine(spans: [StyledSpan(note, .emphasis)])], bottom)
    }

    /// Whether a window whose top is line `index` of `lines` starts readably: at the first
    /// line, a paragraph's, a sentence's or an item's start, never in mid-sentence.
    static func startsReadably(_ lines: [NarrationLine], at index: Int) -> Bool {
        guard index > 0, index < lines.count else { return true }
        let previous = lines[index - 1], line = lines[index]
        let before = previous.spans.map(\.text).joined().filter { $0 != " " }
        if before.isEmpty || line.spans.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) { return true }
        if line.indent < previous.indent { return true }
        return before.hasSuffix(".") || before.hasSuffix("!") || before.hasSuffix("?") || before.hasSuffix(":")
            || before.hasSuffix(".)") || before.hasSuffix(".\"")
    }

    /// The first line at or before `target`, and after `after`, where a window may start
    /// readably (`startsReadably`); `target` itself when there is none.
    func readableScroll(_ target: Int, after: Int, in rect: Rect) -> Int {
        guard rect.width > 2, !rect.isEmpty else { return target }
        let lines = parts(width: rect.width, height: rect.height).scrolling
        guard after + 1 <= target else { return target }
        return (after + 1...target).last { Self.startsReadably(lines, at: $0) } ?? target
    }

    /// "… ↓ 27 more lines · ↑↓ scroll": how much is below, and (play-test: a student who
    /// never opened the help did not know the panel scrolls) the keys that scroll it, as
    /// much of that as fits the panel's width.
    private func moreBelow(_ lines: Int, width: Int) -> String {
        let ellipsis = theme.glyphs.ellipsis, plural = lines == 1 ? "" : "s"
        let plain = "\(ellipsis) \(theme.unicode ? "↓" : "Down") \(lines) more line\(plural)"
        guard narration.namesScrollKeys else { return plain }
        let keyed = theme.unicode
            ? ["\(ellipsis) ↓ \(lines) more line\(plural) · ↑↓ scroll", "↓ \(lines) more line\(plural) · ↑↓ scroll", "↓ \(lines) more · ↑↓ scroll"]
            : ["\(ellipsis) \(lines) more line\(plural): Up/Down scroll", "\(ellipsis) \(lines) more: Up/Down"]
        return keyed.first { $0.count <= width } ?? plain
    }

    /// Groups of lines one under another with a blank line between, leaving out empty ones.
    static func stacked(_ groups: [[NarrationLine]]) -> [NarrationLine] {
        groups.filter { !$0.isEmpty }.enumerated().flatMap { index, group in (index > 0 ? [NarrationLine()] : []) + group }
    }
}

extension QuizView {
    var isRight: Bool { picked == answers }

    /// Shown answered with nothing picked: a presenter revealed it to a class that
    /// answered aloud.
    var revealed: Bool { answered && picked.isEmpty }
}
