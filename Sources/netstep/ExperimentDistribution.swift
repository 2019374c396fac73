import ArgumentParser
import Foundation
import NetSim
import TeachUI

/// `netstep experiment distribution`: the textbook comparison of distribution times, with
/// both the formulas' bounds and what the simulation measured.
struct ExperimentDistribution: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distribution",
        abstract: "Time to give a file to N peers: client-server against peer-to-peer, bound and simulated.",
        discussion: """
            For each N, one server sends the file to every peer itself (client-server), and \
            the same server seeds a swarm in which peers trade chunks (peer-to-peer). The \
            bounds are Kurose and Ross's: max(N·F/u_s, F/d) and max(F/u_s, F/d, N·F/(u_s+N·u)). \
            The simulated times come from the engine, event by event. Client-server lands on \
            its bound; peer-to-peer lands a few percent above its bound, because the first \
            chunks take a while to spread (only the server has anything at first) and so do \
            the last. The default of \(DistributionExperiment.defaultChunks) chunks keeps \
            that cost small while giving every peer plenty to trade; fewer chunks cost more.

            Thousands of peers take minutes: on a terminal a progress bar shows the size \
            being simulated and the time left, and Ctrl-C stops with the sizes finished \
            printed (exit status 130).

            Example: netstep experiment distribution --file 15Gb --server-up 30Mbps \
            --peer-down 2Mbps --peer-up 700kbps --peers 10,100,1000 --plot
            """
    )

    @Option(help: "File size, like 15Gb or 2GB.", transform: UnitArgument.bits)
    var file: Double = 15e9

    @Option(name: .customLong("server-up"), help: "Server upload rate, like 30Mbps.", transform: UnitArgument.rate)
    var serverUp: Double = 30e6

    @Option(name: .customLong("peer-down"), help: "Each peer's download rate, like 2Mbps.", transform: UnitArgument.rate)
    var peerDown: Double = 2e6

    @Option(name: .customLong("peer-up"), help: "Each peer's upload rate, like 700kbps.", transform: UnitArgument.rate)
    var peerUp: Double = 700e3

    @Option(help: "Numbers of peers, comma-separated.", transform: { try UnitArgument.counts($0, maximum: 100_000) })
    var peers: [Int] = [1, 10, 100, 1000]

    @Option(help: "Chunks the file is split into for the swarm.")
    var chunks: Int = DistributionExperiment.defaultChunks

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    @Flag(help: "Also draw both simulated curves in the terminal, on axes from zero (with the table format).")
    var plot = false

    @Option(help: "Random seed for the swarm's choices.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...100_000).contains(chunks) else { throw ValidationError("--chunks must be between 1 and 100000") }
        let largest = Double(peers.max() ?? 1)
        let file = Units.format(bits: self.file)
        try SimulatedSpan.check(
            largest * self.file / serverUp, "sending --file \(file) to \(peers.max() ?? 1) peers at --server-up \(SimulatedSpan.rate(serverUp))",
            change: "raise --server-up, or lower --file or --peers")
        try SimulatedSpan.check(
            self.file / peerDown, "receiving --file \(file) at --peer-down \(SimulatedSpan.rate(peerDown))",
            change: "raise --peer-down or lower --file")
        try SimulatedSpan.check(
            self.file / Double(chunks) / peerUp, "passing on one of \(chunks) chunks of \(file) at --peer-up \(SimulatedSpan.rate(peerUp))",
            change: "raise --peer-up or --chunks, or lower --file")
        guard self.file / Double(chunks) / peerDown >= SimulatedSpan.shortest else {
            throw ValidationError("each of \(chunks) chunks of --file \(file) arrives at --peer-down \(SimulatedSpan.rate(peerDown)) in under a millisecond, too short for the engine's microsecond clock to time well: raise --file or lower --chunks")
        }
    }

    func run() throws {
        let setting = DistributionSetting(
            fileBits: file, serverUpload: serverUp, peerDownload: peerDown, peerUpload: peerUp, chunks: chunks
        )
        let progress = CommandProgress(machineReadable: format != .table)
        // Each size costs about its number of peers (times the chunks, for every size alike).
        let total = Double(peers.reduce(0, +))
        var results: [DistributionResult] = []
        var done = 0.0
        for size in peers {
            let result = DistributionExperiment.run(setting, peers: size, seed: seed) { fraction in
                progress.report((done + fraction * Double(size)) / total, doing: "simulating \(size) peer\(size == 1 ? "" : "s") (size \(results.count + 1) of \(peers.count))")
            }
            guard let result else { break }
            results.append(result)
            done += Double(size)
        }
        progress.finish()
        printResults(results)
        if progress.stoppedBy != nil { progress.stop(after: "\(results.count) of \(peers.count) sizes", printed: !results.isEmpty) }
    }

    private func printResults(_ results: [DistributionResult]) {
        switch format {
        case .json, .csv:
            let table = ExperimentRows(
                columns: ["peers", "cs_bound_s", "cs_sim_s", "p2p_bound_s", "p2p_sim_s"],
                rows: results.map {
                    ["\($0.peers)", number($0.clientServerBound), number($0.clientServerSimulated), number($0.peerToPeerBound), number($0.peerToPeerSimulated)]
                }
            )
            print(format == .json ? table.json : table.csv)
        case .table:
            print("File \(Units.format(bits: file)), server up \(Units.format(rate: serverUp)), peers down \(Units.format(rate: peerDown)), up \(Units.format(rate: peerUp)), \(chunks) chunks")
            print(pad("peers", 7) + pad("client-server bound", 21) + pad("simulated", 12) + pad("peer-to-peer bound", 20) + pad("simulated", 12) + "p2p above bound")
            for r in results {
                let above = (r.peerToPeerSimulated / r.peerToPeerBound - 1) * 100
                print(
                    pad("\(r.peers)", 7) + pad(seconds(r.clientServerBound), 21) + pad(seconds(r.clientServerSimulated), 12)
                        + pad(seconds(r.peerToPeerBound), 20) + pad(seconds(r.peerToPeerSimulated), 12) + String(format: "%.1f%%", above)
                )
            }
            if plot, !results.isEmpty { print("\n" + CurveChart(results).text(width: 72, height: 18)) }
        }
    }

    private func number(_ value: Double) -> String { String(format: "%.3f", value) }
    private func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
