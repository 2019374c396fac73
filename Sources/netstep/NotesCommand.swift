import ArgumentParser
import Canvas
import Foundation
import LessonKit
import TeachUI

/// `netstep notes`: follows the speaker notes of a netstep presenting in another
/// terminal, printing each step's notes as the presenter reaches it.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Follow the speaker notes of `netstep present` running in another terminal.",
        discussion: "Prints the notes of the step being presented, and again whenever the presenter moves on to other notes; when only what the next click does changes (a play starts or stops), prints just that line. Stop with Ctrl-C."
    )

    @Option(help: ArgumentHelp("Follow this notes file (the one given to `present --notes`).", valueName: "FILE"))
    var notes: String?

    func run() throws {
        guard let channel = NotesFile.chosen(notes) else {
            printError("netstep: no place for speaker notes: set XDG_RUNTIME_DIR or HOME, or give --notes FILE")
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(at: channel.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let watch = FileWatch(file: channel.file) else {
            printError("netstep: cannot watch \(channel.file.path) for changes")
            throw ExitCode.failure
        }
        print("Following speaker notes in \(channel.file.path).\nStop with Ctrl-C.")
        var shown: SpeakerNotes?
        while true {
            if let current = channel.read(), current != shown {
                if let text = current.update(after: shown, width: Self.terminalWidth()) { print(Self.printable(text)) }
                shown = current
            }
            var descriptor = pollfd(fd: watch.descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, -1)
            _ = watch.changed()
        }
    }

    /// The columns of the terminal the notes are printed in, read again for every page so
    /// a resized window is filled; `COLUMNS` when the output is not a terminal, else 80.
    static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Lesson text is sanitized when it is loaded; the notes file could be anything, so
    /// it goes through the same sanitiser (line breaks kept).
    static func printable(_ text: String) -> String {
        TextSanitizer.cleanLines(text)
    }
}
