import ArgumentParser

/// `netstep bench …`: measurements printed as figures (never asserted by timed tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how fast parts of netstep run and print the figures.",
        subcommands: [BenchEngine.self, BenchRender.self, BenchKeys.self, BenchSoak.self, BenchClass.self]
    )
}
