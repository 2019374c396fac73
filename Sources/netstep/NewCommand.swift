import ArgumentParser
import Foundation
import LessonKit

/// `netstep new LESSON-ID`: writes a starter lesson that passes `check`, to edit from.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a starter lesson to edit: front matter, two steps, a quiz and speaker notes.",
        discussion: "Writes LESSON-ID.md in the current folder (or --file PATH) and never replaces a file that exists. Check it with `netstep check FILE`, try it with `netstep open FILE`."
    )

    @Argument(help: ArgumentHelp("The new lesson's id: lower-case letters, digits and '-'.", valueName: "LESSON-ID"))
    var id: String

    @Option(help: ArgumentHelp("Where to write the lesson (default: LESSON-ID.md here).", valueName: "PATH"))
    var file: String?

    func run() throws {
        if let problem = StarterLesson.problem(with: id) {
            printError("netstep: \(problem)")
            throw ExitCode.failure
        }
        if let bundled = LessonLibrary.bundledCourse()?.lesson(id: id) {
            printError("netstep: '\(id)' is already the id of the bundled lesson \(bundled.sourcePath) ('\(bundled.title)'); choose another id")
            throw ExitCode.failure
        }
        let path = file ?? "\(id).md"
        do {
            try Data(StarterLesson.source(id: id).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            printError("netstep: \(path) already exists; nothing was written (give another id, or --file PATH)")
            throw ExitCode.failure
        } catch {
            printError("netstep: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        print("Wrote \(path). Edit it, then: netstep check \(path); netstep open \(path)")
    }
}
