import ArgumentParser
import Foundation
import NetSim

/// `netstep experiment bottleneck`: one server of fixed capacity, more and more clients.
struct ExperimentBottleneck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottleneck",
        abstract: "Response times and drops as clients are added to one server of fixed capacity.",
        discussion: """
            Each client asks at random moments, on average --rate times a second, for \
            --duration. The server handles one request at a time, taking --service each, \
            and holds at most --queue waiting; the rest are dropped. Once the offered load \
            (requests per second times service time) passes 1, the queue fills, response \
            times climb to the queue's length times the service time, and drops begin. \
            Ctrl-C stops a long run with the numbers of clients finished printed.

            Example: netstep experiment bottleneck --service 20ms --queue 8 --clients 1,5,10,20,40
            """
    )

    @Option(help: "Server time per request, like 20ms.", transform: UnitArgument.duration)
    var service: SimTime = 20_000

    @Option(help: "Requests the server holds waiting; more are dropped.")
    var queue: Int = 8

    @Option(help: "Numbers of clients, comma-separated.", transform: { try UnitArgument.counts($0, maximum: 10_000) })
    var clients: [Int] = [1, 5, 10, 20, 40, 80]

    @Option(help: "Requests per second each client sends, on average.")
    var rate: Double = 2

    @Option(help: "How long clients keep asking, like 60s.", transform: UnitArgument.duration)
    var duration: SimTime = 60_000_000

    @Option(name: .customLong("server-up"), help: "Server upload rate, like 100Mbps.", transform: UnitArgument.rate)
    var serverUp: Double = 100e6

    @Option(name: .customLong("response"), help: "Size of each answer, like 10KB.", transform: UnitArgument.bytes)
    var responseBytes: Int = 10_000

    @Option(help: "Output: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Random seed for when clients ask.")
    var seed: UInt64 = 1

    func validate() throws {
        guard service > 0 else { throw ValidationError("--service must be positive") }
        guard queue >= 0 else { throw ValidationError("--queue cannot be negative") }
        guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be between 0 and 10000 requests per second") }
        guard duration > 0, duration <= 3_600_000_000 else { throw ValidationError("--duration must be between 0 and 1 hour") }
        guard Double(clients.max() ?? 0) * rate * Double(duration) / 1e6 <= 5_000_000 else {
            throw ValidationError("that is more than 5 million requests; lower --clients, --rate or --duration")
        }
        let requests = Double(clients.max() ?? 0) * rate * Double(duration) / 1e6
        let perRequest = Double(service) / 1e6 + Double(responseBytes) * 8 / min(serverUp, BottleneckExperiment.clientDownload)
        try SimulatedSpan.check(
            requests * perRequest,
            "serving about \(Int(requests.rounded())) requests of \(Units.format(duration: service)) each with --response \(responseBytes)B at --server-up \(SimulatedSpan.rate(serverUp))",
            change: serverUp < BottleneckExperiment.clientDownload
                ? "raise --server-up, or lower --response, --service, --clients, --rate or --duration"
                : "lower --response (answers reach the clients at \(Units.format(rate: BottleneckExperiment.clientDownload)) at most), --service, --clients, --rate or --duration")
    }

    func run() throws {
        let setting = BottleneckSetting(
            serviceTime: service, queueLimit: queue, requestsPerClientPerSecond: rate, duration: duration,
            serverUpload: serverUp, responseBytes: responseBytes
        )
        let progress = CommandProgress(machineReadable: format != .table)
        // Each count of clients costs about its number of requests, so its number of clients.
        let total = Double(clients.reduce(0, +))
        var results: [BottleneckResult] = []
        var done = 0.0
        for count in clients {
            let result = BottleneckExperiment.run(setting, clients: count, seed: seed) { fraction in
                progress.report((done + fraction * Double(count)) / total, doing: "simulating \(count) client\(count == 1 ? "" : "s") (\(results.count + 1) of \(clients.count))")
            }
            guard let result else { break }
            results.append(result)
            done += Double(count)
        }
        progress.finish()
        printResults(results)
        if progress.stoppedBy != nil { progress.stop(after: "\(results.count) of \(clients.count) counts of clients", printed: !results.isEmpty) }
    }

    private func printResults(_ results: [BottleneckResult]) {
        switch format {
        case .json, .csv:
            let table = ExperimentRows(
                columns: ["clients", "requests", "offered_load", "mean_response_s", "p95_response_s", "drop_rate"],
                rows: results.map {
                    ["\($0.clients)", "\($0.requests)", number($0.offeredLoad), optional($0.meanResponse), optional($0.p95Response), number($0.dropRate)]
                }
            )
            print(format == .json ? table.json : table.csv)
        case .table:
            print("Server: \(Units.format(duration: service)) per request, queue of \(queue); each client asks \(rate) times a second for \(Units.format(duration: duration))")
            print("clients  requests  load   mean response  95% within  dropped")
            for r in results {
                let mean = r.meanResponse.map { Units.format(duration: SimTime($0 * 1e6)) } ?? "-"
                let tail = r.p95Response.map { Units.format(duration: SimTime($0 * 1e6)) } ?? "-"
                print(
                    String(format: "%7d  %8d  %4.2f   ", r.clients, r.requests, r.offeredLoad)
                        + mean.padding(toLength: 15, withPad: " ", startingAt: 0)
                        + tail.padding(toLength: 12, withPad: " ", startingAt: 0)
                        + String(format: "%5.1f%%", r.dropRate * 100)
                )
            }
        }
    }

    private func number(_ value: Double) -> String { String(format: "%.4f", value) }
    private func optional(_ value: Double?) -> String { value.map(number) ?? "null" }
}
