extension InspectView {
    /// The inspector of a marked node names its marks in the legend's words (a fact) and
    /// says what each means (sentences after the explanation, which wrap where a fact
    /// would be cut).
    mutating func explain(_ marks: [StageMark]) {
        guard !marks.isEmpty else { return }
        facts.append(Fact("marked", marks.map { SymbolLook.of(.mark($0)).word }.joined(separator: ", ")))
        explanation += marks.map { " **\(SymbolLook.of(.mark($0)).word)**: \($0.meaning)." }.joined()
    }
}

extension StageMark {
    /// What the mark says happened, for the inspector (the legend has only its word).
    var meaning: String {
        switch self {
        case .down: "it is switched off; whatever is sent to it is lost"
        case .left: "it has left the network for good"
        case .dropped: "a request was thrown away at a full queue a moment ago"
        case .lost: "its request, or the answer to it, could not arrive (the receiver is down, or the link is cut); the node itself is fine"
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
        case .unreached: "the latest flood never asked it: its hop limit ran out first"
        }
    }
}
