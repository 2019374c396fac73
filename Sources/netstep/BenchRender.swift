import ArgumentParser
import Foundation
import Canvas
import TeachUI

/// `netstep bench render`: how much CPU a frame costs, split into its three parts, and
/// how much of it reaches the terminal, for two pictures: the heaviest the sandbox draws
/// (a 200-node swarm at 160x50, chunks moving between peers) and a typical lesson at
/// 100x30 (cs-bottleneck's twelve clients and their server, played as a learner plays
/// it: Enter to play each wait, n on to the next step).
///
/// Each frame is one ~30 fps tick of the app, a render into a Canvas (the one of two
/// frames before, as the run loop draws), and the diff against the previous frame; the bytes are those the changed runs need as cursor
/// moves, SGR sequences and text (`ANSIStream`), next to what a full redraw costs.
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "CPU per frame (tick, render, diff) and bytes per frame, for a 200-node swarm at 160x50 and a lesson at 100x30.",
        discussion: """
            Only frames in which something moves are measured. Times are this thread's CPU
            time, the honest figure on a shared machine; wall time is printed beside it.
            """
    )

    enum Picture: String, ExpressibleByArgument, CaseIterable {
        case swarm, lesson
    }

    @Option(help: "Frames to measure for each picture at most; measuring stops earlier when nothing moves any more.")
    var frames: Int = 300

    @Option(help: ArgumentHelp("Measure only this picture: swarm or lesson (default: both).", valueName: "PICTURE"))
    var only: Picture?

    @Option(help: "Peers in the swarm.")
    var nodes: Int = 200

    @Option(help: ArgumentHelp("The swarm's screen, COLUMNSxROWS.", valueName: "SIZE"))
    var swarmSize = ScreenSize(width: 160, height: 50)

    @Option(help: ArgumentHelp("The lesson played: an id or a lesson file's path.", valueName: "LESSON"))
    var lesson = "cs-bottleneck"

    @Option(help: ArgumentHelp("The lesson's screen, COLUMNSxROWS.", valueName: "SIZE"))
    var lessonSize = ScreenSize(width: 100, height: 30)

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard frames > 0, nodes > 0 else { throw ValidationError("--frames and --nodes must be positive") }
    }

    func run() throws {
        if only != .lesson { try measureSwarm() }
        if only != .swarm { try measureLesson() }
        print("  target: under 1 ms of CPU per frame on average (goal 0.5 ms); bytes a small multiple of the changed cells")
    }

    private func measureSwarm() throws {
        var state = AppState(lessons: [], start: .sandbox(.swarm, nodes: nodes))
        for message: AppMessage in [.resize(width: swarmSize.width, height: swarmSize.height), .key(.character("f")), .key(.enter)] {
            _ = update(&state, message)
        }
        guard state.wantsTicks else {
            printError("netstep: the swarm did not start playing; nothing to measure")
            throw ExitCode.failure
        }
        var measure = FrameMeasure(size: swarmSize, first: state)
        for _ in 0..<frames where state.wantsTicks { measure.frame(&state) }
        measure.report(title: "\(nodes)-node swarm sandbox at \(swarmSize)")
    }

    /// Plays the lesson from its first step as a learner would, measuring every frame in
    /// which something moves; between them (not measured) Enter plays the next wait, and
    /// n goes on when the step is done or waits on a quiz.
    private func measureLesson() throws {
        let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
        var state = AppState(lessons: choice.lessons, start: .lesson(id: choice.id, step: 0))
        _ = update(&state, .resize(width: lessonSize.width, height: lessonSize.height))
        var measure = FrameMeasure(size: lessonSize, first: state)
        var idlePresses = 0
        while measure.count < frames, idlePresses < 50 {
            if state.wantsTicks {
                idlePresses = 0
                measure.frame(&state)
                continue
            }
            idlePresses += 1
            _ = update(&state, .key(.enter))
            if !state.wantsTicks { _ = update(&state, .key(.character("n"))) }
            measure.skip(to: state)
        }
        guard measure.count > 0 else {
            printError("netstep: \(choice.id) never played anything; nothing to measure")
            throw ExitCode.failure
        }
        measure.report(title: "lesson \(choice.id) at \(lessonSize), played from step 1")
    }
}

/// The figures of one picture's frames: each a tick of the app, a render and a diff.
private struct FrameMeasure {
    /// Wall time a tick reports: the run loop's ~30 frames a second.
    static let tick: Int64 = 33_333

    let size: ScreenSize
    let capabilities = Capabilities.full
    /// This frame's canvas and the last one's, swapped after each diff, as the run loop
    /// keeps them.
    private var previous: Canvas, next = Canvas(width: 0, height: 0)
    private var stream: ANSIStream
    private let fullRedrawBytes: Int
    // Wall time, and the thread's CPU time: on a shared machine the second is the
    // honest figure for the work a frame costs, the first shows what a user may see.
    private var wall: [Double] = [], cpu: [Double] = []
    private var phases = (tick: [Double](), render: [Double](), diff: [Double]())
    private var changedCells = 0, runs = 0, bytes = 0, stillFrames = 0

    var count: Int { cpu.count }

    init(size: ScreenSize, first state: AppState) {
        self.size = size
        previous = render(state, width: size.width, height: size.height, capabilities: capabilities)
        stream = ANSIStream(capabilities: capabilities)
        stream.write(previous.changes(since: nil))
        fullRedrawBytes = stream.bytes.count
        stream.resetCount()
    }

    /// One measured frame.
    mutating func frame(_ state: inout AppState) {
        let start = Instant.now
        _ = update(&state, .tick(elapsedMicroseconds: Self.tick))
        let ticked = Instant.now
        render(state, into: &next, width: size.width, height: size.height, capabilities: capabilities)
        let rendered = Instant.now
        let changes = next.changes(since: previous)
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
        swap(&previous, &next)
    }

    /// A screen reached by a key press, not measured: the next frame is diffed against it.
    mutating func skip(to state: AppState) {
        render(state, into: &next, width: size.width, height: size.height, capabilities: capabilities)
        stream.write(next.changes(since: previous))
        stream.resetCount()
        swap(&previous, &next)
    }

    func report(title: String) {
        let frames = cpu.count, count = Double(frames)
        func average(_ values: [Double]) -> Double { values.reduce(0, +) / count }
        func percentile95(_ values: [Double]) -> Double { values.sorted()[min(frames - 1, frames * 95 / 100)] }
        func summary(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "mean %.3f ms   median %.3f ms   p95 %.3f ms   max %.3f ms", average(values), sorted[frames / 2],
                          sorted[min(frames - 1, frames * 95 / 100)], sorted[frames - 1])
        }
        print("bench render: \(title), \(frames) frames of \(Self.tick) µs, tick → render → diff")
        print("  CPU per frame    " + summary(cpu))
        print(String(format: "    of which       tick %.3f ms   render %.3f ms   diff %.3f ms (means)",
                     average(phases.tick), average(phases.render), average(phases.diff)))
        print(String(format: "                   tick %.3f ms   render %.3f ms   diff %.3f ms (p95)",
                     percentile95(phases.tick), percentile95(phases.render), percentile95(phases.diff)))
        print("  wall per frame   " + summary(wall))
        print(String(format: "  frames per second  %.0f (from mean CPU)   %.0f (from mean wall)", 1000 / average(cpu), 1000 / average(wall)))
        print(String(format: "  changed cells per frame  %.1f of %d   runs %.1f   frames without change %d",
                     Double(changedCells) / count, size.width * size.height, Double(runs) / count, stillFrames))
        print(String(format: "  bytes per frame  %.0f   (%.2f per changed cell; full redraw %d bytes, %.1f%% of it)",
                     Double(bytes) / count, changedCells > 0 ? Double(bytes) / Double(changedCells) : 0, fullRedrawBytes,
                     100 * Double(bytes) / count / Double(fullRedrawBytes)))
    }
}

/// A moment on two clocks, in milliseconds: the monotonic wall clock and this thread's
/// CPU time.
struct Instant {
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
