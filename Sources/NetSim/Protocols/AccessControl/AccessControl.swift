/// What a lesson asks of access control.
public enum AccessCommand: Sendable, Hashable {
    /// The server starts (or stops) checking who asks before it serves a request.
    case enable(server: NodeID, Bool)
    case grant(server: NodeID, client: NodeID)
    case revoke(server: NodeID, client: NodeID)
}

extension Command {
    public static func setAccessControl(server: NodeID, enabled: Bool) -> Command {
        .accessControl(.enable(server: server, enabled))
    }

    public static func grant(server: NodeID, client: NodeID) -> Command {
        .accessControl(.grant(server: server, client: client))
    }

    public static func revoke(server: NodeID, client: NodeID) -> Command {
        .accessControl(.revoke(server: server, client: client))
    }
}

/// What an access control message carries.
enum AccessPayload: Equatable, Sendable {
    /// The server turned this request away.
    case refused(Job)
}

/// A server's rules and what it saw.
struct AccessRules: Equatable, Sendable {
    var enabled = false
    var granted: Set<NodeID> = []
    /// Every request the server received, oldest first, whether or not it checks.
    var log: [AccessLogEntry] = []
}

/// One access a server saw, as its log keeps it.
public struct AccessLogEntry: Sendable, Hashable {
    public let time: SimTime
    public let client: NodeID
    public let what: String
    public let granted: Bool
}
