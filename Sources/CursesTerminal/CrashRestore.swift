import CNcurses

/// Gives the terminal back even when the process dies on a fatal signal (a Swift
/// runtime trap, an abort, a segmentation fault) while ncurses owns it, and shows on the
/// restored screen what the program wrote to stderr meanwhile (the "Fatal error" line).
///
/// The work is done by async-signal-safe C in the shim; this file is the only caller, so
/// the shim's state has exactly one copy.
enum CrashRestore {
    /// Before ncurses starts: remembers the tty modes and diverts stderr to a scratch file.
    static func prepare() {
        _ = netstep_crash_prepare()
    }

    /// Once ncurses owns the terminal: installs the handler.
    static func arm(mouse: Bool) {
        netstep_crash_arm(mouse ? 1 : 0)
    }

    /// After endwin, or when ncurses failed to start: previous handlers and stderr back,
    /// with whatever was written to stderr in between.
    static func disarm() {
        netstep_crash_disarm()
    }
}
