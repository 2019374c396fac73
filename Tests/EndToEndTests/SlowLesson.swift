import Foundation

/// A lesson whose first step measures many distribution curves: seconds of work before
/// the first frame can be drawn, in which the program must still answer keys and signals.
/// Each curve sends a different file, so none is a repeat the runner could skip; there are
/// as many, each as large, as a lesson's limits allow.
enum SlowLesson {
    static let curves = 4

    static let source: String = {
        let entries = (1...curves).map { "- curve: { file: \($0)Mb, chunks: 200, server: seed, peer: p1, peers: [50, 75] }" }
        return """
            ---
            id: slow-curves
            title: Many curves
            summary: A lesson that measures many curves before its first picture.
            essay: [5]
            seed: 1
            network:
              layout: star
              nodes:
                seed: { role: server, upload: 30Mbps, download: 30Mbps }
              groups:
                peers: { count: 2, prefix: p, upload: 700kbps, download: 2Mbps }
            ---

            ## Curves

            The engine measures curve after curve.

            ```sim
            \(entries.joined(separator: "\n"))
            ```

            ## After

            Done.

            """
    }()

    /// The same lesson with a quick first step before the curves: the curves are then
    /// measured ahead of the learner, while the first step is read.
    static let sourceWithQuickStart = source.replacingOccurrences(of: "## Curves\n", with: """
        ## Before

        A step with nothing to run.

        ## Curves

        """)

    /// Writes the lesson into `terminal`'s home and returns the file.
    static func write(for terminal: TerminalSession, quickStart: Bool = false) throws -> URL {
        let folder = terminal.home.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("slow-curves.md")
        try (quickStart ? sourceWithQuickStart : source).write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
