extension InspectView {
    /// What each mark the stage draws on a node says about it, in the legend's words and
    /// then in a sentence: the inspector of a marked node explains its marks.
    static func markFacts(_ marks: [StageMark]) -> [Fact] {
        marks.map { Fact("marked", SymbolLook.of(.mark($0)).word + ": " + $0.meaning) }
    }
}

extension StageMark {
    /// What the mark says happened, for the inspector (the legend has only its word).
    var meaning: String {
        switch self {
        case .down: "it is switched off; whatever is sent to it is lost"
        case .left: "it has left the network for good"
        case .dropped: "a request was thrown away at a full queue a moment ago"
        case .lost: "a request or answer of its could not arrive (its receiver is down, or the link is cut)"
        case .queueFull: "its queue is full, so the next request is dropped"
        case .rejected: "it threw away a chunk that failed its hash check"
        case .hit: "it answered a request from its fresh copy a moment ago"
        case .miss: "it had no fresh copy, and fetches one from its origin"
        case .malicious: "it sends corrupt chunks on purpose"
        case .poisoned: "it holds a corrupt chunk and may pass it on"
        case .gaveUp: "its latest request got no answer in time"
        case .refused: "access control turned its latest request away"
        case .cut: "the link is cut"
        case .sending: "it is sending data now"
        }
    }
}
