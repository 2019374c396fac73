import Canvas

/// The speaker notes of the step being presented, headed by the lesson and step they
/// belong to, so a tutor glancing at the second terminal (`netstep notes`) knows where
/// the class is.
public struct SpeakerNotes: Sendable, Hashable {
    /// Which lesson and step: "cs-basics · step 2/4: A request and its response". One line.
    public var heading: String
    /// The step's notes, a blank line between two; empty when the step has none.
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }

    /// The notes as a terminal `width` columns wide shows them: a rule naming the step,
    /// then the notes broken between words, so no word is split at the window's edge.
    public func page(width: Int) -> String {
        let body = text.isEmpty ? "(no notes for this step)" : text
        return ["---- \(heading) ----", body]
            .flatMap { StyledText([StyledSpan($0)]).wrapped(width: max(1, width)) }
            .map { $0.map(\.text).joined() }
            .joined(separator: "\n")
    }
}
