/// Everything a lesson or the sandbox can do to a running simulation. Each applies at
/// the simulation's current time.
///
/// The engine's own commands change the network; each protocol has one case carrying
/// its own commands (with constructors in its folder under the names lessons used
/// before, such as `Command.request(from:to:what:bytes:responseBytes:)`).
public enum Command: Sendable, Hashable {
    case setNodeUp(NodeID, Bool)
    case setLinkUp(NodeID, NodeID, Bool)
    /// A node joins, linked to the given nodes (links only matter without a full mesh).
    case addNode(NodeConfig, linkTo: [NodeID])
    /// The node leaves the network for good: its transfers stop, its data goes with it.
    case removeNode(NodeID)
    /// New capacities in bit/s; nil keeps the old one. Running transfers are re-shared.
    case setCapacity(NodeID, upload: Double?, download: Double?)

    case requests(RequestCommand)
    case accessControl(AccessCommand)
    case fileServing(FileCommand)
    case discovery(DiscoveryCommand)
    case calls(CallCommand)
    case hold(HoldCommand)
    case caching(CacheCommand)
    case swarm(SwarmCommand)
}

/// A command the simulation cannot apply, and why.
public enum SimError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownNode(NodeID)
    case invalid(String)

    public var description: String {
        switch self {
        case let .unknownNode(id): "no node \(id) in this network"
        case let .invalid(why): why
        }
    }
}
