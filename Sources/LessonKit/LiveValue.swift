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
    }

    /// What is measured. Raw values are the names authors write.
    public enum Property: String, Sendable, Hashable, CaseIterable {
        // the simulation
        case time, elapsed, events, messages, responses, dropped, refused, lost, failed, retries
        case inFlight = "in-flight"
        case responseTime = "response-time"
        case responseTimeMax = "response-time-max"
        // one node (and, summed, several)
        case queue
        case queueLimit = "queue-limit"
        case served, received, upload, download, chunks, state, done
        // several nodes
        case finished, busiest
        // completion times
        case min, max, mean, count

        /// The properties each kind of subject has, for checking and for the author's guide.
        public static let simulationProperties: [Property] = [.time, .elapsed, .events, .messages, .responses, .dropped, .refused,
                                                              .lost, .failed, .retries, .inFlight, .responseTime, .responseTimeMax]
        public static let nodeProperties: [Property] = [.queue, .queueLimit, .served, .received, .upload, .download, .chunks, .state, .done]
        public static let groupProperties: [Property] = [.finished, .served, .received, .busiest, .queue]
        public static let completionProperties: [Property] = [.min, .max, .mean, .count]
    }

    public var subject: Subject
    public var property: Property
    /// As the author wrote it, without braces: `server.queue`.
    public var source: String
}
