/// Request and response: any node answers requests sent to it, one at a time, taking
/// its service time for each; others wait in a bounded queue and the rest are dropped.
/// Clients wait up to their timeout, re-send up to their retries, then give up.
///
/// Access control may turn a request away before it is queued, and a cache answers
/// from its copy or fetches one (both in their own folders).
extension Simulation {
    mutating func apply(_ command: RequestCommand) throws(SimError) {
        switch command {
        case let .ask(from, to, what, bytes, responseBytes):
            try check(from)
            try check(to)
            guard from != to else { throw .invalid("\(name(from)) cannot send a request to itself") }
            guard bytes >= 0, responseBytes >= 0 else { throw .invalid("message sizes cannot be negative") }
            try checkUp(from)
            startRequest(from: from, to: to, what: what, bytes: bytes, responseBytes: responseBytes)
        }
    }

    @discardableResult
    mutating func startRequest(
        from client: NodeID, to server: NodeID, what: String, bytes: Int, responseBytes: Int,
        owner: RequestRecord.Owner = .client
    ) -> Int {
        let id = requests.nextID
        requests.nextID += 1
        requests.records[id] = RequestRecord(
            client: client, server: server, what: what, bytes: bytes, responseBytes: responseBytes, firstSent: now,
            owner: owner
        )
        sendAttempt(of: id)
        return id
    }

    private mutating func sendAttempt(of id: Int) {
        let record = requests.records[id]!
        let job = Job(request: id, attempt: record.attempt)
        send(
            .request, from: record.client, to: record.server, bits: Double(record.bytes * 8), label: record.what,
            payload: .requests(.request(job))
        )
        if let timeout = network.nodes[record.client.rawValue].timeout {
            queue.schedule(.requests(.timeout(request: id, attempt: record.attempt)), at: now + timeout)
            requests.records[id]!.timeoutPending = true
        }
    }

    mutating func deliver(_ payload: RequestPayload, message: Message) -> Happening {
        switch payload {
        case let .request(job): receiveRequest(job, message: message)
        case let .response(job): receiveResponse(job, message: message)
        }
    }

    /// A cache learns at once that its fetch will not be answered (its connection to the
    /// origin failed); a client only notices by its timeout.
    mutating func lost(_ payload: RequestPayload) {
        switch payload {
        case let .request(job), let .response(job):
            let record = requests.records[job.request]!
            if record.owner == .cache, record.state == .waiting, record.attempt == job.attempt { end(job.request, as: .failed) }
        }
    }

    func isLive(_ event: RequestEvent) -> Bool {
        switch event {
        case let .serviceDone(server, version):
            return requests.servers[server].serviceVersion == version
        case let .timeout(request, attempt):
            guard let record = requests.records[request] else { return false }
            return record.timeoutPending && record.attempt == attempt
        }
    }

    mutating func handle(_ event: RequestEvent) -> Happening {
        switch event {
        case let .serviceDone(server, _): finishService(at: server)
        case let .timeout(request, attempt): expire(request, attempt: attempt)
        }
    }

    private mutating func receiveRequest(_ job: Job, message: Message) -> Happening {
        let server = message.to
        let record = requests.records[job.request]!
        let happening = Happening(kind: .delivered, message: message, node: server, request: job.request)
        guard admits(record, at: server) else {
            refuse(job, at: server)
            return with(happening, kind: .refused)
        }
        if isCache(server) { return cacheReceives(job, happening: happening) }
        return admit(job, at: server, happening: happening)
    }

    /// The server takes the request on: starts on it when idle, queues it when it can,
    /// drops it when its queue is full.
    mutating func admit(_ job: Job, at server: NodeID, happening: Happening) -> Happening {
        if requests.servers[server].inService == nil {
            startService(job, at: server)
            return with(happening, kind: .accepted)
        }
        if requests.servers[server].waiting.count < network.nodes[server.rawValue].queueLimit {
            requests.servers[server].waiting.append(job)
            metrics.recordQueue(server, length: requests.servers[server].waiting.count, at: now)
            return with(happening, kind: .queued)
        }
        metrics.drops += 1
        return with(happening, kind: .dropped)
    }

    func with(_ happening: Happening, kind: EventKind) -> Happening {
        var copy = happening
        copy.kind = kind
        return copy
    }

    private mutating func startService(_ job: Job, at server: NodeID) {
        requests.servers[server].inService = job
        requests.servers[server].serviceVersion += 1
        let done = now + network.nodes[server.rawValue].serviceTime
        queue.schedule(.requests(.serviceDone(server: server, version: requests.servers[server].serviceVersion)), at: done)
    }

    private mutating func finishService(at server: NodeID) -> Happening {
        let job = requests.servers[server].inService!
        let record = requests.records[job.request]!
        requests.servers[server].inService = nil
        let response = send(
            .response, from: server, to: record.client, bits: Double(record.responseBytes * 8), label: record.what,
            payload: .requests(.response(job))
        )
        if !requests.servers[server].waiting.isEmpty {
            let next = requests.servers[server].waiting.removeFirst()
            metrics.recordQueue(server, length: requests.servers[server].waiting.count, at: now)
            startService(next, at: server)
        }
        return Happening(kind: .served, message: response, node: server, request: job.request)
    }

    private mutating func receiveResponse(_ job: Job, message: Message) -> Happening {
        if requests.records[job.request]!.state == .waiting {
            end(job.request, as: .answered)
            if requests.records[job.request]!.owner == .client {
                let seconds = Double(now - requests.records[job.request]!.firstSent) / 1e6
                metrics.recordResponse(seconds: seconds, at: now)
            }
        }
        return Happening(kind: .delivered, message: message, node: message.to, request: job.request)
    }

    /// The request is over; its pending timeout no longer matters, and a cache waiting
    /// on it learns how it went.
    mutating func end(_ id: Int, as state: RequestRecord.State) {
        if requests.records[id]!.timeoutPending {
            queue.invalidateOne()
            requests.records[id]!.timeoutPending = false
        }
        requests.records[id]!.state = state
        if requests.records[id]!.owner == .cache { cacheFetchEnded(id) } else { markFacts.ended(id, of: requests.records[id]!.client) }
    }

    private mutating func expire(_ id: Int, attempt: Int) -> Happening {
        requests.records[id]!.timeoutPending = false
        let record = requests.records[id]!
        if record.attempt <= network.nodes[record.client.rawValue].retries {
            requests.records[id]!.attempt += 1
            metrics.retries += 1
            sendAttempt(of: id)
            return Happening(kind: .timedOut, node: record.client, request: id)
        }
        metrics.failures += 1
        end(id, as: .failed)
        return Happening(kind: .gaveUp, node: record.client, request: id)
    }

    /// A server that goes down loses its queue and the request in service; a client that
    /// goes down abandons what it was waiting for.
    mutating func requestsNodeWentDown(_ id: NodeID) {
        if !requests.servers[id].waiting.isEmpty {
            requests.servers[id].waiting.removeAll()
            metrics.recordQueue(id, length: 0, at: now)
        }
        if requests.servers[id].inService != nil {
            requests.servers[id].inService = nil
            requests.servers[id].serviceVersion += 1
            queue.invalidateOne()
        }
        for requestID in requests.records.keys where requests.records[requestID]!.state == .waiting {
            let record = requests.records[requestID]!
            guard record.client == id || (record.server == id && record.owner == .cache) else { continue }
            end(requestID, as: .failed)
            metrics.failures += 1
        }
    }
}
