import ArgumentParser
import TeachUI

extension SandboxModel: ExpressibleByArgument {}

/// `netstep sandbox`: a network to change at will while the metrics answer.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Play with a network: add and remove nodes, kill them, change capacities.",
        discussion: "Keys 1, 2 and 3 start again with a new client-server, p2p or swarm network without quitting; ? lists every key."
    )

    @Option(help: ArgumentHelp("The network to start from: \(SandboxModel.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "MODEL"))
    var model: SandboxModel = .clientServer

    @Option(help: ArgumentHelp("How many clients or peers (1-200).", valueName: "N"))
    var nodes: Int = 6

    @Option(help: "Seed for the simulation's random choices.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...200).contains(nodes) else { throw ValidationError("--nodes must be between 1 and 200") }
    }

    func run() throws {
        try Session.run { progress in
            AppState(lessons: [], progress: progress, start: .sandbox(model, nodes: nodes), seed: seed)
        }
    }
}
