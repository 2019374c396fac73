import Foundation
import Testing

/// The course as a learner drives it, in a real terminal.
@Suite("Course on screen", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct CourseScreenTests {
    @Test("menu, lesson, a step forward and back to the same screen, a quiz, and back to a sane shell")
    func learnerPath() throws {
        let terminal = try TerminalSession()
        let file = try FixtureLesson.write(for: terminal)
        terminal.startNetstep("--lessons \(file.deletingLastPathComponent().path)")
        try terminal.waitFor(FixtureLesson.title)
        try terminal.waitFor("1. ")
        #expect(terminal.alternateScreen)

        terminal.press("End", "Enter")
        try terminal.waitFor("step 1/3")
        // The status line says what the last press covered ("3 undone"); the rest of the
        // screen is the moment itself, and stepping back must draw it exactly again.
        let moment = { (screen: String) in screen.split(separator: "\n").filter { !$0.contains("❚❚") } }
        let before = try terminal.settled()
        terminal.press("Right")
        try terminal.waitUntil("the step moves the simulation on") { moment($0) != moment(before) }
        terminal.press("Left")
        let after = try terminal.waitUntil("stepping back restores the screen") { moment($0) == moment(before) }
        #expect(moment(after) == moment(before))

        terminal.press("n")
        try terminal.waitFor("Answer with 1-2")
        terminal.press("2")
        try terminal.waitFor("Press → to go on")

        terminal.press("q")
        try terminal.waitFor("1. ")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
        #expect(!terminal.alternateScreen)
        terminal.run("echo restored")
        try terminal.waitUntil("the shell answers at a prompt") { $0.contains("\nrestored\n$") }
    }

    @Test("progress is saved as the learner goes: starting again offers to continue there")
    func progressResumes() throws {
        let terminal = try TerminalSession()
        let lessons = try FixtureLesson.write(for: terminal).deletingLastPathComponent().path
        terminal.startNetstep("--lessons \(lessons)")
        try terminal.waitFor(FixtureLesson.title)
        terminal.press("End", "Enter")
        try terminal.waitFor("step 1/3")
        terminal.press("n")
        try terminal.waitFor("step 2/3")
        terminal.press("q")
        try terminal.waitFor(FixtureLesson.title)
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)

        terminal.startNetstep("--lessons \(lessons)")
        try terminal.waitFor("Continue where you stopped")
        try terminal.waitFor("step 2 of 3")
        terminal.press("Enter")
        try terminal.waitFor("step 2/3")
        terminal.press("q", "q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("a corrupt progress file is set aside, and the shell is told so after the screen is restored")
    func corruptProgress() throws {
        let terminal = try TerminalSession()
        let folder = terminal.home.appendingPathComponent("state/netstep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("progress.json"))
        terminal.startNetstep()
        try terminal.waitFor("1. ")
        terminal.press("q")
        let (status, screen) = try terminal.waitForExit()
        #expect(status == 0)
        #expect(screen.contains("could not be read"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.corrupt") }
        #expect(kept.count == 1)
    }

    @Test("resizing lays the screen out again; too small says so and recovers")
    func resize() throws {
        let terminal = try TerminalSession(width: 100, height: 30)
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        terminal.resize(width: 80, height: 24)
        try terminal.waitUntil("the lesson is laid out again with its status line on row 23") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= 24 && rows[22].contains("paused") && rows.allSatisfy { $0.count <= 80 } && screen.contains("step 1/3")
        }
        terminal.resize(width: 40, height: 10)
        try terminal.waitFor("Window too small")
        terminal.resize(width: 120, height: 40)
        try terminal.waitUntil("the lesson comes back at the new size") { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).count >= 40 && screen.contains("step 1/3")
        }
        #expect(!(try terminal.settled()).contains("Window too small"))
        terminal.press("q")
        try terminal.waitFor("Fixture: one server")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("a lesson opened by its path: q goes to the course's menu with it in, and opening it again resumes its step")
    func openedByPath() throws {
        let terminal = try TerminalSession()
        let file = try FixtureLesson.write(for: terminal)
        terminal.startNetstep("open \(file.path)")
        try terminal.waitFor("step 1/3")
        terminal.press("n")
        try terminal.waitFor("step 2/3")
        terminal.press("q")
        try terminal.waitFor("Fixture: one server")
        let menu = try terminal.waitFor("1. Asking a server")
        #expect(menu.contains("Continue where you stopped"))
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)

        terminal.startNetstep("open \(file.path)")
        try terminal.waitFor("step 2/3")
        terminal.press("Escape")
        try terminal.waitFor("Continue where you stopped")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("the sandbox opens on the model asked for and answers its keys")
    func sandbox() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep("sandbox --model client-server --nodes 3")
        try terminal.waitFor("c3")
        #expect(!(try terminal.settled()).contains("c4"))
        terminal.press("r")
        try terminal.waitFor("requests sent")
        terminal.press("Enter")
        try terminal.waitFor("playing")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("a click on a node inspects it")
    func clickInspects() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        // The node's box, not the legend's "▦ server" on the stage's top border.
        let server = try #require(terminal.position(of: "│▦ server"))
        terminal.click(x: server.x + 3, y: server.y)
        try terminal.waitFor("role       server")
        try terminal.waitFor("queue      0 waiting")
    }

    @Test("NO_COLOR or a terminal without colours: attributes only; otherwise colours")
    func monochrome() throws {
        let colourCode = try Regex(#"\x1B\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7])[;m]"#)
        let plain = try TerminalSession()
        plain.startNetstep(try FixtureLesson.write(for: plain).path, environment: "NO_COLOR=1")
        try plain.waitFor("step 1/3")
        try plain.settled()
        #expect(!plain.styledScreen.contains(colourCode))

        let noColours = try TerminalSession(environment: ["TERM": "vt100"])
        noColours.startNetstep(try FixtureLesson.write(for: noColours).path)
        try noColours.waitFor("step 1/3")
        try noColours.settled()
        #expect(!noColours.styledScreen.contains(colourCode))

        let coloured = try TerminalSession()
        coloured.startNetstep(try FixtureLesson.write(for: coloured).path)
        try coloured.waitFor("step 1/3")
        try coloured.settled()
        #expect(coloured.styledScreen.contains(colourCode))
    }

    @Test("a locale without UTF-8: plain ASCII; with it, box drawing")
    func ascii() throws {
        let ascii = try TerminalSession(environment: ["LANG": "C"])
        ascii.startNetstep(try FixtureLesson.write(for: ascii).path)
        try ascii.waitFor("step 1/3")
        try ascii.waitFor("server")
        #expect(try ascii.settled().unicodeScalars.allSatisfy { $0.isASCII })

        let unicode = try TerminalSession()
        unicode.startNetstep(try FixtureLesson.write(for: unicode).path)
        try unicode.waitFor("step 1/3")
        try unicode.waitFor("┌")
    }
}
