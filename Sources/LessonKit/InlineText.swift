/// Styles an author can put on inline text with Markdown marks.
public struct InlineStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `**bold**`
    public static let bold = InlineStyle(rawValue: 1)
    /// `*emphasis*` or `_emphasis_`
    public static let emphasis = InlineStyle(rawValue: 2)
    /// `` `code` ``
    public static let code = InlineStyle(rawValue: 4)
}

/// A piece of narration: text in one style, or a live value from the simulation that is
/// filled in when the step is shown (`{server.queue}`), so numbers in text come from the engine.
public enum InlineSpan: Sendable, Hashable {
    case text(String, InlineStyle)
    case live(LiveValue, InlineStyle)
}

/// A block of narration.
public struct Paragraph: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Prose.
        case text
        /// A `- ` list item.
        case bullet
        /// A `### ` heading inside a step.
        case heading
        /// A fenced block that is neither `sim` nor `quiz`: shown as it is, line by line.
        case code
    }

    public var kind: Kind
    public var spans: [InlineSpan]
    /// How many script items of its step come before the paragraph in the file: it is
    /// shown once the runner has passed them, so text written after a `sim` block waits
    /// for what that block does ("the queue is full now") before it appears.
    public var revealAt: Int

    public init(kind: Kind, spans: [InlineSpan], revealAt: Int = 0) {
        self.kind = kind
        self.spans = spans
        self.revealAt = revealAt
    }

    /// The paragraph's text with live values shown as written (`{server.queue}`).
    public var plainText: String {
        spans.map {
            switch $0 {
            case let .text(text, _): text
            case let .live(value, _): "{\(value.source)}"
            }
        }.joined()
    }
}
