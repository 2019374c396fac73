import Foundation
import Testing

extension TerminalSession {
    /// Waits until the program in the foreground has handled every key sent and stopped
    /// drawing: it sleeps in its key read (a paused netstep blocks there with no timeout),
    /// it was not woken once over a short window, and the screen did not change in it.
    /// Unlike waiting for the screen alone to stop changing, this holds however slowly a
    /// loaded machine runs the program: a key still being worked on (a step computing its
    /// stop, which draws nothing until it is done) keeps the process running or runnable,
    /// and a glide wakes it every frame.
    @discardableResult
    func idle(timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let process = foregroundProcess else { return try settled(sourceLocation: sourceLocation) }
        var previous = (Self.schedule(of: process), screen)
        return try waitUntil("the program is idle", timeout: timeout, sourceLocation: sourceLocation) { _ in
            Thread.sleep(forTimeInterval: 0.2)
            let current = (Self.schedule(of: process), screen)
            defer { previous = current }
            guard let before = previous.0, let after = current.0 else { return false }
            return before.sleeping && before == after && previous.1 == current.1
        }
    }

    /// A process's state and how often it has been switched out, from /proc: equal
    /// readings of a sleeping process mean it never ran between them.
    private struct Schedule: Equatable {
        var sleeping: Bool
        var switches: Int
    }

    private static func schedule(of process: Int32) -> Schedule? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        var sleeping = false, switches = 0
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { continue }
            switch fields[0] {
            case "State": sleeping = fields[1] == "S"
            case "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches": switches += Int(fields[1]) ?? 0
            default: break
            }
        }
        return Schedule(sleeping: sleeping, switches: switches)
    }
}
