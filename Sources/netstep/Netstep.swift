import ArgumentParser

@main
struct Netstep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netstep",
        abstract: "Learn client-server and peer-to-peer networking by watching a simulation.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, ListCommand.self, CheckCommand.self, PlayCommand.self, CourseMapCommand.self,
                      PresentCommand.self, NotesCommand.self, NewCommand.self, SandboxCommand.self, ExperimentCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
