import ArgumentParser
import Foundation
import NetSim
import TeachUI

/// `netstep bench soak`: memory over a long run, and how long stepping back takes at the
/// end of it.
///
/// The first part drives the sandbox exactly as a student would: the app's own update
/// loop with a swarm sandbox, played at top speed, with a new file and new requests
/// whenever it stops; resident memory is printed as it goes. The second part builds a
/// long timeline through the same engine and times stepping back near the present and
/// jumping to events anywhere in it.
struct BenchSoak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Memory of a long sandbox session, and step-back times on a long timeline.",
        discussion: """
            Examples: netstep bench soak --seconds 600 --nodes 200
                      netstep bench soak --seconds 0 --events 1000000
            """
    )

    @Option(help: "Wall-clock seconds to play the sandbox (0 skips this part).")
    var seconds: Int = 60

    @Option(help: "Peers in the sandbox swarm.")
    var nodes: Int = 200

    @Option(help: "Events in the timeline whose step-back times are measured (0 skips this part).")
    var events: Int = 200_000

    func validate() throws {
        guard (0...86_400).contains(seconds) else { throw ValidationError("--seconds must be between 0 and 86400") }
        guard (1...10_000).contains(nodes) else { throw ValidationError("--nodes must be between 1 and 10000") }
        guard (0...100_000_000).contains(events) else { throw ValidationError("--events must be between 0 and 100000000") }
    }

    func run() throws {
        if seconds > 0 { soakSandbox() }
        if events > 0 { try timeStepBack() }
    }

    /// Plays the swarm sandbox through the app's update loop for `seconds`, restarting it
    /// with a file and requests whenever it stops.
    private func soakSandbox() {
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: nodes))
        _ = update(&state, .resize(width: 160, height: 45))
        for _ in 0..<20 { _ = update(&state, .key(.character("+"))) }
        let start = Date()
        var nextReport = 0.0, restarts = 0, frames = 0
        FileHandle.standardOutput.write(Data("bench soak: \(nodes)-peer swarm sandbox at top speed for \(seconds) s\n".utf8))
        while true {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= nextReport {
                // Written at once, not buffered: a soak killed for its memory still shows how it grew.
                FileHandle.standardOutput.write(Data(String(
                    format: "  %5.0f s   resident %7.1f MB   peak %7.1f MB   frames %d   restarts %d\n",
                    elapsed, MemoryFigures.residentMegabytes(), MemoryFigures.peakMegabytes(), frames, restarts
                ).utf8))
                nextReport += 10
            }
            if elapsed >= Double(seconds) { break }
            if !state.wantsTicks {
                for key in ["f", "r"] { _ = update(&state, .key(.character(Character(key)))) }
                _ = update(&state, .key(.enter))
                restarts += 1
            }
            _ = update(&state, .tick(elapsedMicroseconds: 33_333))
            frames += 1
        }
        print(String(format: "  peak resident memory %.1f MB", MemoryFigures.peakMegabytes()))
    }

    /// Builds a timeline of `events` events in a swarm like the sandbox's, then times
    /// stepping back at its end and jumping back to points spread over it.
    private func timeStepBack() throws {
        var timeline = Timeline(Simulation(network: sandboxSwarm(), seed: 1))
        let peers = (2...nodes).map(NodeID.init)
        let build = ContinuousClock.now
        while timeline.eventCount < events {
            if timeline.current.isIdle {
                try timeline.perform(.startSwarm(SwarmConfig(fileBits: 40e6, chunks: 40, seeds: [NodeID(1)], peers: peers,
                                                             tracker: NodeID(0))))
            }
            timeline.step()
            if timeline.eventCount.isMultiple(of: 50_000) {
                print(String(format: "  %8d events   snapshots kept %3d   events kept %6d   resident %7.1f MB", timeline.eventCount,
                             timeline.snapshotCount, timeline.reports.count, MemoryFigures.residentMegabytes()))
            }
        }
        let buildSeconds = milliseconds(since: build) / 1000
        var nearPresent: [Double] = []
        for _ in 0..<50 {
            let start = ContinuousClock.now
            timeline.stepBack()
            nearPresent.append(milliseconds(since: start))
        }
        var anywhere: [Double] = []
        let total = timeline.eventCount, oldest = timeline.forgottenEvents
        for point in stride(from: total - 1, to: oldest, by: -max(1, (total - oldest) / 25)) {
            let start = ContinuousClock.now
            timeline.seek(toEvent: point)
            timeline.stepBack()
            anywhere.append(milliseconds(since: start))
        }
        print("bench soak: timeline of \(events) events (\(nodes)-peer swarm) built in \(String(format: "%.1f", buildSeconds)) s")
        print(String(format: "  step back near the present   mean %.3f ms   max %.3f ms (50 steps)",
                     nearPresent.reduce(0, +) / Double(nearPresent.count), nearPresent.max() ?? 0))
        print(String(format: "  jump back anywhere           mean %.3f ms   max %.3f ms (%d points)",
                     anywhere.reduce(0, +) / Double(max(1, anywhere.count)), anywhere.max() ?? 0, anywhere.count))
        print(String(format: "  peak resident memory %.1f MB", MemoryFigures.peakMegabytes()))
    }

    /// The sandbox's swarm: a tracker and peers with its capacities, in a full mesh.
    private func sandboxSwarm() -> NetworkConfig {
        let tracker = NodeConfig(name: "tracker", role: .tracker, upload: 2e6, download: 10e6)
        let peers = (1...nodes).map { NodeConfig(name: "p\($0)", role: .peer, upload: 2e6, download: 10e6) }
        return NetworkConfig(nodes: [tracker] + peers, defaultLatency: 10_000, fullMesh: true)
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}

/// The process's memory as Linux reports it in /proc/self/status.
enum MemoryFigures {
    static func residentMegabytes() -> Double { field("VmRSS:") }
    static func peakMegabytes() -> Double { field("VmHWM:") }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
