import Foundation
import Testing

/// Values on the command line are untrusted: sizes and rates that would overflow the
/// engine's clock or give infinite times are refused by name, and nothing a user typed is
/// echoed to the terminal as a control sequence.
@Suite("Command-line values within bounds")
struct CommandLineLimitTests {
    private let environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]

    private func netstep(_ arguments: [String]) -> Subprocess.Result {
        Subprocess.run(NetstepBinary.path, arguments, environment: environment)
    }

    @Test("a file of 2^63 bits is refused naming --file and --server-up (it trapped with SIGILL)")
    func hugeFile() {
        let result = netstep(["experiment", "distribution", "--file", "9223372036854775807b"])
        #expect(result.status == 64)
        #expect(result.error.contains("--file 9223372 Tb"))
        #expect(result.error.contains("--server-up"))
        #expect(!result.error.contains("Fatal error"))
    }

    @Test("rates so slow that times overflow are refused by name, never printed as inf", arguments: [
        (["experiment", "distribution", "--server-up", "0.0001bps"], "--server-up 0.0001 bps"),
        (["experiment", "distribution", "--peer-down", "0.0001bps"], "--peer-down 0.0001 bps"),
        (["experiment", "distribution", "--peer-up", "0.0001bps"], "--peer-up 0.0001 bps"),
        (["experiment", "bottleneck", "--server-up", "0.0001bps"], "--server-up 0.0001 bps"),
    ])
    func slowRates(arguments: [String], named: String) {
        let result = netstep(arguments)
        #expect(result.status == 64)
        #expect(result.error.contains(named))
        #expect(result.error.contains("the simulation covers at most 317 years"))
        #expect(!result.output.contains("inf"))
    }

    @Test("answers too large for the clients' links are refused naming --response, not --server-up")
    func hugeResponses() {
        let result = netstep(["experiment", "bottleneck", "--response", "2000000000000000000B", "--server-up", "1000000Tbps", "--clients", "1"])
        #expect(result.status == 64)
        #expect(result.error.contains("lower --response"))
        #expect(!result.error.contains("raise --server-up"))
    }

    @Test("a size too large to count once its prefix is applied is not a size")
    func sizeBeyondDouble() {
        let result = netstep(["experiment", "distribution", "--file", String(repeating: "9", count: 300) + "Tb"])
        #expect(result.status == 64)
        #expect(result.error.contains("too large to count"))
    }

    @Test("chunks too small for a microsecond clock are refused rather than timed as rounding")
    func chunksTooSmall() {
        let result = netstep(["experiment", "distribution", "--file", "1b", "--peers", "2"])
        #expect(result.status == 64)
        #expect(result.error.contains("under a millisecond"))
    }

    @Test("escape sequences in an argument are shown escaped in its error message", arguments: [
        ["experiment", "distribution", "--file", "1\u{1B}[2Jb"],
        ["experiment", "bottleneck", "--format", "\u{1B}]0;PWN\u{07}"],
        ["--\u{1B}[31m"],
        ["open", "x\u{1B}[2J"],
    ])
    func escapesShown(arguments: [String]) {
        let result = netstep(arguments)
        #expect(result.status != 0)
        #expect(result.error.contains("\\e"))
        #expect(!result.error.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}

/// Commands that run for minutes show how far they are on a terminal and stop cleanly,
/// with what they finished, on Ctrl-C.
@Suite("Long commands", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct LongCommandTests {
    @Test("experiment distribution: a progress bar with what is simulated and the time left; Ctrl-C prints the sizes done")
    func distributionProgressAndInterrupt() throws {
        let terminal = try TerminalSession(width: 120)
        terminal.startNetstep("experiment distribution --peers 2,3000")
        let screen = try terminal.waitFor("simulating 3000 peers (size 2 of 2)", timeout: .seconds(60))
        #expect(screen.contains("["))
        try terminal.waitUntil("the bar estimates the time left", timeout: .seconds(30)) { $0.contains(" left") && !$0.contains("estimating") }
        terminal.press("C-c")
        let (status, after) = try terminal.waitForExit()
        #expect(status == 130)
        #expect(after.contains("interrupted after 1 of 2 sizes"))
        #expect(after.split(separator: "\n").contains { $0.hasPrefix("2 ") && $0.contains(" s ") })
        #expect(!after.contains("simulating 3000 peers"), "the bar is cleared before the figures")
    }

    @Test("experiment bottleneck: progress, and Ctrl-C keeps the counts of clients done")
    func bottleneckProgressAndInterrupt() throws {
        let terminal = try TerminalSession(width: 120)
        terminal.startNetstep("experiment bottleneck --clients 10,3000 --rate 8 --duration 60s")
        try terminal.waitFor("simulating 3000 clients (2 of 2)", timeout: .seconds(60))
        terminal.press("C-c")
        let (status, after) = try terminal.waitForExit()
        #expect(status == 130)
        #expect(after.contains("interrupted after 1 of 2 counts of clients"))
        #expect(after.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("10 ") })
    }

    @Test("bench engine --model swarm: progress, and Ctrl-C prints the figures so far")
    func benchProgressAndInterrupt() throws {
        let terminal = try TerminalSession(width: 120)
        terminal.startNetstep("bench engine --model swarm --peers 3000")
        try terminal.waitFor("swarm of 3000 peers", timeout: .seconds(60))
        terminal.press("C-c")
        let (status, after) = try terminal.waitForExit()
        #expect(status == 130)
        #expect(after.contains("events/s ("), "the rate, with its CPU-time figure beside it")
        #expect(after.contains("peak memory"))
        #expect(after.contains("interrupted after"))
    }

    @Test("JSON or CSV into a pipe: no progress bar, even with stderr on the terminal")
    func quietIntoAPipe() throws {
        let terminal = try TerminalSession(width: 120)
        terminal.run("\(NetstepBinary.quoted) experiment distribution --peers 3000 --format csv | tail -n 1")
        Thread.sleep(forTimeInterval: 3)
        #expect(!terminal.screen.contains("simulating"))
        terminal.press("C-c")
    }
}
