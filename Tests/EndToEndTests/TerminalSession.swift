import Foundation
import Testing

/// A real terminal for end-to-end tests: a private tmux server (its own socket, so it
/// never touches the user's tmux) with one window running a plain shell, into which the
/// tests type commands and keys and from which they read the screen as a person sees it.
final class TerminalSession {
    private let directory: URL
    private let socket: String
    /// HOME for the shell: progress, state and notes land here, not in the user's home.
    let home: URL

    /// Starts a shell in a `width`x`height` window with a clean environment: a fresh
    /// HOME, TERM=tmux-256color, a UTF-8 locale unless `environment` says otherwise.
    init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-e2e-\(UUID().uuidString.prefix(8))")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("tmux").path
        var variables = [
            "HOME": home.path,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "TERM": "tmux-256color",
            "LANG": "C.UTF-8",
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_RUNTIME_DIR": home.appendingPathComponent("run").path,
            "PS1": "$ ",
        ]
        variables.merge(environment) { _, new in new }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let started = Self.tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                                         "env", "-i"] + assignments + ["bash", "--norc", "--noprofile"])
        guard started.status == 0 else { throw TerminalSessionError.tmuxFailed(started.output) }
        _ = Self.tmux(socket, ["set-option", "-g", "status", "off"])
        try waitFor("$")
    }

    deinit {
        _ = Self.tmux(socket, ["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Types a shell command and Enter.
    func run(_ command: String) {
        _ = Self.tmux(socket, ["send-keys", "-l", command])
        _ = Self.tmux(socket, ["send-keys", "Enter"])
    }

    /// Presses keys by tmux name: "Right", "PageDown", "Enter", "C-c", or plain characters.
    func press(_ keys: String...) {
        _ = Self.tmux(socket, ["send-keys"] + keys)
    }

    /// The visible screen, one line per row, trailing blanks trimmed.
    var screen: String {
        Self.tmux(socket, ["capture-pane", "-p"]).output
    }

    /// The visible screen with its colours and attributes as escape sequences.
    var styledScreen: String {
        Self.tmux(socket, ["capture-pane", "-p", "-e"]).output
    }

    /// Starts netstep with `arguments` in the shell; when it ends the shell prints
    /// "netstep exited N" so tests can check how it ended.
    func startNetstep(_ arguments: String = "", environment: String = "") {
        run("\(environment) \(NetstepBinary.quoted) \(arguments); echo \"netstep exited $?\"")
    }

    /// True while the program shows its full-screen (alternate) buffer.
    var alternateScreen: Bool {
        Self.tmux(socket, ["display-message", "-p", "#{alternate_on}"]).output.hasPrefix("1")
    }

    /// Closes the window as a user closing their terminal would: tmux goes away and the
    /// programs in it are left with a hung-up terminal.
    func closeWindow() {
        _ = Self.tmux(socket, ["kill-server"])
    }

    func resize(width: Int, height: Int) {
        _ = Self.tmux(socket, ["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program running in the shell's foreground, if any.
    var foregroundProcess: Int32? {
        let shell = Self.tmux(socket, ["display-message", "-p", "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = Subprocess.run("/usr/bin/pgrep", ["-P", shell]).output.split(separator: "\n")
        return children.first.flatMap { Int32($0) }
    }

    /// Waits until the screen contains `text`, returning it; fails with the screen seen last.
    /// A frame may be caught half drawn, so everything a test expects to see is waited for.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("the screen shows \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen, returning it.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = screen
        while !condition(last) {
            guard clock.now < deadline else {
                Issue.record("timed out waiting until \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
                throw TerminalSessionError.timedOut(what)
            }
            Thread.sleep(forTimeInterval: 0.05)
            last = screen
        }
        return last
    }

    /// Waits until netstep started by `startNetstep` has ended; returns its exit status
    /// and the screen then.
    func waitForExit(sourceLocation: SourceLocation = #_sourceLocation) throws -> (status: Int, screen: String) {
        let exited = /netstep exited (\d+)/
        let screen = try waitUntil("netstep exits", sourceLocation: sourceLocation) { $0.contains(exited) }
        let status = screen.firstMatch(of: exited).flatMap { Int($0.1) } ?? -1
        return (status, screen)
    }

    /// Waits until the screen stops changing (an animation settled, a redraw finished).
    @discardableResult
    func settled(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var previous = screen
        return try waitUntil("the screen settles", sourceLocation: sourceLocation) { current in
            defer { previous = current }
            Thread.sleep(forTimeInterval: 0.15)
            return current == previous && current == screen
        }
    }

    /// Whether a tmux server can start on this machine; end-to-end tests skip only if not.
    static let tmuxStarts: Bool = {
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-e2e-probe-\(getpid())").path
        let started = tmux(socket, ["-f", "/dev/null", "new-session", "-d", "true"]).status == 0
        _ = tmux(socket, ["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        return started
    }()

    fileprivate static func tmux(_ socket: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let result = Subprocess.run("/usr/bin/env", ["tmux", "-S", socket] + arguments)
        return (result.status, result.output + result.error)
    }
}

enum TerminalSessionError: Error {
    case tmuxFailed(String)
    case timedOut(String)
}

extension TerminalSession {
    /// Clicks the left button at a cell (0-based), as an xterm reports it (X10 encoding,
    /// which ncurses reads for every terminal whose terminfo has kmous=\E[M).
    func click(x: Int, y: Int) {
        let press = "\u{1B}[M" + String(UnicodeScalar(UInt8(32))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        let release = "\u{1B}[M" + String(UnicodeScalar(UInt8(35))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        _ = Self.tmux(socket, ["send-keys", "-l", press + release])
    }

    /// Where `text` first appears on the screen: (column, row), both 0-based.
    func position(of text: String) -> (x: Int, y: Int)? {
        for (row, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), row) }
        }
        return nil
    }
}

extension TerminalSession {
    /// The shell after netstep ended: the alternate screen gone, and the tty back in
    /// cooked mode with echo (what `stty -a` reports as icanon and echo).
    func expectSaneShell(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!alternateScreen, sourceLocation: sourceLocation)
        run("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | sort | tr '\\n' ' '; echo")
        try waitFor("echo icanon", sourceLocation: sourceLocation)
    }
}
