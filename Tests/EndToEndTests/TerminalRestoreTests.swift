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
        #expect(try terminal.waitForExit().status == 143)
        try terminal.expectSaneShell()
    }

    @Test("SIGHUP restores the terminal too")
    func hangUp() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        let process = try #require(terminal.foregroundProcess)
        kill(process, SIGHUP)
        #expect(try terminal.waitForExit().status == 129)
        try terminal.expectSaneShell()
    }

    @Test("closing the terminal window ends netstep instead of leaving it behind")
    func windowClosed() throws {
        let terminal = try TerminalSession()
        terminal.startNetstep(try FixtureLesson.write(for: terminal).path)
        try terminal.waitFor("step 1/3")
        let process = try #require(terminal.foregroundProcess)
        terminal.closeWindow()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while kill(process, 0) == 0, clock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(process, 0) != 0, "netstep (pid \(process)) is still running after its terminal closed")
    }

    @Test("no TERM at all: the message and a failing exit")
    func noTerminalType() throws {
        let terminal = try TerminalSession(width: 200)
        terminal.run("env -u TERM \(NetstepBinary.quoted); echo \"netstep exited $?\"")
        let (status, screen) = try terminal.waitForExit()
        #expect(screen.contains("TERM is not set"))
        #expect(screen.contains("netstep play --plain"))
        #expect(status == 2)
    }

    @Test("a terminal that cannot move the cursor (TERM=dumb): the message and a failing exit")
    func dumbTerminal() throws {
        let terminal = try TerminalSession(width: 200)
        terminal.startNetstep(environment: "TERM=dumb")
        let (status, screen) = try terminal.waitForExit()
        #expect(screen.contains("'dumb' cannot move the cursor"))
        #expect(screen.contains("netstep play --plain"))
        #expect(status == 2)
    }

    @Test("an unknown TERM: the message and a failing exit, the shell untouched")
    func unknownTerminal() throws {
        let terminal = try TerminalSession(width: 200)
        terminal.startNetstep(environment: "TERM=no-such-terminal")
        let (status, screen) = try terminal.waitForExit()
        #expect(screen.contains("'no-such-terminal' is unknown"))
        #expect(screen.contains("netstep play --plain"))
        #expect(status == 2)
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
        #expect(try terminal.waitForExit().status == 132)
        try terminal.expectSaneShell()
    }
}
