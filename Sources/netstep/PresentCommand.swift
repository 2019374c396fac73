import ArgumentParser
import TeachUI

/// `netstep present LESSON [--step N]`: a lesson full-screen for a class, with clicker
/// keys, no key hints, and speaker notes published for `netstep notes`.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a lesson to a class: large stage, clicker keys, speaker notes.",
        discussion: "PageDown (what a clicker sends) plays the step, then moves to the next one once it is done; on a quiz it first shows the answer and why each choice is right or wrong; PageUp goes back a step; `.` or `b` blanks the screen and any key brings it back. Run `netstep notes` in a second terminal to follow the speaker notes. A lesson file's path is reloaded whenever it is saved, keeping the step."
    )

    @Argument(help: ArgumentHelp("The lesson: an id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String

    @Option(help: ArgumentHelp("Start at this step (1 is the first).", valueName: "N"))
    var step: Int = 1

    @Option(help: ArgumentHelp("Write the speaker notes to this file instead of the usual place.", valueName: "FILE"))
    var notes: String?

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard step >= 1 else { throw ValidationError("--step counts from 1") }
    }

    func run() throws {
        let choice: LessonChoice
        do {
            choice = try LessonChoice.resolve(lesson, folders: folders.folders)
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
        try Session.run(notes: NotesFile.chosen(notes), reload: choice.reload()) { progress in
            AppState(lessons: choice.lessons, progress: progress, start: .lesson(id: choice.id, step: step - 1), presenting: true)
        }
    }
}
