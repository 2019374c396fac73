import ArgumentParser
import Foundation
import LessonKit
import TeachUI

/// `netstep join HOST:PORT CODE`: follows a class presented with `present --class` on
/// this terminal, and answers its quizzes.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Follow a class presented with `netstep present LESSON --class`.",
        discussion: "Type the command the presenter's join card shows. The lesson follows the presenter's step and moment, recomputed at your terminal's size; at a quiz, answer with its number (answers are anonymous). `f` stops following so you can step, inspect and open the event list yourself; `f` again goes back to the class. If the connection drops, netstep reconnects and lands where the class is."
    )

    @Argument(help: ArgumentHelp("Where the class is, as the join card shows it: HOST:PORT ([IPv6]:PORT).", valueName: "HOST:PORT"))
    var address: String

    @Argument(help: ArgumentHelp("The class's code, from the join card.", valueName: "CODE"))
    var code: String

    @Flag(help: "Follow as plain text, one line after another (for screen readers); answer by typing a number and Enter.")
    var plain = false

    func validate() throws {
        guard ClassSocket.split(address) != nil else {
            throw ValidationError("'\(address)' is not HOST:PORT (an IPv6 address goes in brackets: [::1]:4747)")
        }
        guard !code.isEmpty, code.count <= 16, code.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("the code is the letters and digits on the presenter's join card")
        }
    }

    func run() throws {
        guard let (host, port) = ClassSocket.split(address) else { throw ExitCode.failure }
        let client = ClassClient(host: host, port: port, code: code.uppercased())
        let welcome: ClassClient.Welcome
        do {
            welcome = try client.join()
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
        // The host's text is untrusted: the same loader, limits and sanitising as a file.
        let outcome = LessonLoader.load(contents: Array(welcome.source.utf8), path: "class lesson from \(address)")
        guard let lesson = outcome.lesson, lesson.id == welcome.lessonID else {
            for diagnostic in outcome.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            printError("netstep: the lesson the class sent does not load")
            throw ExitCode.failure
        }
        if plain {
            var follow = PlainFollow(client: client, transcript: ClassTranscript(lesson: lesson), moment: welcome.moment)
            follow.run()
            return
        }
        let moment = welcome.moment
        try Session.run(classLink: .student(client)) { progress in
            var state = AppState(lessons: [lesson], progress: progress, start: .lesson(id: lesson.id, step: moment.step))
            state.followClass(from: moment)
            return state
        }
    }
}
