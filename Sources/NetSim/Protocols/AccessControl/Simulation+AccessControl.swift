/// Access control at a server: while it checks, only the clients it granted are served;
/// the others get a refusal. Every request is logged, checked or not.
extension Simulation {
    mutating func apply(_ command: AccessCommand) throws(SimError) {
        switch command {
        case let .enable(server, enabled):
            try check(server)
            access[server].enabled = enabled
        case let .grant(server, client):
            try check(server)
            try check(client)
            access[server].granted.insert(client)
        case let .revoke(server, client):
            try check(server)
            try check(client)
            access[server].granted.remove(client)
        }
    }

    /// Logs the request at `server` and says whether the server lets it in.
    mutating func admits(_ record: RequestRecord, at server: NodeID) -> Bool {
        // Written in place: a copy of the server's rules kept across the append would
        // make the append copy the whole log, and a busy server's run quadratic.
        let granted = !access[server].enabled || access[server].granted.contains(record.client)
        access[server].log.append(AccessLogEntry(time: now, client: record.client, what: record.what, granted: granted))
        return granted
    }

    /// Tells the client its request was turned away.
    mutating func refuse(_ job: Job, at server: NodeID) {
        let record = requests.records[job.request]!
        metrics.refusals += 1
        send(.refused, from: server, to: record.client, bits: 0, label: "refused: \(record.what)", payload: .accessControl(.refused(job)))
    }

    mutating func deliver(_ payload: AccessPayload, message: Message) -> Happening {
        switch payload {
        case let .refused(job):
            if requests.records[job.request]!.state == .waiting { end(job.request, as: .refused) }
            return Happening(kind: .delivered, message: message, node: message.to, request: job.request)
        }
    }
}
