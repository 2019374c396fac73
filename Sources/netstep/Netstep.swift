import ArgumentParser
import Foundation

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

/// Writes control characters so they can be seen rather than obeyed: ESC as `\e`, other
/// C0 and C1 characters and DEL as `\xNN`, tabs and line breaks kept (messages have lines).
enum VisibleControls {
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: result.unicodeScalars.append(scalar)
            case 0x1B: result += "\\e"
            case 0..<0x20, 0x7F..<0xA0: result += String(format: "\\x%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
