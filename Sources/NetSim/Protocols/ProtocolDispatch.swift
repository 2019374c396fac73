/// The engine's one switch per hook: each hands a protocol's case of a core enum to that
/// protocol's handler (see the module documentation, "Adding a protocol").
extension Simulation {
    /// Applies a protocol's command (the engine's own commands are in `perform`).
    mutating func performProtocol(_ command: Command) throws(SimError) {
        switch command {
        case let .requests(command): try apply(command)
        case let .accessControl(command): try apply(command)
        case let .fileServing(command): try apply(command)
        case let .discovery(command): try apply(command)
        case let .calls(command): try apply(command)
        case let .hold(command): try apply(command)
        case let .caching(command): try apply(command)
        case let .swarm(command):
            try apply(command)
            if case .start = command { markFacts.swarmStarted() }
        case .setNodeUp, .setLinkUp, .addNode, .removeNode, .setCapacity:
            preconditionFailure("the engine applies its own commands")
        }
    }

    /// A message arrived at its destination, which is up and still reachable.
    mutating func deliver(_ payload: Payload, message: Message, holdingSlots: Bool) -> Happening {
        switch payload {
        case let .requests(payload): return deliver(payload, message: message)
        case let .accessControl(payload): return deliver(payload, message: message)
        case .file: return completeFile(at: message.to, message: message)
        case let .discovery(payload): return deliver(payload, message: message)
        case let .calls(payload): return deliver(payload, message: message)
        case let .swarm(payload): return deliver(payload, message: message, holdingSlots: holdingSlots)
        case let .bitTorrent(payload): return deliver(payload, message: message)
        }
    }

    /// A message will never arrive: it reached a node that is down or could not be
    /// reached (`onArrival`), or its transfer was stopped while its bits were moving.
    mutating func lost(_ payload: Payload, from: NodeID, to: NodeID, holdingSlots: Bool, onArrival: Bool) {
        switch payload {
        case let .requests(payload): lost(payload)
        case let .discovery(payload): lost(payload)
        case let .swarm(payload): lost(payload, from: from, to: to, holdingSlots: holdingSlots, onArrival: onArrival)
        case .accessControl, .file, .calls, .bitTorrent:
            break
        }
    }

    /// Whether a protocol's event still matters when it comes out of the queue.
    func isLive(_ event: Event) -> Bool {
        switch event {
        case let .transmitted(transfer, version): transfers.isCurrent(transfer, version: version)
        case let .requests(event): isLive(event)
        case let .bitTorrent(event): isLive(event)
        case .arrival, .hold, .failures: true
        }
    }

    mutating func dispatch(_ event: Event) -> Happening {
        switch event {
        case let .transmitted(transfer, _): finishTransmission(transfer)
        case let .arrival(flight): deliver(flight)
        case let .requests(event): handle(event)
        case .hold: handleHold()
        case let .bitTorrent(event): handle(event)
        case let .failures(event): handle(event)
        }
    }

    /// A node went down: each protocol forgets what the node was doing.
    mutating func protocolsNodeWentDown(_ id: NodeID) {
        requestsNodeWentDown(id)
        cachingNodeWentDown(id)
    }
}
