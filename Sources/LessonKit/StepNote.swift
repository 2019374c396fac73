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
