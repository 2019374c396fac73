/// What a lesson asks of the request protocol.
public enum RequestCommand: Sendable, Hashable {
    /// `from` asks `to` for `what`; the request is `bytes` long and the answer `responseBytes`.
    case ask(from: NodeID, to: NodeID, what: String, bytes: Int, responseBytes: Int)
}

extension Command {
    /// `from` asks `to` for `what`; the request is `bytes` long and the answer `responseBytes`.
    public static func request(from: NodeID, to: NodeID, what: String, bytes: Int, responseBytes: Int) -> Command {
        .requests(.ask(from: from, to: to, what: what, bytes: bytes, responseBytes: responseBytes))
    }
}

/// What a request protocol message carries.
enum RequestPayload: Equatable, Sendable {
    case request(Job)
    case response(Job)
}

/// What the request protocol schedules.
enum RequestEvent: Hashable, Sendable {
    /// A server finishes the request in service (stale if the server went down).
    case serviceDone(server: NodeID, version: Int)
    /// A client's wait for an answer runs out.
    case timeout(request: Int, attempt: Int)
}

/// Every request so far, and each server's queue.
struct RequestsState: Equatable, Sendable {
    var records = RequestTable()
    var nextID = 1
    var servers = PerNode(empty: ServerQueue())
}

/// A node as a server sees its work: requests waiting, oldest first, and the one being
/// processed.
struct ServerQueue: Equatable, Sendable {
    var waiting: [Job] = []
    var inService: Job?
    /// Bumped whenever service is interrupted, so a pending `serviceDone` goes stale.
    var serviceVersion = 0
}

/// One attempt of one request, as a server queues it.
struct Job: Equatable, Hashable, Sendable {
    let request: Int
    let attempt: Int
}

/// A request as its client sees it, kept after it ends so reports can name it.
struct RequestRecord: Equatable, Sendable {
    enum State: Equatable, Sendable { case waiting, answered, refused, failed }

    /// Who waits on the answer: a client, or a cache fetching its copy from the origin.
    enum Owner: Equatable, Sendable { case client, cache }

    let client: NodeID
    let server: NodeID
    let what: String
    let bytes: Int
    let responseBytes: Int
    let firstSent: SimTime
    var owner = Owner.client
    var attempt = 1
    var state = State.waiting
    var timeoutPending = false
}
