import NetSim

extension Wait {
    /// What the wait lets happen, in words for a presenter: "plays until \(phrase)" reads
    /// "plays until the queue at server is full".
    public var phrase: String {
        switch condition {
        case .idle: "nothing is left to happen"
        case .delivered: "every message has arrived"
        case let .time(time): "the clock reads \(Units.format(duration: time))"
        case let .duration(duration): "\(Units.format(duration: duration)) of simulated time have passed"
        case let .events(count): count == 1 ? "one more event" : "\(count) more events"
        case let .event(kind): "the next '\(EventNames.name(of: kind))' event"
        case let .queueFull(node): node.map { "the queue at \($0) is full" } ?? "a server's queue is full"
        case .allDone: "every node sent the file has all of it"
        case .compare: source.hasPrefix("until: ") ? String(source.dropFirst("until: ".count)) : source
        }
    }
}
