import NetSim

/// The engine's event and message kinds as authors write them: `timed-out` for `EventKind.timedOut`.
enum EventNames {
    static func name(of kind: EventKind) -> String {
        kebab(kind.rawValue)
    }

    /// `corruptChunk` as authors write it: `corrupt-chunk`.
    static func kebab(_ camel: String) -> String {
        camel.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    /// Every name a lesson may wait for (the benchmark's timer is not one).
    static var all: [String] {
        EventKind.allCases.filter { $0 != .timer }.map(name(of:))
    }

    static func kind(named name: String) -> EventKind? {
        EventKind.allCases.first { $0 != .timer && self.name(of: $0) == name }
    }
}
