import ArgumentParser
import Foundation
import LessonKit

/// `netstep play LESSON --plain`: the whole lesson as plain text.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a lesson to its end and print it as plain text.",
        discussion: "Narration, what the simulation did at each step, the key figures and every quiz with its answers. No escape sequences; the same lesson and seed always print the same text. Exits 1 when the lesson fails as it plays (an action the engine refuses, a wait that never comes true), after printing those problems as `check` does."
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
        let (text, problems) = PlainTranscript.play(found, seed: seed)
        print(text, terminator: "")
        // The transcript shows each problem where it happened; the exit status tells a
        // script, as `check` would, that the lesson did not play as written.
        guard problems.isEmpty else {
            problems.forEach { printError($0.description) }
            throw ExitCode.failure
        }
    }

    /// A path (it names an existing file or ends in .md) or an id in the course.
    private func resolve() throws(LessonLibrary.NotFound) -> Lesson {
        let choice = try LessonChoice.resolve(lesson, folders: folders.folders)
        guard let chosen = choice.lessons.first(where: { $0.id == choice.id }) else {
            preconditionFailure("a lesson choice names one of its own lessons")
        }
        return chosen
    }
}
