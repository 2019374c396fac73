import Foundation
import Testing

/// A class in real terminals: one presenter and two students on loopback, one on the
/// full screen and one following as plain text.
@Suite("Classroom", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct ClassroomTests {
    @Test("students join with the code on the card, follow the presenter, answer, and see the class's answers")
    func oneClass() throws {
        let presenter = try TerminalSession()
        let student = try TerminalSession(width: 80, height: 24)
        let listener = try TerminalSession(width: 100, height: 30)
        let file = try FixtureLesson.write(for: presenter)
        let tally = presenter.home.appendingPathComponent("tally.csv")
        presenter.startNetstep("present \(file.path) --class --port 0 --bind 127.0.0.1 --tally \(tally.path)")
        let card = try presenter.waitFor("PageDown starts the lesson")
        let join = try #require(card.firstMatch(of: /netstep join (127\.0\.0\.1:\d+) ([A-Z0-9]{6})/))
        let (address, code) = (String(join.1), String(join.2))

        student.startNetstep("join \(address) WRONG9")
        try student.waitFor("refused to let you in: wrong code")
        #expect(try student.waitForExit().status == 1)
        student.run("clear")
        try student.waitUntil("the shell is clear") { !$0.contains("exited") }

        student.startNetstep("join \(address) \(code.lowercased())")
        try student.waitFor("the presenter starts the lesson soon")
        listener.startNetstep("join \(address) \(code) --plain")
        try listener.waitFor("Waiting for the presenter to start")
        try presenter.waitFor("2 joined")

        presenter.press("PageDown")
        try student.waitFor("following the class")
        try student.waitFor("A client asks the server")
        try listener.waitFor("Step 1 of 3: A first request")

        // The clicker plays the step and, once the play is over, moves to the next.
        presenter.press("PageDown")
        _ = try presenter.idle()
        presenter.press("PageDown")
        try student.waitFor("Who answered the request?")
        try listener.waitFor("Quiz: Who answered the request?")
        student.press("2")
        try student.waitFor("answer 2 sent")
        listener.run("1")
        try listener.waitFor("Sent: 1")
        try presenter.waitFor("2/2 answered")

        presenter.press("PageDown")
        try presenter.waitFor("1 ✓")
        try student.waitFor("2/2 answered")
        try listener.waitFor("Answer: 2. The server")
        try listener.waitFor("The class: 2 of 2 answered.")
        let csv = try String(contentsOf: tally, encoding: .utf8)
        #expect(csv.contains("\"e2e-fixture\",2,0,\"Who answered the request?\",2,\"The server\",yes,1,2,2"), "\(csv)")

        // The student explores alone; the class moves on without them, and f brings them back.
        student.press("f")
        try student.waitFor("on your own")
        presenter.press("PageDown", "PageDown")
        try listener.waitFor("Step 3 of 3: Everyone asks")
        #expect(!student.screen.contains("Every client asks at once"))
        student.press("f")
        try student.waitFor("Every client asks at once")

        for terminal in [student, presenter] {
            terminal.press("q")
            #expect(try terminal.waitForExit().status == 0)
        }
        listener.run("q")
        #expect(try listener.waitForExit().status == 0)
    }
}
