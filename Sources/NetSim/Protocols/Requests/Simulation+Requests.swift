/// Request and response: any node answers requests sent to it, one at a time, taking
/// its service time for each; others wait in a bounded queue and the rest are dropped.
/// Clients wait up to their timeout, re-send up to their retries, then give up.
extension Simulation {
    mutating func startRequest(from client: NodeID, to server: NodeID, what: String, bytes: Int, responseBytes: Int) {
        let id = nextRequestID
        nextRequestID += 1
        requests[id] = RequestRecord(
            client: client, server: server, what: what, bytes: bytes, responseBytes: responseBytes, firstSent: now
        )
        sendAttempt(of: id)
    }

    private mutating func sendAttempt(of id: Int) {
        let record = requests[id]!
        let job = Job(request: id, attempt: record.attempt)
        send(.request, from: record.client, to: record.server, bits: Double(record.bytes * 8), label: record.what, payload: .request(job))
        if let timeout = network.nodes[record.client.rawValue].timeout {
            queue.schedule(.timeout(request: id, attempt: record.attempt), at: now + timeout)
            requests[id]!.timeoutPending = true
        }
    }

    mutating func receiveRequest(_ job: Job, message: Message) -> Happening {
        let server = message.to
        let record = requests[job.request]!
        // Read what is needed of the server's state, never a copy of it kept across the
        // append below: a live copy would make the append copy the whole access log, and
        // a busy server's run quadratic in its requests.
        let granted = !nodes[server.rawValue].accessControl || nodes[server.rawValue].granted.contains(record.client)
        nodes[server.rawValue].accessLog.append(
            AccessLogEntry(time: now, client: record.client, what: record.what, granted: granted)
        )
        let happening = Happening(kind: .delivered, message: message, node: server, request: job.request)
        guard granted else {
            metrics.refusals += 1
            send(.refused, from: server, to: record.client, bits: 0, label: "refused: \(record.what)", payload: .refused(job))
            return with(happening, kind: .refused)
        }
        if nodes[server.rawValue].inService == nil {
            startService(job, at: server)
            return with(happening, kind: .accepted)
        }
        if nodes[server.rawValue].waiting.count < network.nodes[server.rawValue].queueLimit {
            nodes[server.rawValue].waiting.append(job)
            metrics.recordQueue(server, length: nodes[server.rawValue].waiting.count, at: now)
            return with(happening, kind: .queued)
        }
        metrics.drops += 1
        return with(happening, kind: .dropped)
    }

    private func with(_ happening: Happening, kind: EventKind) -> Happening {
        var copy = happening
        copy.kind = kind
        return copy
    }

    private mutating func startService(_ job: Job, at server: NodeID) {
        nodes[server.rawValue].inService = job
        nodes[server.rawValue].serviceVersion += 1
        let done = now + network.nodes[server.rawValue].serviceTime
        queue.schedule(.serviceDone(server: server, version: nodes[server.rawValue].serviceVersion), at: done)
    }

    mutating func finishService(at server: NodeID) -> Happening {
        let job = nodes[server.rawValue].inService!
        let record = requests[job.request]!
        nodes[server.rawValue].inService = nil
        let response = send(
            .response, from: server, to: record.client, bits: Double(record.responseBytes * 8), label: record.what,
            payload: .response(job)
        )
        if !nodes[server.rawValue].waiting.isEmpty {
            let next = nodes[server.rawValue].waiting.removeFirst()
            metrics.recordQueue(server, length: nodes[server.rawValue].waiting.count, at: now)
            startService(next, at: server)
        }
        return Happening(kind: .served, message: response, node: server, request: job.request)
    }

    mutating func receiveResponse(_ job: Job, message: Message) -> Happening {
        if requests[job.request]!.state == .waiting {
            end(job.request, as: .answered)
            let seconds = Double(now - requests[job.request]!.firstSent) / 1e6
            metrics.recordResponse(seconds: seconds, at: now)
        }
        return Happening(kind: .delivered, message: message, node: message.to, request: job.request)
    }

    mutating func receiveRefusal(_ job: Job, message: Message) -> Happening {
        if requests[job.request]!.state == .waiting { end(job.request, as: .refused) }
        return Happening(kind: .delivered, message: message, node: message.to, request: job.request)
    }

    /// The request is over; its pending timeout no longer matters.
    mutating func end(_ id: Int, as state: RequestRecord.State) {
        if requests[id]!.timeoutPending {
            queue.invalidateOne()
            requests[id]!.timeoutPending = false
        }
        requests[id]!.state = state
    }

    mutating func expire(_ id: Int, attempt: Int) -> Happening {
        requests[id]!.timeoutPending = false
        let record = requests[id]!
        if record.attempt <= network.nodes[record.client.rawValue].retries {
            requests[id]!.attempt += 1
            metrics.retries += 1
            sendAttempt(of: id)
            return Happening(kind: .timedOut, node: record.client, request: id)
        }
        requests[id]!.state = .failed
        metrics.failures += 1
        return Happening(kind: .gaveUp, node: record.client, request: id)
    }
}
