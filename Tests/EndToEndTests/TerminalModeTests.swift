import Foundation
import Testing

/// The terminal is the app's while it runs: control keys are keys (no signals, no flow
/// control), and long work never takes the keyboard or the signals away from it.
@Suite("The app keeps the terminal in hand", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct TerminalModeTests {
    @Test("Ctrl-\\, Ctrl-Z and Esc before Ctrl-\\ neither kill nor stop netstep; Ctrl-S does not freeze the screen")
    func controlKeysAreKeys() throws {
        let terminal = try TerminalSession(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no"])
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        let process = try #require(terminal.foregroundProcess)
        terminal.press("C-\\")
        terminal.press("C-z")
        terminal.press("C-s")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(kill(process, 0) == 0, "netstep ended on a control key")
        #expect(!terminal.screen.contains("Backtrace"))
        #expect(!terminal.screen.contains("Stopped"))
        // Esc is "back" (to the menu); a Ctrl-\\ right after it once ended netstep with status 1.
        terminal.press("Escape", "C-\\")
        try terminal.waitFor("choose")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(kill(process, 0) == 0, "netstep ended on Esc followed by Ctrl-\\")
        // The display still follows keys after Ctrl-S: the help opens and shows.
        terminal.press("?")
        try terminal.waitFor("this help")
        terminal.press("C-c")
        try terminal.waitUntil("the prompt returns") { !$0.contains("this help") }
        terminal.run("echo \"status $?\"")
        try terminal.waitFor("status 130")
        try terminal.expectSaneShell()
    }

    @Test("q quits while a lesson is still measuring its curves")
    func quitDuringCurves() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        try terminal.waitFor("Working…")
        terminal.press("q")
        let (status, _) = try terminal.waitForExit()
        #expect(status == 0)
        try terminal.expectSaneShell()
    }

    @Test("while a lesson opens, its title and the step being prepared show above the busy line, not an empty screen")
    func openingShowsTheLessonUnderTheBusyLine() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        let screen = try terminal.waitFor("Working…")
        #expect(screen.contains("Many curves"), "the lesson's title: \(screen)")
        #expect(screen.contains("Preparing"), "what is being prepared: \(screen)")
        terminal.press("q")
        #expect(try terminal.waitForExit().status == 0)
    }

    @Test("keys pressed while the busy line shows are kept, presses of one key in a row counting once")
    func keysDuringTheBusyLineAreKept() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        try terminal.waitFor("Working…")
        terminal.press("n")
        terminal.press("n")
        let screen = try terminal.waitUntil("the curves are measured", timeout: .seconds(120)) {
            !$0.contains("Working…") && $0.contains("step ")
        }
        #expect(screen.contains("step 2/2"), "the presses made while busy were kept: \(screen)")
    }

    @Test("work ahead of the learner that brings up the busy line clears it when done, and keeps the keys pressed meanwhile")
    func workAheadClearsTheBusyLine() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal, quickStart: true).path)
        try terminal.waitFor("A step with nothing to run")
        // Nothing pressed: the curves of the next step are measured while this one is read.
        try terminal.waitFor("Working…", timeout: .seconds(60))
        terminal.press("n")
        let screen = try terminal.waitUntil("the curves are measured", timeout: .seconds(120)) {
            !$0.contains("Working…") && $0.contains("step 2/")
        }
        #expect(screen.contains("step 2/3"), "the n pressed while the learner's own step was idle was kept: \(screen)")
    }

    @Test("Ctrl-C ends netstep while a lesson is still measuring its curves")
    func interruptDuringCurves() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        try terminal.waitFor("Working…")
        terminal.press("C-c")
        try terminal.waitUntil("the prompt returns") { !$0.contains("Working…") }
        terminal.run("echo \"status $?\"")
        try terminal.waitFor("status 130")
        try terminal.expectSaneShell()
    }

    @Test("SIGTERM during a long computation ends netstep and restores the terminal's modes")
    func terminateDuringCurves() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        try terminal.waitFor("Working…")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGTERM)
        #expect(try terminal.waitForExit().status == 143)
        try terminal.expectSaneShell()
    }

    @Test("SIGHUP during a long computation ends netstep and restores the terminal's modes")
    func hangUpDuringCurves() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try SlowLesson.write(for: terminal).path)
        try terminal.waitFor("Working…")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGHUP)
        #expect(try terminal.waitForExit().status == 129)
        try terminal.expectSaneShell()
    }
}
