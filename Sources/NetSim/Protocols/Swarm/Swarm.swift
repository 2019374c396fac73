/// What a lesson asks of a swarm.
public enum SwarmCommand: Sendable, Hashable {
    /// Peer-to-peer distribution of a file in chunks; a swarm still running is replaced.
    case start(SwarmConfig)
    /// Whether peers check each chunk against its hash before keeping it.
    case setVerification(Bool)
    /// A malicious node serves corrupted chunks.
    case setMalicious(NodeID, Bool)
}

extension Command {
    /// Peer-to-peer distribution of a file in chunks (see `SwarmConfig`).
    public static func startSwarm(_ config: SwarmConfig) -> Command {
        .swarm(.start(config))
    }

    /// Whether peers check each chunk against its hash before keeping it.
    public static func setVerification(_ on: Bool) -> Command {
        .swarm(.setVerification(on))
    }

    /// A malicious node serves corrupted chunks.
    public static func setMalicious(_ node: NodeID, _ on: Bool) -> Command {
        .swarm(.setMalicious(node, on))
    }
}

/// A chunk of the swarm's file on its way. `generation` is its swarm's (see
/// `SwarmState.generation`): a chunk still travelling when its swarm ends and another
/// begins belongs to none of the new swarm's members.
struct ChunkPayload: Equatable, Sendable {
    let chunk: Int
    /// Its content does not match its hash.
    let corrupt: Bool
    let generation: Int
}
