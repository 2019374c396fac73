import ArgumentParser
import NetSim

/// `netstep experiment …`: headless runs of the engine that print figures.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run a headless experiment on the simulation engine and print its figures.",
        subcommands: [ExperimentDistribution.self, ExperimentBottleneck.self]
    )
}

/// How an experiment prints its rows.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// Parsers for option values written with units; a bad value gets the engine's message
/// ("'15Gx' is not a size: …") instead of a generic one.
enum UnitArgument {
    static func bits(_ text: String) throws -> Double {
        let value = try parse { () throws(UnitError) in try Units.bits(text) }
        guard value > 0 else { throw ValidationError("'\(text)': a size must be positive") }
        return value
    }

    static func rate(_ text: String) throws -> Double {
        let value = try parse { () throws(UnitError) in try Units.rate(text) }
        guard value > 0 else { throw ValidationError("'\(text)': a rate must be positive") }
        return value
    }

    static func duration(_ text: String) throws -> SimTime {
        try parse { () throws(UnitError) in try Units.duration(text) }
    }

    static func bytes(_ text: String) throws -> Int {
        try parse { () throws(UnitError) in try Units.bytes(text) }
    }

    /// A comma-separated list of positive whole numbers: "10,100,1000".
    static func counts(_ text: String, maximum: Int) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= maximum }) else {
            throw ValidationError("'\(text)' is not a list of whole numbers from 1 to \(maximum), like 10,100,1000")
        }
        return values.map { $0! }
    }

    private static func parse<T>(_ body: () throws(UnitError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
