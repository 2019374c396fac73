import Canvas
import LessonKit

/// The speaker notes for the moment being presented, headed by the lesson and step they
/// belong to, and what the presenter's next click will do, so a tutor glancing at the
/// second terminal (`netstep notes`) knows where the class is and what comes next.
public struct SpeakerNotes: Sendable, Hashable {
    /// Which lesson and step: "cs-basics · step 2/4: A request and its response". One line.
    public var heading: String
    /// The notes for this point of the step, a blank line between two; empty when it has none.
    public var text: String
    /// What the next click (PgDn) does, in the words the class hears: "plays until
    /// server's queue is full". One line.
    public var next: String

    public init(heading: String, text: String, next: String) {
        self.heading = heading
        self.text = text
        self.next = next
    }

    /// The notes as a terminal `width` columns wide shows them: a rule naming the step,
    /// the notes, and what the next click does, broken between words, so no word is split
    /// at the window's edge.
    public func page(width: Int) -> String {
        let body = text.isEmpty ? "(no note at this point)" : text
        return Self.wrapped(["---- \(heading) ----", body, "", nextLine], width: width)
    }

    /// What follows `earlier` on a follower's terminal: the whole page when the notes are
    /// for another point of the lesson, else only the line saying what the next click
    /// does (a play starting or stopping changes nothing else, and the notes the tutor
    /// is reading stay where they are).
    public func update(after earlier: SpeakerNotes?, width: Int) -> String? {
        guard let earlier, earlier.heading == heading, earlier.text == text else { return "\n" + page(width: width) }
        return earlier.next == next ? nil : Self.wrapped([nextLine], width: width)
    }

    private var nextLine: String { "next: \(next)" }

    private static func wrapped(_ lines: [String], width: Int) -> String {
        lines.flatMap { $0.isEmpty ? [[]] : StyledText([StyledSpan($0)]).wrapped(width: max(1, width)) }
            .map { $0.map(\.text).joined() }
            .joined(separator: "\n")
    }
}

extension LessonSession {
    /// The speaker notes for the point of the step on screen: the notes written at the
    /// latest place the script has got past, and what `advance()` (the clicker) does next.
    var notes: SpeakerNotes {
        let heading = "\(lesson.id) · step \(runner.stepIndex + 1)/\(lesson.steps.count): \(runner.step.title)"
        return SpeakerNotes(heading: heading, text: runner.step.notes(at: shownScriptPosition).joined(separator: "\n\n"), next: nextClick)
    }

    /// What the next click does, in `advance()`'s order.
    private var nextClick: String {
        if stage.isAnimating { return "goes straight to where this play stops" }
        switch runner.pending {
        case let .running(wait): return "plays \(wait.inWords)"
        case .quiz:
            if let place = pendingQuiz?.1, answers[place]?.answered != true { return "the quiz's answer" }
            return "on past the quiz"
        case let .ask(ask): return "does what the ask says: \(ask.action.summary)"
        case .pause: return "on past the pause"
        case .done:
            let next = runner.stepIndex + 1
            guard next < lesson.steps.count else { return "the end of the lesson" }
            return "step \(next + 1) · \(lesson.steps[next].title)"
        }
    }
}
