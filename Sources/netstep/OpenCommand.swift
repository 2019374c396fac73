import ArgumentParser
import LessonKit
import TeachUI

/// `netstep` (or `netstep open [LESSON]`): the course on screen, from the menu or
/// straight into a lesson.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the course full-screen (what `netstep` with no arguments does).",
        discussion: "Without LESSON the lesson menu opens, offering to continue where you stopped. With a lesson file's path, the file is reloaded whenever it is saved."
    )

    @Argument(help: ArgumentHelp("Open this lesson directly: an id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String?

    @Option(help: ArgumentHelp("Start at this step of LESSON (1 is the first).", valueName: "N"))
    var step: Int = 1

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard step >= 1 else { throw ValidationError("--step counts from 1") }
        if lesson == nil, step != 1 { throw ValidationError("--step needs a LESSON to start in") }
    }

    func run() throws {
        if let lesson {
            let choice: LessonChoice
            do {
                choice = try LessonChoice.resolve(lesson, folders: folders.folders)
            } catch {
                printError("netstep: \(error)")
                throw ExitCode.failure
            }
            try Session.run(reload: choice.reload()) { progress in
                AppState(lessons: choice.lessons, progress: progress, start: .lesson(id: choice.id, step: step - 1))
            }
        } else {
            let course = try folders.course()
            try Session.run { progress in AppState(lessons: course.lessons, progress: progress) }
        }
    }
}
