/// Why the full-screen interface cannot start. Each message says what is wrong and what
/// to run instead, because the person reading it is looking at a plain shell.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard output or input is not a terminal (a pipe, a file, a CI log).
    case notATerminal
    /// TERM is not set.
    case noTerminalType
    /// terminfo has no entry for TERM.
    case unknownTerminal(String)
    /// The terminal cannot place the cursor (TERM=dumb, a printing terminal).
    case cannotMoveCursor(String)
    /// There is no terminfo database at all.
    case noTerminfo(String)
    /// ncurses refused to start for a reason it did not say.
    case startFailed(String)

    public var description: String {
        let fallback = "run `netstep play --plain` for the text-only course"
        switch self {
        case .notATerminal:
            return "the full-screen course needs a terminal, and standard input or output is not one (a pipe or a file?); \(fallback)"
        case .noTerminalType:
            return "TERM is not set, so the terminal cannot be driven; set it (e.g. TERM=xterm-256color) or \(fallback)"
        case .unknownTerminal(let name):
            return "the terminal type '\(name)' is unknown (no terminfo entry); set TERM to one your system knows (e.g. xterm-256color) or \(fallback)"
        case .cannotMoveCursor(let name):
            return "the terminal type '\(name)' cannot move the cursor, so no picture can be drawn; \(fallback)"
        case .noTerminfo(let name):
            return "no terminfo database describes the terminal '\(name)'; install ncurses-base or \(fallback)"
        case .startFailed(let name):
            return "ncurses could not start the terminal '\(name)'; \(fallback)"
        }
    }
}
