/// What a lesson asks of relayed calls.
public enum CallCommand: Sendable, Hashable {
    /// Sets up a call between two peers through a relay (nil: the best-connected supernode).
    case place(from: NodeID, to: NodeID, relay: NodeID?)
}

extension Command {
    /// Sets up a call between two peers through a relay (nil: the best-connected supernode).
    public static func placeCall(from caller: NodeID, to callee: NodeID, relay: NodeID?) -> Command {
        .calls(.place(from: caller, to: callee, relay: relay))
    }
}

/// What a call message carries: which call, and which of its four set-up messages it is.
struct CallPayload: Equatable, Sendable {
    let call: Int
    let stage: Int
}

/// A call being set up through a relay.
struct CallRecord: Equatable, Sendable {
    let caller: NodeID
    let callee: NodeID
    let relay: NodeID
    let started: SimTime
}
