import ArgumentParser
import Foundation
import LessonKit
import TeachUI

/// `netstep present LESSON [--step N]`: a lesson full-screen for a class, with clicker
/// keys, no key hints, and speaker notes published for `netstep notes`.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Present a lesson to a class: large stage, clicker keys, speaker notes.",
        discussion: "PageDown (what a clicker sends) plays the step, then moves to the next one once it is done; on a quiz it first shows the answer and why each choice is right or wrong; PageUp goes back a step; `.` or `b` blanks the screen and any key brings it back. Run `netstep notes` in a second terminal to follow the speaker notes. A lesson file's path is reloaded whenever it is saved, keeping the step. With --class, students on the local network follow on their own terminals (`netstep join HOST:PORT CODE`, shown on a join card before the first step) and answer the quizzes; see docs/CLASS-PROTOCOL.md."
    )

    @Argument(help: ArgumentHelp("The lesson: an id (see `netstep list`) or a lesson file's path.", valueName: "LESSON"))
    var lesson: String

    @Option(help: ArgumentHelp("Start at this step (1 is the first).", valueName: "N"))
    var step: Int = 1

    @Option(help: ArgumentHelp("Write the speaker notes to this file instead of the usual place.", valueName: "FILE"))
    var notes: String?

    @Flag(name: .customLong("class"), help: "Serve the lesson to a class: students follow it with `netstep join`.")
    var hostsClass = false

    @Option(help: ArgumentHelp("The class's TCP port (with --class; 0 lets the system pick one).", valueName: "N"))
    var port: UInt16 = ClassCommandDefaults.port

    @Option(help: ArgumentHelp("Listen at this address only (with --class; default: every IPv6 and IPv4 address).", valueName: "ADDR"))
    var bind: String?

    @Option(help: ArgumentHelp("Write how the class answered each quiz to this CSV file (with --class).", valueName: "FILE"))
    var tally: String?

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard step >= 1 else { throw ValidationError("--step counts from 1") }
        if !hostsClass, bind != nil || tally != nil || port != ClassCommandDefaults.port {
            throw ValidationError("--port, --bind and --tally serve a class: add --class")
        }
    }

    func run() throws {
        let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
        let classLink = hostsClass ? try openClass(choice) : nil
        var joinCommands: [String]?
        if case let .host(host, _)? = classLink { joinCommands = self.joinCommands(port: host.port, code: host.code) }
        try Session.run(notes: NotesFile.chosen(notes), reload: choice.reload(), classLink: classLink, opening: choice.opening(step: step)) { progress in
            var state = AppState(lessons: choice.lessons, progress: progress, start: .lesson(id: choice.id, step: step - 1), presenting: true)
            if let joinCommands { state.hostClass(joinCommands: joinCommands) }
            return state
        }
    }
}

extension PresentCommand {
    /// Listens for the class, before the screen opens: a port in use is a plain message.
    private func openClass(_ choice: LessonChoice) throws -> ClassLink {
        guard let source = choice.source(folders: folders.folders) else {
            printError("netstep: the lesson's file cannot be read again to send it to the class")
            throw ExitCode.failure
        }
        let moment = ClassMoment(started: false, step: step - 1, scriptPosition: 0, eventsInStep: 0, revealed: false)
        do {
            let host = try ClassHost(code: ClassHost.randomCode(), address: bind, port: port, lessonID: choice.id, source: source, moment: moment)
            return .host(host, tally: try tally.map { path throws(ClassTallyFile.Problem) in try ClassTallyFile(file: URL(fileURLWithPath: path)) })
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
    }

    /// What students type, one line per address they can reach the class at.
    private func joinCommands(port: UInt16, code: String) -> [String] {
        let wildcard = bind == nil || bind == "::" || bind == "0.0.0.0"
        var addresses = wildcard ? ClassSocket.localAddresses() : [bind!]
        if addresses.isEmpty { addresses = ["127.0.0.1"] }
        return addresses.map { "netstep join \(ClassSocket.hostAndPort($0, port)) \(code)" }
    }
}

/// What `present --class` and `join` share.
enum ClassCommandDefaults {
    static let port: UInt16 = 4747
}
