/// A call between two peers that cannot reach each other directly (both behind home
/// routers, as Skype's users were): a better-connected supernode relays the set-up.
/// Four messages: caller to relay, relay rings the callee, the callee answers through
/// the relay, and the relay tells the caller the call is up.
extension Simulation {
    mutating func apply(_ command: CallCommand) throws(SimError) {
        switch command {
        case let .place(from, to, relay):
            try check(from)
            try check(to)
            try placeCall(from: from, to: to, relay: relay)
        }
    }

    private mutating func placeCall(from caller: NodeID, to callee: NodeID, relay: NodeID?) throws(SimError) {
        guard caller != callee else { throw .invalid("\(name(caller)) cannot call itself") }
        guard nodes[caller.rawValue].isUp else { throw .invalid("\(name(caller)) is down") }
        let chosen: NodeID
        if let relay {
            try check(relay)
            guard relay != caller, relay != callee else { throw .invalid("the relay must be a third node") }
            chosen = relay
        } else {
            let supernodes = nodeIDs.filter {
                network.nodes[$0.rawValue].role == .supernode && nodes[$0.rawValue].isUp && $0 != caller && $0 != callee
            }
            guard let best = supernodes.max(by: { network.nodes[$0.rawValue].upload < network.nodes[$1.rawValue].upload })
            else { throw .invalid("no supernode is up to relay the call") }
            chosen = best
        }
        let call = CallRecord(caller: caller, callee: callee, relay: chosen, started: now)
        calls.append(call)
        sendCallMessage(calls.count - 1, stage: 0)
    }

    /// The four set-up messages, in order: (from, to, label) for each stage.
    private func callRoute(_ call: CallRecord, stage: Int) -> (NodeID, NodeID, String) {
        switch stage {
        case 0: (call.caller, call.relay, "call \(name(call.callee))")
        case 1: (call.relay, call.callee, "ringing: \(name(call.caller)) calls")
        case 2: (call.callee, call.relay, "answer")
        default: (call.relay, call.caller, "connected")
        }
    }

    private mutating func sendCallMessage(_ index: Int, stage: Int) {
        let (from, to, label) = callRoute(calls[index], stage: stage)
        send(.call, from: from, to: to, bits: 8 * 200, label: label, payload: .calls(CallPayload(call: index, stage: stage)))
    }

    mutating func deliver(_ payload: CallPayload, message: Message) -> Happening {
        let index = payload.call
        let stage = payload.stage
        guard stage < 3 else {
            metrics.calls.append(CallResult(
                caller: calls[index].caller, callee: calls[index].callee, relay: calls[index].relay,
                started: calls[index].started, connected: now
            ))
            return Happening(kind: .connected, message: message, node: message.to)
        }
        sendCallMessage(index, stage: stage + 1)
        return Happening(kind: .delivered, message: message, node: message.to)
    }
}
