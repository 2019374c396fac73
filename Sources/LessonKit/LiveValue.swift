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
        // simulation
        case time, events, delivered, dropped, refused
        case inFlight = "in-flight"
        // one node
        case queue
        case queueLimit = "queue-limit"
        case served, received, chunks, state, upload, download
        case done
        // several nodes
        case finished, busiest
        // completion
        case min, max, mean, count

        /// The properties a subject of each kind has, for checking and for the author's guide.
        static let simulationProperties: [Property] = [.time, .events, .delivered, .dropped, .refused, .inFlight]
        static let nodeProperties: [Property] = [.queue, .queueLimit, .served, .received, .chunks, .state, .upload, .download, .done, .dropped]
        static let groupProperties: [Property] = [.finished, .served, .busiest, .queue, .dropped]
        static let completionProperties: [Property] = [.min, .max, .mean, .count]
    }

    public var subject: Subject
    public var property: Property
    /// As the author wrote it, without braces: `server.queue`.
    public var source: String
}
