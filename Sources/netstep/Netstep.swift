import ArgumentParser
import Foundation

@main
struct Netstep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netstep",
        abstract: "Learn client-server and peer-to-peer networking by watching a simulation.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, ListCommand.self, CheckCommand.self, PlayCommand.self, CourseMapCommand.self,
                      PresentCommand.self, JoinCommand.self, NotesCommand.self, NewCommand.self, SandboxCommand.self, ExperimentCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// As ArgumentParser's own, except that an error message shows the control characters
    /// of the arguments it quotes ("The value '1\e[2Jb' is invalid…") instead of sending
    /// them to the terminal, where they could clear the screen or retitle the window.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                printError(message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
