import NetSim

/// What a lesson may ask for, all in one place. A lesson file is untrusted input (tutors
/// share them), so every figure that costs memory or time is bounded, and a lesson over
/// a limit gets an error naming the limit and its value, at load time wherever the
/// figure is written in the file, instead of a check that never answers or a process
/// killed for its memory. The figures are generous: the bundled course uses a small
/// fraction of each (Lessons/README.md lists them for authors). The experiments have
/// their own, larger, bounds on their command-line options.
public enum LessonLimits {
    // The file.
    /// The largest lesson file; the biggest real lesson is a few kilobytes.
    public static let fileBytes = 512 * 1024
    /// The largest YAML block (front matter or fenced block).
    public static let yamlBlockBytes = 64 * 1024
    /// How deeply YAML flow collections may nest (composing recurses once per level).
    public static let yamlFlowDepth = 32
    public static let steps = 200
    /// Diagnostics kept for one file; more are counted.
    public static let diagnostics = 200

    // The network.
    public static let nodes = 300
    public static let groupSize = 200
    public static let links = 2000

    // Swarms.
    /// Chunks of a swarm's file.
    public static let swarmChunks = 2_000
    /// The largest file a swarm or a server sends (in bits): 100 GB.
    public static let fileBits = 8e11
    /// The smallest chunk (file size over chunks), in bits: 1 KB.
    public static let chunkBits = 8_000.0
    /// Chunk deliveries a swarm needs at most: its peers times its chunks.
    public static let swarmDeliveries = 100_000
    /// The shortest re-choke period: each re-choke is an event for the whole swarm.
    public static let rechoke: SimTime = 100_000

    // Curves: each point is a whole simulated distribution, run when the step is reached
    // (a curve of crowds [100, 200] with 66 chunks takes about 7 s of a debug build's CPU,
    // the course's one curve about 4 s); `netstep check` does not run them.
    public static let curves = 4
    public static let curveSizes = 1...200
    public static let curvePoints = 2...8
    public static let curveChunks = 1...500
    /// Chunk deliveries one curve measures at most: the sum of its crowd sizes times its chunks.
    public static let curveDeliveries = 25_000

    // Running.
    /// Events a wait may take by default, and at most (`budget:`), before it is reported
    /// as never coming true.
    public static let defaultBudget = 200_000
    public static let maximumBudget = 300_000
    /// Events a whole lesson may run, all its steps together.
    public static let lessonEvents = 300_000
    /// The longest simulated time a lesson may reach, and a duration may say: a day.
    public static let simulatedTime: SimTime = 24 * 3600 * 1_000_000
    /// What the largest simulation of a lesson may need, estimated before it starts.
    public static let memoryBytes = 256 * 1024 * 1024

    /// A rough upper bound on the memory a lesson's simulation needs: the state of its
    /// nodes and its largest swarm, times the snapshots a timeline keeps of it.
    static func estimatedMemory(nodes: Int, swarmMembers: Int, swarmChunks: Int) -> Int {
        let perNode = 4 * 1024
        let swarm = swarmMembers * (swarmChunks / 2 + 256) + swarmMembers * swarmMembers * 8
        return (nodes * perNode + swarm) * CheckpointPolicy.standard.maximumKept
    }
}

extension LessonLimits {
    /// The limit a lesson's simulation has reached, in words, or nil while it is within
    /// them all: the runner stops a wait there, so no lesson runs without end.
    static func exceeded(by simulation: Simulation) -> String? {
        if simulation.eventCount >= lessonEvents {
            return "the lesson has run \(simulation.eventCount) events, the most a lesson may run (\(lessonEvents))"
        }
        if simulation.now >= simulatedTime {
            return "the simulated time reached \(Units.format(duration: simulation.now)), the most a lesson may reach (\(Units.format(duration: simulatedTime)))"
        }
        return nil
    }
}
