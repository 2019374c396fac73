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
    /// What the next click (PgDn) does, in a tutor's words: "plays until server's
    /// queue is full". One line.
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
    /// The speaker notes for the step on screen, all of them at once (a note written
    /// after a run, an ask or a quiz says so), so a tutor reads the step's plan once and
    /// the page is not printed again as the step goes on; and what the next click
    /// (`move(for: .advance)`, what PgDn does) does.
    var notes: SpeakerNotes {
        let heading = "\(lesson.id) · step \(runner.stepIndex + 1)/\(lesson.steps.count): \(runner.step.title)"
        let text = runner.step.notes.map { note in
            Self.placeOfNote(note, in: runner.step).map { "\($0): \(note.text)" } ?? note.text
        }
        return SpeakerNotes(heading: heading, text: text.joined(separator: "\n\n"), next: move(for: .advance)?.spoken ?? "")
    }

    /// When a note written later in the step applies, in a tutor's words ("After the
    /// quiz"); nil for a note at the step's start.
    static func placeOfNote(_ note: StepNote, in step: LessonStep) -> String? {
        guard note.revealAt > 0, step.script.indices.contains(note.revealAt - 1) else { return nil }
        switch step.script[note.revealAt - 1].kind {
        case .quiz: return "After the quiz"
        case .pause: return "After the pause"
        case .run: return "Once it has played"
        case let .ask(ask):
            let words = LessonMove.ask(ask)
            return words == ask.action.summary ? "After \(words)" : "After you \(words)"
        case let .act(action): return "After \(action.summary)"
        }
    }
}
