/// What a lesson asks of client-server distribution.
public enum FileCommand: Sendable, Hashable {
    /// The server sends the whole file to every client at once, its upload shared among them.
    case serve(from: NodeID, to: [NodeID], bits: Double)
}

extension Command {
    /// Client-server distribution (see `FileCommand.serve`).
    public static func serveFile(from server: NodeID, to clients: [NodeID], bits: Double) -> Command {
        .fileServing(.serve(from: server, to: clients, bits: bits))
    }
}
