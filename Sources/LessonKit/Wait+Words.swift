import NetSim

extension Wait {
    /// What the step plays until, in the words a tutor would say to the class: "until
    /// every peer has the file", "until 1 of the peers has the whole file", not the
    /// lesson file's "until: all-done" or "peers.finished >= 1". The one wording the
    /// status line, the speaker notes and the end of a run all use.
    public var inWords: String {
        switch condition {
        case .idle: "until nothing more happens"
        case .delivered: "until every request is answered"
        case let .time(time): "until t = \(Units.format(duration: time))"
        case let .duration(duration): "for \(Units.format(duration: duration))"
        case let .events(count): count == 1 ? "for one event" : "for \(count) events"
        case let .event(kind): "until \(Self.words(for: kind))"
        case let .queueFull(server): "until \(server.map { "\($0)'s" } ?? "a server's") queue is full"
        case .allDone: "until everyone has the file"
        case let .compare(value, comparison, limit):
            "until " + Self.words(for: value, comparison, limit: limit, written: Self.limit(in: source, after: comparison))
        }
    }

    /// A comparison as a sentence: counts a tutor would say ("3 of the peers have the
    /// whole file", "c1 has 11 chunks"), else the value's name, the comparison and the
    /// figure as the author wrote it.
    private static func words(for value: LiveValue, _ comparison: Comparison, limit: Double, written: String) -> String {
        let count = limit.rounded() == limit && limit >= 0 && limit < 1e9 ? Int(limit) : nil
        let atLeast = comparison == .greaterOrEqual || comparison == .equal
        switch (value.subject, value.property, count) {
        case let (.nodes(name, _), .finished, count?) where atLeast && count > 0:
            return "\(count) of the \(LiveValue.spoken(name)) \(count == 1 ? "has" : "have") the whole file"
        case let (.node(node), .chunks, count?) where atLeast:
            return "\(node) has \(count) chunk\(count == 1 ? "" : "s")"
        case let (.node(node), .queue, count?) where atLeast && count > 0:
            return "\(count) request\(count == 1 ? " waits" : "s wait") in \(node)'s queue"
        case (.simulation, .inFlight, 0) where comparison == .equal || comparison == .lessOrEqual:
            return "no message is in flight"
        case let (.node(node), .served, _) where atLeast:
            return "\(node) has served \(written)"
        case let (.nodes(name, _), .served, _) where atLeast:
            return "the \(LiveValue.spoken(name)) have served \(written)"
        default:
            return "\(value.spokenName) \(words(for: comparison)) \(written)"
        }
    }

    /// The right-hand side of a comparison as the author wrote it, a figure spaced from
    /// its unit: "16Mb" reads "16 Mb".
    private static func limit(in source: String, after comparison: Comparison) -> String {
        guard let range = source.range(of: comparison.rawValue) else { return "" }
        let written = String(source[range.upperBound...].drop { $0.isWhitespace })
        guard let unit = written.firstIndex(where: { $0.isLetter }), unit != written.startIndex else { return written }
        return String(written[..<unit]) + " " + String(written[unit...])
    }

    private static func words(for comparison: Comparison) -> String {
        switch comparison {
        case .less: "is below"
        case .lessOrEqual: "is at most"
        case .greater: "is over"
        case .greaterOrEqual: "reaches"
        case .equal: "is"
        case .notEqual: "is not"
        }
    }

    private static func words(for kind: EventKind) -> String {
        switch kind {
        case .transmitted: "a message is sent"
        case .delivered: "a message arrives"
        case .lost: "a message is lost"
        case .accepted: "a server starts on a request"
        case .queued: "a request waits in a queue"
        case .dropped: "a request is dropped"
        case .refused: "a request is refused"
        case .served: "a request is answered"
        case .timedOut: "a client gives up waiting and asks again"
        case .gaveUp: "a client gives up"
        case .completed: "someone has the whole file"
        case .rejected: "a corrupt chunk is caught"
        case .rechoked: "the swarm re-chooses whom to upload to"
        case .found: "a lookup finds its answer"
        case .connected: "a call connects"
        case .timer: "a timer fires"
        case .hit: "a cache answers from its copy"
        case .miss: "a cache has to fetch from its origin"
        case .left: "a node leaves the network"
        }
    }
}

extension LiveValue {
    /// The value's name as a reader would say it: "server.queue" is "server queue".
    public var spokenName: String { Self.spoken(source) }

    /// A name from a lesson file as words: dots and dashes read as spaces.
    static func spoken(_ name: String) -> String {
        String(name.map { $0 == "." || $0 == "-" ? " " : $0 })
    }
}
