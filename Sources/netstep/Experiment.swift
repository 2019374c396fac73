import ArgumentParser
import Foundation
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

/// The span of simulated time an experiment may cover. The engine counts microseconds in
/// 64 bits (about 292,000 years); settings that would run past this span are refused with
/// the options to change, instead of overflowing the clock (a trap) or printing `inf`.
enum SimulatedSpan {
    /// About 317 years, far inside the clock's range even with a swarm's overheads.
    static let longest = 1e10
    /// Below this a time is mostly the rounding of a microsecond clock.
    static let shortest = 1e-3

    /// Refuses a time in seconds beyond `longest`; `what` names the options that make it.
    static func check(_ seconds: Double, _ what: String, change: String) throws {
        guard seconds.isFinite, seconds <= longest else {
            throw ValidationError("\(what) would take \(spoken(seconds)); the simulation covers at most \(spoken(longest)): \(change)")
        }
    }

    /// A rate as the message about it should show it: below 1 bit/s the usual three
    /// figures would read "0.00 bps".
    static func rate(_ bitsPerSecond: Double) -> String {
        bitsPerSecond >= 1 ? Units.format(rate: bitsPerSecond) : String(format: "%g bps", bitsPerSecond)
    }

    /// "317 years", "4.76e+09 years": a long span in words.
    static func spoken(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "forever" }
        let years = seconds / 31_557_600
        if years >= 1 { return years < 1e6 ? String(format: "%.0f years", years) : String(format: "%.3g years", years) }
        return String(format: "%.0f s", seconds)
    }
}
