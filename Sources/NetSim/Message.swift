/// What a message carries; the UI gives each kind its own glyph and colour.
public enum MessageKind: String, Sendable, CaseIterable {
    /// A client (or peer) asks for something.
    case request
    /// The answer to a request.
    case response
    /// The server turned a request away (access control).
    case refused
    /// A whole file sent by a server (client-server distribution).
    case file
    /// One piece of a file in a swarm.
    case chunk
    /// A piece whose content does not match its hash (sent by a malicious peer).
    case corruptChunk
    /// A discovery query (to a server, flooded, or routed through a DHT).
    case lookup
    /// The answer to a discovery query.
    case lookupReply
    /// A tracker's list of peers.
    case peerList
    /// Small protocol messages: announcing, interest, choking.
    case control
    /// Call set-up and call media between peers.
    case call

    /// The kind in words, as event summaries and the stage's legend name it: "peer list".
    public var title: String {
        switch self {
        case .request: "request"
        case .response: "response"
        case .refused: "refused"
        case .file: "file"
        case .chunk: "chunk"
        case .corruptChunk: "corrupt chunk"
        case .lookup: "lookup"
        case .lookupReply: "lookup reply"
        case .peerList: "peer list"
        case .control: "control"
        case .call: "call"
        }
    }
}

/// A message travelling between two nodes, as the UI draws it.
public struct Message: Sendable, Hashable, Identifiable {
    public let id: Int
    public let kind: MessageKind
    public let from: NodeID
    public let to: NodeID
    public let bits: Double
    /// What it is in words: "GET /index.html", "chunk 17/200".
    public let label: String
    public let departs: SimTime
    /// When it reaches `to`; for transfers sharing capacity, the current estimate.
    public internal(set) var arrives: SimTime

    /// How far along its way the message is at `time`, from 0 to 1, for animation.
    public func progress(at time: SimTime) -> Double {
        guard arrives > departs else { return time >= arrives ? 1 : 0 }
        return min(1, max(0, Double(time - departs) / Double(arrives - departs)))
    }
}
