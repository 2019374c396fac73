import ArgumentParser
import LessonKit
import TeachUI

/// `netstep` (or `netstep open [LESSON]`): the course on screen, from the menu or
/// straight into a lesson, which q leaves for the menu either way.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the course full-screen (what `netstep` with no arguments does).",
        discussion: "Without LESSON the lesson menu opens, offering to continue where you stopped. With LESSON that lesson opens at the step where you stopped in it, and q goes back to the menu of the course. A lesson file's path puts that file in the course (in place of the lesson with its id) and reloads it whenever it is saved."
    )

    @Argument(help: ArgumentHelp("Open this lesson directly: an id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String?

    @Option(help: ArgumentHelp("Start at this step of LESSON (1 is the first; by default where you stopped).", valueName: "N"))
    var step: Int?

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        if let step, step < 1 { throw ValidationError("--step counts from 1") }
        if lesson == nil, step != nil { throw ValidationError("--step needs a LESSON to start in") }
    }

    func run() throws {
        if let lesson {
            let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
            try Session.run(reload: choice.reload(), opening: choice.opening(step: step)) { progress in
                AppState(lessons: choice.lessons, progress: progress, start: .lesson(id: choice.id, step: step.map { $0 - 1 }))
            }
        } else {
            let course = try folders.course()
            try Session.run { progress in AppState(lessons: course.lessons, progress: progress) }
        }
    }
}
