import Foundation
import Testing

/// A tutor presenting: speaker notes for a second terminal, and an author's file that
/// reloads in place when it is saved.
@Suite("Presenting", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct PresenterTests {
    @Test("the notes of the step on screen are published, and follow the clicker")
    func speakerNotes() throws {
        let terminal = try TerminalSession()
        let lessons = try FixtureLesson.write(for: terminal).deletingLastPathComponent()
        let notes = terminal.home.appendingPathComponent("notes.txt")
        terminal.startNetstep("present \(FixtureLesson.id) --lessons \(lessons.path) --notes \(notes.path)")
        try terminal.waitFor(FixtureLesson.title)
        try waitUntil("the first step's notes are published") { Self.contents(of: notes).contains("notes for the first step") }
        // The clicker plays the step and, once the play is over, moves to the next.
        terminal.press("PageDown")
        _ = try terminal.idle()
        terminal.press("PageDown")
        try waitUntil("the second step's notes replace them") { Self.contents(of: notes).contains("notes for the quiz") }
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("`netstep notes` in a second terminal of the same login follows the presenter with no options")
    func notesFollower() throws {
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-e2e-runtime-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: runtime) }
        let presenter = try TerminalSession(environment: ["XDG_RUNTIME_DIR": runtime.path])
        let follower = try TerminalSession(environment: ["XDG_RUNTIME_DIR": runtime.path])
        let file = try FixtureLesson.write(for: presenter)
        follower.startNetstep("notes")
        try follower.waitFor("Following speaker notes")
        presenter.startNetstep("present \(file.path)")
        try follower.waitFor("notes for the first step")
        presenter.press("PageDown")
        _ = try presenter.idle()
        presenter.press("PageDown")
        try follower.waitFor("notes for the quiz")
        presenter.press("q")
        #expect(try presenter.waitForExit().status == 0)
    }

    @Test("`netstep notes` heads each step's notes with the lesson and step, and breaks lines between words at its window's width")
    func notesFollowerLayout() throws {
        let presenter = try TerminalSession()
        let follower = try TerminalSession(width: 30, height: 20)
        let notes = presenter.home.appendingPathComponent("notes.txt")
        let file = try FixtureLesson.write(for: presenter)
        follower.startNetstep("notes --notes \(notes.path)")
        try follower.waitFor("Following")
        presenter.startNetstep("present \(file.path) --notes \(notes.path)")
        let shown = try follower.waitFor("\nstep\n")
        #expect(shown.contains("---- e2e-fixture · step 1/3: A\nfirst request ----\nfixture notes for the first\nstep\n"), "\(shown)")
        presenter.press("PageDown")
        _ = try presenter.idle()
        presenter.press("PageDown")
        try follower.waitFor("---- e2e-fixture · step 2/3: A\nquestion ----\nfixture notes for the quiz")
        presenter.press("q")
        #expect(try presenter.waitForExit().status == 0)
    }

    @Test("at 80x24 PageDown alone shows every line of the narration, then the end of the lesson, and the notes say what each click does")
    func pageDownToTheEnd() throws {
        let presenter = try TerminalSession(width: 80, height: 24)
        let follower = try TerminalSession(width: 80, height: 50)
        let notes = presenter.home.appendingPathComponent("notes.txt")
        let closing = (1...10).map { "Closing line \($0) of the fixture, long enough to wrap twice in the panel." }.joined(separator: "\n\n")
        let file = try FixtureLesson.write(for: presenter, source: FixtureLesson.source + "\n" + closing + "\n\nFixture ends.\n")
        follower.startNetstep("notes --notes \(notes.path)")
        try follower.waitFor("Following")
        presenter.startNetstep("present \(file.path) --step 3 --notes \(notes.path)")
        try presenter.waitFor("Everyone asks")
        var sawLastLine = false
        var presses = 0
        while !presenter.screen.contains("lesson complete"), presses < 20 {
            presenter.press("PageDown")
            presses += 1
            // Idle, not a still screen: the step's run plays for seconds at the lesson's pace.
            let shown = try presenter.idle()
            sawLastLine = sawLastLine || shown.contains("Fixture ends.")
        }
        let end = try presenter.waitFor("lesson complete")
        #expect(sawLastLine, "the closing paragraph was on screen before the lesson ended")
        #expect(end.contains("✓ Everyone asks"), "the end says what the lesson covered")
        let followed = try follower.waitFor("the lesson is over")
        #expect(followed.contains("of the narration, not yet on screen"), "the notes said a click would scroll:\n\(followed)")
        #expect(!followed.contains("no note at this point"))
        presenter.press("q")
        #expect(try presenter.waitForExit().status == 0)
    }

    @Test("saving the lesson file reloads it in place; a broken save shows its error and keeps the lesson")
    func hotReload() throws {
        let terminal = try TerminalSession()
        let file = try FixtureLesson.write(for: terminal)
        terminal.startNetstep("present \(file.path) --step 3")
        try terminal.waitFor("Everyone asks")

        try FixtureLesson.write(for: terminal, source: FixtureLesson.source.replacingOccurrences(of: "## Everyone asks", with: "## All at once"))
        try terminal.waitFor("All at once")
        try terminal.waitFor("3/3")

        try FixtureLesson.source.replacingOccurrences(of: "layout: star", with: "layout: [star")
            .write(to: file, atomically: false, encoding: .utf8)
        try terminal.waitFor("this edit does not load")
        try terminal.waitFor("e2e-fixture.md:")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    private static func contents(of file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    private func waitUntil(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !condition() {
            guard clock.now < deadline else {
                Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
                throw TerminalSessionError.timedOut(what)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
