import Foundation
import Testing

/// Every way out leaves the terminal as it was: a normal prompt, the alternate screen
/// gone, echo and line editing back on.
@Suite("The terminal comes back", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct TerminalRestoreTests {
    @Test("Ctrl-C restores the terminal and ends netstep as interrupted")
    func interrupt() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        terminal.press("C-c")
        // bash abandons the rest of a command line whose program died of SIGINT, as it
        // should: the status is asked for at the next prompt.
        try terminal.waitUntil("the prompt returns") { !$0.contains("step 1/3") }
        terminal.run("echo \"status $?\"")
        try terminal.waitFor("status 130")
        try terminal.expectSaneShell()
    }

    @Test("SIGTERM restores the terminal and ends netstep as terminated")
    func terminate() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep()
        try terminal.waitFor("1. ")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGTERM)
        try terminal.waitFor("netstep exited 143")
        try terminal.expectSaneShell()
    }

    @Test("SIGHUP restores the terminal too")
    func hangUp() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGHUP)
        try terminal.waitFor("netstep exited 129")
        try terminal.expectSaneShell()
    }

    @Test("an unknown TERM: the message and a failing exit, the shell untouched")
    func unknownTerminal() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(environment: "TERM=no-such-terminal")
        let screen = try terminal.waitFor("netstep exited")
        #expect(screen.contains("no-such-terminal"))
        #expect(screen.contains("netstep play --plain"))
        #expect(!screen.contains("netstep exited 0"))
    }
}

@Suite("The terminal comes back after a crash", .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct CrashRestoreTests {
    @Test("a fatal signal (a Swift trap is SIGILL) restores the terminal before the process dies")
    func fatalSignal() throws {
        let terminal = try TerminalSession(environment: ["SWIFT_BACKTRACE": "enable=no"])
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGILL)
        try terminal.waitFor("netstep exited 132")
        try terminal.expectSaneShell()
    }
}
