import Foundation
import TeachUI

/// The file through which a presenting netstep hands its speaker notes to `netstep notes`
/// running in a second terminal: the presenter replaces it atomically at every step, the
/// follower prints it whenever it is replaced. It is plain text: the line saying which
/// lesson and step the notes belong to, the line saying what the next click does, a blank
/// line, then the notes.
struct NotesFile {
    let file: URL

    /// `--notes FILE` when given; else `$XDG_RUNTIME_DIR/netstep/notes.txt` (a per-login
    /// folder only the user can read), else the state folder next to the progress file.
    static func chosen(_ path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> NotesFile? {
        if let path { return NotesFile(file: URL(fileURLWithPath: path)) }
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return NotesFile(file: URL(fileURLWithPath: runtime).appendingPathComponent("netstep/notes.txt"))
        }
        if let progress = ProgressStore.standard(environment: environment) {
            return NotesFile(file: progress.file.deletingLastPathComponent().appendingPathComponent("notes.txt"))
        }
        return nil
    }

    /// Replaces the notes; a follower never sees half a write.
    func publish(_ notes: SpeakerNotes) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("\(notes.heading)\n\(notes.next)\n\n\(notes.text)".utf8).write(to: file, options: .atomic)
    }

    /// The notes now, or nil before anything was presented.
    func read() -> SpeakerNotes? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        return SpeakerNotes(heading: String(lines[0]), text: lines.count > 3 ? String(lines[3]) : "", next: lines.count > 1 ? String(lines[1]) : "")
    }
}
