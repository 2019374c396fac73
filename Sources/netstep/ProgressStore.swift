import Foundation
import LessonKit

/// Keeps the learner's progress in `$XDG_STATE_HOME/netstep/progress.json` (or
/// `~/.local/state/netstep/progress.json`).
///
/// Writes are atomic (a temporary file renamed over the old one), so a crash mid-write
/// never leaves half a file. A file that cannot be read is moved aside, not erased, and
/// the caller is told so it can warn the learner.
struct ProgressStore {
    let file: URL

    /// The store for this user, from the environment.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore? {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        } else {
            return nil
        }
        return ProgressStore(file: base.appendingPathComponent("netstep/progress.json"))
    }

    /// The saved progress (empty when there is none yet), and a warning when the file was
    /// unreadable and has been moved aside.
    func load() -> (progress: LessonKit.Progress, warning: String?) {
        guard let data = FileManager.default.contents(atPath: file.path) else { return (LessonKit.Progress(), nil) }
        do {
            return (try LessonKit.Progress.decode(data), nil)
        } catch {
            let aside = file.deletingLastPathComponent()
                .appendingPathComponent("progress.corrupt-\(Int(Date().timeIntervalSince1970)).json")
            do {
                try FileManager.default.moveItem(at: file, to: aside)
                return (LessonKit.Progress(), "netstep: your progress file could not be read (\(error)); it was moved to \(aside.path) and a new one started")
            } catch {
                return (LessonKit.Progress(), "netstep: your progress file \(file.path) could not be read (\(error)) nor moved aside; it is left as it is and progress will not be saved over it")
            }
        }
    }

    /// An unreadable progress file is in the way and could not be moved aside.
    struct UnreadableFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) could not be read, so it is kept and not written over" }
    }

    /// Writes the progress atomically, creating the folder if needed. Never writes over a
    /// file it cannot read (one that `load` could not move aside), so nothing is erased.
    func save(_ progress: LessonKit.Progress) throws {
        if let existing = FileManager.default.contents(atPath: file.path), (try? LessonKit.Progress.decode(existing)) == nil {
            throw UnreadableFile(path: file.path)
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try progress.encoded().write(to: file, options: .atomic)
    }
}
