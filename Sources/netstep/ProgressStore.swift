import Foundation
import LessonKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the learner's progress in `$XDG_STATE_HOME/netstep/progress.json` (or
/// `~/.local/state/netstep/progress.json`).
///
/// Progress is never lost: a save first reads the file again (under a lock) and merges
/// what another netstep on the same account saved meanwhile; writes are atomic (a
/// temporary file renamed over the old one); a file that is not progress is moved aside,
/// and anything else in the way (an unreadable file, a named pipe, a folder, a link to
/// nothing) is left exactly as it is and reported, never written over.
final class ProgressStore {
    let file: URL
    /// The most a progress file can hold; a real one is a few kilobytes.
    static let sizeLimit = 1 << 20
    /// The progress this process last loaded or saved: a lesson that differs from it now
    /// was changed here since, any other lesson is taken as the file has it.
    private var base = LessonKit.Progress()
    /// The problem `load` reported, so saves that meet it again stay quiet.
    private var reported: ProgressFile.Problem?

    init(file: URL) {
        self.file = file
    }

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

    /// The saved progress (empty when there is none yet), and a warning for the learner
    /// when the file could not be used.
    func load() -> (progress: LessonKit.Progress, warning: String?) {
        switch ProgressFile.read(file.path, limit: Self.sizeLimit) {
        case .missing:
            return (LessonKit.Progress(), nil)
        case let .contents(data):
            do {
                base = try LessonKit.Progress.decode(data)
                return (base, nil)
            } catch {
                return (LessonKit.Progress(), setAside(because: error.description))
            }
        case let .problem(problem) where problem.isTooLarge:
            return (LessonKit.Progress(), setAside(because: "it \(problem.description)"))
        case let .problem(problem):
            reported = problem
            return (LessonKit.Progress(), "netstep: your progress file \(file.path) \(problem.description); it is left as it is, and progress will not be saved until it is moved away")
        }
    }

    /// Moves a file that holds no progress aside (keeping it) so a new one can start.
    private func setAside(because reason: String) -> String {
        let aside = file.deletingLastPathComponent()
            .appendingPathComponent("progress.corrupt-\(Int(Date().timeIntervalSince1970)).json")
        guard rename(file.path, aside.path) == 0 else {
            reported = .unreadable(ProgressFile.lastError())
            return "netstep: your progress file \(file.path) could not be read (\(reason)) nor moved aside; it is left as it is, and progress will not be saved over it"
        }
        return "netstep: your progress file could not be read: \(reason); it was moved to \(aside.path) and a new one started"
    }

    /// What stops a save, in words for the learner.
    struct SaveError: Error, CustomStringConvertible {
        var description: String
    }

    /// Merges `progress` with what the file holds now and writes the result atomically,
    /// creating the folder if needed. Never writes over a file it cannot read as progress.
    func save(_ progress: LessonKit.Progress) throws(SaveError) {
        let folder = file.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SaveError(description: "the folder \(folder) cannot be created (\(ProgressFile.plainReason(error)))")
        }
        let lock = ProgressFile.Lock(path: folder + "/progress.lock")
        defer { lock.release() }
        var merged = progress
        switch ProgressFile.read(file.path, limit: Self.sizeLimit) {
        case .missing:
            break
        case let .contents(data):
            guard let saved = try? LessonKit.Progress.decode(data) else {
                throw SaveError(description: "\(file.path) is not a netstep progress file, so it is kept and not written over")
            }
            merged = progress.merged(into: saved, since: base)
        case let .problem(problem):
            guard problem != reported else { return }
            throw SaveError(description: "\(file.path) \(problem.description), so it is kept and not written over")
        }
        do throws(ProgressFile.WriteError) {
            try ProgressFile.writeAtomically(merged.encoded(), to: file.path)
        } catch {
            throw SaveError(description: error.description)
        }
        base = progress
    }
}
