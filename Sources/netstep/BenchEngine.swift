import ArgumentParser
import Foundation
import NetSim

/// `netstep bench engine`: events per second through the engine's scheduler and
/// dispatch, and the peak memory of the process, each beside the floor: a bare binary
/// heap doing the hold model's pops and pushes in the same run (see `HeapFloor`), so
/// that the figure reads as a share of what the machine can do at all.
struct BenchEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Time the simulation engine on a synthetic workload.",
        discussion: """
            hold: --n timers pending; each handled timer schedules one more after a delay \
            drawn uniformly from [0, 2N) µs, through the same event queue and dispatch as \
            lessons. swarm: one server seeds a file of --chunks chunks (256 KB each) to \
            --peers BitTorrent-like peers with a tracker, run until every peer has it. \
            stepback: a lesson-sized timeline (about 10^5 events: 50 peers, 1000 chunks) \
            run to its end, stepped back 20 times from there, then from 20 points along \
            it; prints the slowest step back near the present and anywhere. floor: the hold model on a bare binary heap of (time, sequence) \
            pairs, nothing else; hold and swarm print it beside their own figure, with the \
            ratio of their events per second to it.

            Examples: netstep bench engine --model hold --n 10000
                      netstep bench engine --model swarm --peers 10000 --chunks 200 --format json
            """
    )

    enum Model: String, ExpressibleByArgument, CaseIterable {
        case hold, swarm, stepback, floor
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Workload: hold, swarm, stepback or floor.")
    var model: Model = .hold

    @Option(help: "Pending events in the hold model and the floor.")
    var n: Int = 10_000

    @Option(help: "Events to run in the hold model and the floor.")
    var events: Int = 10_000_000

    @Option(help: "Peers in the swarm model.")
    var peers: Int = 10_000

    @Option(help: "Chunks of the file in the swarm model.")
    var chunks: Int = 200

    @Option(help: "Output: text or json.")
    var format: Format = .text

    func validate() throws {
        guard (1...10_000_000).contains(n) else { throw ValidationError("--n must be between 1 and 10000000") }
        guard (1...1_000_000_000).contains(events) else { throw ValidationError("--events must be between 1 and 1000000000") }
        guard (1...1_000_000).contains(peers) else { throw ValidationError("--peers must be between 1 and 1000000") }
        guard (1...100_000).contains(chunks) else { throw ValidationError("--chunks must be between 1 and 100000") }
    }

    /// Events run between progress reports: well under a millisecond of the hold
    /// model's work, and a swarm's slowest events still answer Ctrl-C within a second.
    private static let slice = 256

    func run() throws {
        var simulation: Simulation
        let start: ContinuousClock.Instant
        let cpuStart: Double
        var eventsRun = 0
        let progress = CommandProgress(machineReadable: format == .json)
        switch model {
        case .hold:
            simulation = Simulation(network: NetworkConfig(nodes: [NodeConfig(name: "timer", role: .peer)]), seed: 1)
            try simulation.perform(.startHoldWorkload(pending: n))
            start = .now
            cpuStart = cpuSeconds()
            while eventsRun < events {
                eventsRun += simulation.run(until: .events(min(Self.slice, events - eventsRun))).eventsRun
                guard progress.report(Double(eventsRun) / Double(events), doing: "hold model: \(eventsRun) of \(events) events") else { break }
            }
        case .swarm:
            simulation = Simulation(network: swarmNetwork(peers: peers), seed: 1)
            try simulation.perform(.startSwarm(SwarmConfig(
                fileBits: Double(chunks) * 2_048_000, chunks: chunks, seeds: [NodeID(1)],
                peers: (2..<(peers + 2)).map(NodeID.init), tracker: NodeID(0)
            )))
            start = .now
            cpuStart = cpuSeconds()
            let chunksToSend = Double(peers * chunks)
            while true {
                let slice = simulation.run(until: .idle, maxEvents: Self.slice)
                eventsRun += slice.eventsRun
                let sent = Double(simulation.metrics.messages[.chunk] ?? 0)
                guard slice.reason == .eventLimit,
                      progress.report(min(0.99, sent / chunksToSend), doing: "swarm of \(peers) peers, \(chunks) chunks: \(eventsRun) events")
                else { break }
            }
        case .stepback:
            try runStepBack()
            return
        case .floor:
            let floor = measureFloor()
            switch format {
            case .json: print(String(format: "{\"events\": %d, \"seconds\": %.3f, \"events_per_s\": %.0f}", events, floor.seconds, floor.perSecond))
            case .text: print(String(format: "model floor: %d events in %.3f s\n%.0f events/s (%.0f per CPU second)", events, floor.seconds, floor.perSecond, floor.perCPUSecond))
            }
            return
        }
        let seconds = secondsSince(start)
        let cpu = cpuSeconds() - cpuStart
        progress.finish()
        let figures = (
            events: eventsRun, seconds: seconds, perSecond: Double(eventsRun) / max(seconds, 1e-9),
            perCPUSecond: Double(eventsRun) / max(cpu, 1e-9), memory: peakMemoryMegabytes()
        )
        // A run stopped by Ctrl-C prints its figures at once, without the floor's seconds.
        let floor = progress.stoppedBy == nil ? measureFloor() : nil
        switch format {
        case .json:
            let floorFields = floor.map {
                String(
                    format: ", \"floor_events_per_s\": %.0f, \"ratio_to_floor\": %.4f, \"floor_events_per_cpu_s\": %.0f, \"ratio_to_floor_cpu\": %.4f",
                    $0.perSecond, figures.perSecond / $0.perSecond, $0.perCPUSecond, figures.perCPUSecond / $0.perCPUSecond
                )
            } ?? ""
            print(String(
                format: "{\"events\": %d, \"seconds\": %.3f, \"events_per_s\": %.0f, \"events_per_cpu_s\": %.0f, \"peak_memory_mb\": %.1f",
                figures.events, figures.seconds, figures.perSecond, figures.perCPUSecond, figures.memory
            ) + floorFields + "}")
        case .text:
            print("model \(model.rawValue): \(figures.events) events in \(String(format: "%.3f", figures.seconds)) s")
            print(String(format: "%.0f events/s (%.0f per CPU second), peak memory %.1f MB", figures.perSecond, figures.perCPUSecond, figures.memory))
            if let floor {
                print(String(
                    format: "floor %.0f events/s (bare heap, hold model, n %d); ratio %.3f, in CPU time %.3f",
                    floor.perSecond, n, figures.perSecond / floor.perSecond, figures.perCPUSecond / floor.perCPUSecond
                ))
            }
            if model == .swarm {
                print("simulated time \(Units.format(duration: simulation.now)); trace \(String(simulation.traceHash, radix: 16))")
            }
        }
        if progress.stoppedBy != nil { progress.stop(after: "\(eventsRun) events", printed: true) }
    }

    /// Builds a lesson-sized timeline, then times stepping back: twenty steps back from
    /// its end (near the present), then one step back from each of twenty points along it
    /// (anywhere, each first sought to). A progress bar on stderr follows both.
    private func runStepBack() throws {
        let swarmPeers = 50, swarmChunks = 1000
        let progress = CommandProgress(machineReadable: format == .json)
        var timeline = Timeline(Simulation(network: swarmNetwork(peers: swarmPeers), seed: 1))
        try timeline.perform(.startSwarm(SwarmConfig(
            fileBits: Double(swarmChunks) * 2_048_000, chunks: swarmChunks, seeds: [NodeID(1)],
            peers: (2..<(swarmPeers + 2)).map(NodeID.init), tracker: NodeID(0)
        )))
        let start = ContinuousClock.now
        let chunksToSend = Double(swarmPeers * swarmChunks)
        while timeline.run(until: .idle, maxEvents: Self.slice).reason == .eventLimit {
            let sent = Double(timeline.current.metrics.messages[.chunk] ?? 0)
            guard progress.report(0.8 * min(1, sent / chunksToSend), doing: "step back: building a timeline of \(timeline.eventCount) events")
            else { progress.stop(after: "\(timeline.eventCount) events", printed: false) }
        }
        let buildSeconds = secondsSince(start)
        let total = timeline.eventCount
        let points = 20
        // The slowest step back seen so far, in wall and in CPU seconds.
        func timeStepBack(slowest: inout (wall: Double, cpu: Double)) {
            let (before, cpuBefore) = (ContinuousClock.now, cpuSeconds())
            timeline.stepBack()
            slowest = (max(slowest.wall, secondsSince(before)), max(slowest.cpu, cpuSeconds() - cpuBefore))
        }
        var nearPresentSlowest = (wall: 0.0, cpu: 0.0)
        for done in 0..<points {
            timeStepBack(slowest: &nearPresentSlowest)
            guard progress.report(0.8 + 0.1 * Double(done + 1) / Double(points), doing: "step back: near the present")
            else { progress.stop(after: "\(done) steps back", printed: false) }
        }
        var anywhereSlowest = (wall: 0.0, cpu: 0.0)
        for (done, point) in stride(from: total - points, to: 0, by: -max(1, total / points)).enumerated() {
            timeline.seek(toEvent: point)
            timeStepBack(slowest: &anywhereSlowest)
            guard progress.report(0.9 + 0.1 * Double(done + 1) / Double(points), doing: "step back: from event \(point)")
            else { progress.stop(after: "\(done) points", printed: false) }
        }
        progress.finish()
        let (nearPresent, nearPresentCPU) = nearPresentSlowest, (anywhere, anywhereCPU) = anywhereSlowest
        switch format {
        case .json:
            print(String(
                format: "{\"events\": %d, \"seconds\": %.3f, \"slowest_step_back_near_present_ms\": %.2f, \"slowest_step_back_ms\": %.2f, \"slowest_step_back_near_present_cpu_ms\": %.2f, \"slowest_step_back_cpu_ms\": %.2f, \"peak_memory_mb\": %.1f}",
                total, buildSeconds, nearPresent * 1000, max(nearPresent, anywhere) * 1000,
                nearPresentCPU * 1000, max(nearPresentCPU, anywhereCPU) * 1000, peakMemoryMegabytes()
            ))
        case .text:
            print("timeline of \(total) events built in \(String(format: "%.3f", buildSeconds)) s")
            print(String(
                format: "slowest step back: %.2f ms near the present, %.2f ms anywhere (CPU time %.2f ms, %.2f ms); peak memory %.1f MB",
                nearPresent * 1000, max(nearPresent, anywhere) * 1000, nearPresentCPU * 1000, max(nearPresentCPU, anywhereCPU) * 1000,
                peakMemoryMegabytes()
            ))
        }
    }

    /// The bare heap's events per second on the hold model with this run's --n and --events.
    private func measureFloor() -> (seconds: Double, perSecond: Double, perCPUSecond: Double) {
        let (start, cpuStart) = (ContinuousClock.now, cpuSeconds())
        let last = HeapFloor.hold(pending: n, events: events)
        let seconds = secondsSince(start)
        let cpu = cpuSeconds() - cpuStart
        // The last time popped is used, so the compiler keeps the work.
        precondition(last >= 0, "time went backwards")
        return (seconds, Double(events) / max(seconds, 1e-9), Double(events) / max(cpu, 1e-9))
    }

    /// CPU time this thread has used, in seconds. On a loaded machine the wall clock also
    /// counts the time other processes had the core, differently for the engine and the
    /// floor; the CPU time ratio does not.
    private func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func secondsSince(_ start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// A tracker, a server seeding at 100 Mbps, and peers with 1 Mbps up and 5 Mbps down.
    private func swarmNetwork(peers: Int) -> NetworkConfig {
        let tracker = NodeConfig(name: "tracker", role: .tracker, upload: 100e6, download: 100e6)
        let server = NodeConfig(name: "server", role: .server, upload: 100e6, download: 100e6)
        let peerNodes = (1...peers).map { NodeConfig(name: "p\($0)", role: .peer, upload: 1e6, download: 5e6) }
        return NetworkConfig(nodes: [tracker, server] + peerNodes, defaultLatency: 20_000)
    }

    /// The process's peak resident memory (VmHWM) in MB, 0 where /proc is missing.
    private func peakMemoryMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
