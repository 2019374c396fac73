import Foundation
import Testing

/// A tutor presenting: speaker notes for a second terminal, and an author's file that
/// reloads in place when it is saved.
@Suite("Presenting", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct PresenterTests {
    private static let lessonSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons/01-client-server-basics.md")

    @Test("the notes of the step on screen are published, and follow the clicker")
    func speakerNotes() throws {
        let terminal = try TerminalSession()
        let notes = terminal.home.appendingPathComponent("notes.txt")
        terminal.startNetstep("present cs-basics --notes \(notes.path)")
        try terminal.waitFor("Asking a server")
        try waitUntil("the first step's notes are published") { (try? String(contentsOf: notes, encoding: .utf8))?.contains("Point at the two arrows") == true }
        terminal.press("PageDown")
        try waitUntil("the second step's notes replace them") { (try? String(contentsOf: notes, encoding: .utf8))?.contains("division of labour") == true }
        terminal.press("q")
        try terminal.waitFor("netstep exited 0")
    }

    @Test("`netstep notes` in a second terminal prints what the presenter reached")
    func notesFollower() throws {
        let presenter = try TerminalSession()
        let follower = try TerminalSession()
        let notes = presenter.home.appendingPathComponent("notes.txt")
        follower.startNetstep("notes --notes \(notes.path)")
        try follower.waitFor("Following speaker notes")
        presenter.startNetstep("present cs-basics --notes \(notes.path)")
        try follower.waitFor("Point at the two arrows")
        presenter.press("PageDown")
        try follower.waitFor("division of labour")
        presenter.press("q")
        try presenter.waitFor("netstep exited 0")
    }

    @Test("saving the lesson file reloads it in place; a broken save shows its error and keeps the lesson")
    func hotReload() throws {
        let terminal = try TerminalSession()
        let file = terminal.home.appendingPathComponent("my-lesson.md")
        let original = try String(contentsOf: Self.lessonSource, encoding: .utf8)
        try original.write(to: file, atomically: true, encoding: .utf8)
        terminal.startNetstep("present \(file.path) --step 2")
        try terminal.waitFor("The server does the work")

        try original.replacingOccurrences(of: "## The server does the work", with: "## The server works hard")
            .write(to: file, atomically: true, encoding: .utf8)
        try terminal.waitFor("The server works hard")
        #expect(terminal.screen.contains("2/4"))

        try original.replacingOccurrences(of: "layout: star", with: "layout: [star")
            .write(to: file, atomically: false, encoding: .utf8)
        let broken = try terminal.waitFor("this edit does not load")
        #expect(broken.contains("my-lesson.md:"))
        terminal.press("q")
        try terminal.waitFor("netstep exited 0")
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
