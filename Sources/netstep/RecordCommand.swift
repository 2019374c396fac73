import ArgumentParser
import Foundation
import NetSim
import TeachUI

/// `netstep record LESSON --out FILE.cast`: the lesson played as a presenter plays it,
/// written as an asciicast v2 recording without a terminal.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a lesson, played as a presenter would, as an asciicast v2 file.",
        discussion: """
            No terminal is needed: the frames are rendered as they would be on a screen of \
            --size and written with their real timing. Each wait plays at the lesson's pace; \
            every new piece of narration is given time to be read; at each quiz a marker is \
            written, the class gets time to think, and the right answer is picked and \
            explained. Replay it with `asciinema play FILE.cast`, or embed it in a page with \
            the asciinema player (its pauseOnMarkers option stops at every quiz).
            """
    )

    /// The largest recording written: a lesson is well under it; a runaway one is stopped.
    static let largestFile = 50_000_000

    @Argument(help: ArgumentHelp("The lesson: an id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String

    @Option(help: ArgumentHelp("The recording to write (an asciicast v2 file, usually FILE.cast).", valueName: "FILE"))
    var out: String

    @Option(help: ArgumentHelp("The screen recorded, COLUMNSxROWS.", valueName: "SIZE"))
    var size = ScreenSize(width: 100, height: 30)

    @Option(help: ArgumentHelp("Record only this step (1 is the first; by default the whole lesson).", valueName: "N"))
    var step: Int?

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        if let step, step < 1 { throw ValidationError("--step counts from 1") }
        let smallest = LessonRecording.smallest
        guard size.width >= smallest.width, size.height >= smallest.height else {
            throw ValidationError("--size must be at least \(smallest.width)x\(smallest.height), the smallest screen a lesson is drawn on")
        }
    }

    func run() throws {
        let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
        guard let chosen = choice.lessons.first(where: { $0.id == choice.id }) else {
            preconditionFailure("a lesson choice names one of its own lessons")
        }
        if let step, step > chosen.steps.count {
            printError("netstep: \(chosen.id) has \(chosen.steps.count) steps; --step \(step) is past its end")
            throw ExitCode.failure
        }
        guard var recording = LessonRecording(lessons: choice.lessons, id: choice.id, step: step.map { $0 - 1 },
                                              width: size.width, height: size.height) else {
            preconditionFailure("a lesson choice names one of its own lessons")
        }
        var writer = AsciicastWriter(width: size.width, height: size.height)
        var file = Data(writer.header(title: chosen.title).utf8)
        file.append(0x0A)
        let progress = CommandProgress(machineReadable: false)
        var end: Int64 = 0
        while let event = recording.next() {
            end = event.time
            if let line = writer.line(for: event) {
                file.append(contentsOf: line.utf8)
                file.append(0x0A)
            }
            guard file.count <= Self.largestFile else {
                progress.finish()
                printError("netstep: the recording of \(chosen.id) passed \(Self.largestFile / 1_000_000) MB at \(recording.place); nothing was written. Record one step at a time with --step N.")
                throw ExitCode.failure
            }
            guard progress.report(recording.fraction, doing: "recording \(recording.place)") else {
                progress.stop(after: "\(recording.place); \(out) was not written", printed: false)
            }
        }
        progress.finish()
        if let problem = recording.problem {
            printError("netstep: \(problem); nothing was written")
            throw ExitCode.failure
        }
        file.append(contentsOf: writer.finish(at: end).utf8)
        file.append(0x0A)
        do {
            try file.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            printError("netstep: \(out) could not be written: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        print("netstep: wrote \(out): \(chosen.id), \(Units.format(duration: end)) at \(size), \(file.count / 1000) kB")
    }
}
