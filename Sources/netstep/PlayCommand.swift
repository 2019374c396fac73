import ArgumentParser
import Foundation
import LessonKit

/// `netstep play LESSON --plain`: the whole lesson as plain text.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a lesson to its end and print it as plain text.",
        discussion: "Narration, what the simulation did at each step, the key figures and every quiz with its answers. No escape sequences; the same lesson and seed always print the same text."
    )

    @Argument(help: ArgumentHelp("A lesson id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String

    @Flag(help: "Print plain text (the only form `play` has; kept explicit for scripts).")
    var plain = false

    @Option(help: "Seed for the simulation's random choices (default: the lesson's own).")
    var seed: UInt64?

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard plain else {
            throw ValidationError("`play` prints the lesson as text; add --plain (to open a lesson on screen, run `netstep`)")
        }
    }

    func run() throws {
        let found: Lesson
        do {
            found = try resolve()
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
        print(PlainTranscript.render(found, seed: seed), terminator: "")
    }

    /// A path (it names an existing file or ends in .md) or an id in the course.
    private func resolve() throws(LessonLibrary.NotFound) -> Lesson {
        if lesson.hasSuffix(".md") || FileManager.default.fileExists(atPath: lesson) {
            let course = Course(files: [try LessonLibrary.read(URL(fileURLWithPath: lesson), shownAs: lesson)])
            for diagnostic in course.diagnostics { printError(diagnostic.description) }
            guard let loaded = course.lessons.first else {
                throw LessonLibrary.NotFound(description: "\(lesson) has errors; nothing to play")
            }
            return loaded
        }
        let course = try LessonLibrary.course(adding: folders.folders)
        guard let loaded = course.lesson(id: lesson) else {
            let ids = course.lessons.map(\.id)
            throw LessonLibrary.NotFound(description: "no lesson with id '\(lesson)'; the lessons are \(ids.joined(separator: ", ")) (see `netstep list`)")
        }
        return loaded
    }
}
