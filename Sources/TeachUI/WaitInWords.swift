import LessonKit
import NetSim

extension Wait {
    /// What the step plays until, as the status line tells a learner: "until every peer
    /// has the file", not the lesson file's "until: all-done".
    var inWords: String {
        switch condition {
        case .idle: "until nothing more happens"
        case .delivered: "until every request is answered"
        case let .time(time): "until t = \(Units.format(duration: time))"
        case let .duration(duration): "for \(Units.format(duration: duration))"
        case let .events(count): count == 1 ? "for one event" : "for \(count) events"
        case let .event(kind): "until \(Self.words(for: kind))"
        case let .queueFull(server): "until \(server.map { "\($0)'s" } ?? "a server's") queue is full"
        case .allDone: "until everyone has the file"
        case let .compare(value, comparison, _):
            "until \(AppState.label(of: value)) \(Self.words(for: comparison)) \(Self.limit(in: source, after: comparison))"
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
