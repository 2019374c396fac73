/// A speaker note (`<!-- note: ... -->`) and the point of its step it belongs to: a note
/// written after a `sim` block or a quiz is for the moment the lesson gets past them, not
/// for the step's start.
public struct StepNote: Sendable, Hashable {
    public var text: String
    /// The script position from which the note applies, as `Paragraph.revealAt`: the
    /// number of script entries written before it in the step.
    public var revealAt: Int

    public init(text: String, revealAt: Int) {
        self.text = text
        self.revealAt = revealAt
    }
}

extension LessonStep {
    /// The notes for the moment the script is at `position`: those written at the latest
    /// point the script has reached, or none before the step's first note is reached.
    public func notes(at position: Int) -> [String] {
        guard let reached = notes.last(where: { $0.revealAt <= position })?.revealAt else { return [] }
        return notes.filter { $0.revealAt == reached }.map(\.text)
    }
}
