import ArgumentParser
import Foundation
import Canvas
import CursesTerminal
import TeachUI

/// `netstep bench render`: how fast a frame is made and how much of it reaches the
/// terminal, for the heaviest picture the sandbox draws: a 200-node swarm at 160x50
/// with chunks moving between peers.
///
/// Each frame is one ~30 fps tick of the app, a render into a Canvas, and the diff
/// against the previous frame; the bytes are those the changed runs need as cursor
/// moves, SGR sequences and text (`EscapeStream`), next to what a full redraw costs.
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Frames per second of state → Canvas → diff, and bytes per frame, for a 200-node swarm at 160x50."
    )

    @Option(help: "Frames to measure at most; measuring stops earlier when the swarm is done.")
    var frames: Int = 300

    @Option(help: "Peers in the swarm.")
    var nodes: Int = 200

    @Option(help: "Screen width in columns.")
    var width: Int = 160

    @Option(help: "Screen height in rows.")
    var height: Int = 50

    func validate() throws {
        guard frames > 0, nodes > 0, width > 0, height > 0 else { throw ValidationError("every figure must be positive") }
    }

    func run() throws {
        let capabilities = Capabilities.full
        let tick: Int64 = 33_333
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: nodes))
        for message: AppMessage in [.resize(width: width, height: height), .key(.character("f")), .key(.enter)] {
            _ = update(&state, message)
        }
        guard state.wantsTicks else {
            printError("netstep: the swarm did not start playing; nothing to measure")
            throw ExitCode.failure
        }
        var previous = render(state, width: width, height: height, capabilities: capabilities)
        var stream = EscapeStream(capabilities: capabilities)
        stream.write(previous.changes(since: nil))
        let fullRedrawBytes = stream.bytes.count
        stream.resetCount()

        // Wall time, and the thread's CPU time: on a shared machine the second is the
        // honest figure for the work a frame costs, the first shows what a user may see.
        var wall: [Double] = [], cpu: [Double] = []
        var phases = (tick: [Double](), render: [Double](), diff: [Double]())
        var changedCells = 0, runs = 0, bytes = 0, stillFrames = 0
        // Only frames while something moves: a finished swarm would flatter the figures.
        for _ in 0..<frames where state.wantsTicks {
            let start = Instant.now
            _ = update(&state, .tick(elapsedMicroseconds: tick))
            let ticked = Instant.now
            let frame = render(state, width: width, height: height, capabilities: capabilities)
            let rendered = Instant.now
            let changes = frame.changes(since: previous)
            let diffed = Instant.now
            wall.append(diffed.wall - start.wall)
            cpu.append(diffed.cpu - start.cpu)
            phases.tick.append(ticked.cpu - start.cpu)
            phases.render.append(rendered.cpu - ticked.cpu)
            phases.diff.append(diffed.cpu - rendered.cpu)
            stream.write(changes)
            changedCells += changes.reduce(0) { $0 + $1.cells.count }
            runs += changes.count
            bytes += stream.bytes.count
            stream.resetCount()
            if changes.isEmpty { stillFrames += 1 }
            previous = frame
        }

        let frames = wall.count
        let count = Double(frames)
        func average(_ values: [Double]) -> Double { values.reduce(0, +) / count }
        func summary(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "mean %.3f ms   median %.3f ms   p95 %.3f ms   max %.3f ms", average(values), sorted[frames / 2],
                          sorted[min(frames - 1, frames * 95 / 100)], sorted[frames - 1])
        }
        print("bench render: \(nodes)-node swarm at \(width)x\(height), \(frames) frames of \(tick) µs, tick → render → diff")
        print("  CPU per frame    " + summary(cpu))
        print(String(format: "    of which       tick %.3f ms   render %.3f ms   diff %.3f ms (means)",
                     average(phases.tick), average(phases.render), average(phases.diff)))
        print("  wall per frame   " + summary(wall))
        print(String(format: "  frames per second  %.0f (from mean CPU)   %.0f (from mean wall)", 1000 / average(cpu), 1000 / average(wall)))
        print(String(format: "  changed cells per frame  %.1f of %d   runs %.1f   frames without change %d",
                     Double(changedCells) / count, width * height, Double(runs) / count, stillFrames))
        print(String(format: "  bytes per frame  %.0f   (%.2f per changed cell; full redraw %d bytes, %.1f%% of it)",
                     Double(bytes) / count, changedCells > 0 ? Double(bytes) / Double(changedCells) : 0, fullRedrawBytes,
                     100 * Double(bytes) / count / Double(fullRedrawBytes)))
        print("  targets: under 2 ms per frame; bytes a small multiple of the changed cells, far below a full redraw")
    }

}

/// A moment on two clocks, in milliseconds: the monotonic wall clock and this thread's
/// CPU time.
private struct Instant {
    var wall: Double
    var cpu: Double

    static var now: Instant {
        Instant(wall: milliseconds(CLOCK_MONOTONIC), cpu: milliseconds(CLOCK_THREAD_CPUTIME_ID))
    }

    private static func milliseconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}
