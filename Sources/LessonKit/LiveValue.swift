import NetSim

/// A number from the running simulation that narration can show and waits can test.
///
/// Written in braces in narration, `{server.queue}`, and bare in conditions,
/// `until: "server.queue >= 8"`. The loader checks the subject and property names, so a
/// typo is a load error instead of a blank on screen.
public struct LiveValue: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        /// The whole simulation: `{time}`, `{events}`.
        case simulation
        /// One node by name: `{server.queue}`.
        case node(String)
        /// Several nodes: a group from the front matter or a role (`{clients.done}`, `{peers.busiest}`).
        case nodes(name: String, members: [String])
        /// Download completion times over every node that finished: `{completion.max}`.
        case completion
        /// Messages of one kind sent so far: `{messages.lookup}` (property `count`).
        case messages(MessageKind)
        /// The lookup that finished last: `{lookup.hops}`.
        case lookup
        /// One crowd size of the latest `curve`: `{curve.40.p2p}`.
        case curve(peers: Int)
        /// The way between two nodes: `{latency.c1.server}` (property `latency`).
        case route(String, String)
    }

    /// What is measured. Raw values are the names authors write.
    public enum Property: String, Sendable, Hashable, CaseIterable {
        // the simulation
        case time, elapsed, events, messages, responses, dropped, refused, lost, failed, retries, latency
        // caches: answered from a copy, fetched from the origin
        case hits, misses
        case inFlight = "in-flight"
        case responseTime = "response-time"
        case responseTimeMax = "response-time-max"
        case corruptRejected = "corrupt-rejected"
        case corruptAccepted = "corrupt-accepted"
        // one node (and, summed, several)
        case queue
        case queueLimit = "queue-limit"
        case served, received, upload, download, chunks, state, done, corrupt, accesses, service, timeout
        // several nodes
        case finished, busiest
        // completion times, message counts
        case min, max, mean, count
        // the last lookup
        case hops, found, duration
        // one point of a curve: simulated times and the textbook's bounds
        case clientServer = "cs"
        case peerToPeer = "p2p"
        case clientServerBound = "cs-bound"
        case peerToPeerBound = "p2p-bound"

        /// The properties each kind of subject has, for checking and for the author's guide.
        public static let simulationProperties: [Property] = [.time, .elapsed, .events, .messages, .responses, .dropped, .refused,
                                                              .lost, .failed, .retries, .inFlight, .responseTime, .responseTimeMax,
                                                              .corruptRejected, .corruptAccepted, .latency, .hits, .misses]
        public static let nodeProperties: [Property] = [.queue, .queueLimit, .served, .received, .upload, .download, .chunks, .state,
                                                        .done, .corrupt, .accesses, .refused, .service, .timeout, .hits, .misses]
        public static let groupProperties: [Property] = [.finished, .served, .received, .busiest, .queue, .corrupt, .hits, .misses,
                                                         .accesses]
        public static let completionProperties: [Property] = [.min, .max, .mean, .count]
        public static let lookupProperties: [Property] = [.messages, .hops, .found, .duration]
        public static let curveProperties: [Property] = [.clientServer, .peerToPeer, .clientServerBound, .peerToPeerBound]
        /// The simulation's counts, which `{step.…}` may take over a step.
        static let simulationTotals: [Property] = [.events, .messages, .responses, .dropped, .refused, .lost, .failed, .retries,
                                                   .corruptRejected, .corruptAccepted, .hits, .misses]
    }

    /// Which stretch of the lesson a value covers.
    public enum Span: Sendable, Hashable {
        /// The lesson so far: `{server.served}`.
        case lesson
        /// Since the current step began: `{step.server.served}`.
        case step
        /// As it was at a moment kept earlier: `{server.served@before-edges}`.
        case moment(String)
    }

    public var subject: Subject
    public var property: Property
    /// As the author wrote it, without braces: `server.queue`.
    public var source: String
    public var span: Span = .lesson

    /// Whether the value only grows, so that its growth over a step means something.
    var isTotal: Bool {
        switch subject {
        case .simulation: Property.simulationTotals.contains(property)
        case .node, .nodes: [.served, .received, .accesses, .refused, .hits, .misses].contains(property)
        case .messages: true
        case .completion, .lookup, .curve, .route: false
        }
    }
}
