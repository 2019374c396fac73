import CNcurses
import Canvas

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen terminal, through ncurses: the only place netstep talks to a terminal.
///
/// It blits the cells that changed since the last frame, reads keys and clicks, follows
/// window resizes, and gives the terminal back exactly as it found it on `close()`.
/// Not `Sendable`: ncurses is single-threaded, so one screen lives on the main thread.
public final class CursesScreen {
    /// What the terminal can show, decided at `open`.
    public let capabilities: Capabilities
    /// The last frame written, so the next one writes only what differs; nil forces a
    /// full redraw (after a resize, or before the first frame).
    var previous: Canvas?
    var colorPairs: ColorPairs
    var pendingInput: [TerminalInput] = []
    private var screen: OpaquePointer?

    /// Starts full-screen mode on standard input and output.
    ///
    /// Everything that can fail is checked before ncurses takes the terminal, so a failure
    /// leaves the shell untouched and the error can be printed straight away.
    /// - Parameters:
    ///   - terminalType: the TERM value, or nil when TERM is unset.
    ///   - colorAllowed: false when the user asked for no colour (NO_COLOR).
    public static func open(terminalType: String?, colorAllowed: Bool) throws(TerminalError) -> CursesScreen {
        // The character type is all ncurses needs (wide characters, the codeset); numbers keep
        // the C locale so figures on screen read the same everywhere.
        setlocale(LC_CTYPE, "")
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else { throw .notATerminal }
        guard let terminalType, !terminalType.isEmpty else { throw .noTerminalType }
        switch netstep_probe_terminfo(terminalType, STDOUT_FILENO) {
        case 1: break
        case 2: throw .cannotMoveCursor(terminalType)
        case 0: throw .unknownTerminal(terminalType)
        default: throw .noTerminfo(terminalType)
        }
        CrashRestore.prepare()
        guard let screen = netstep_newterm_stdio(terminalType) else {
            CrashRestore.disarm()
            throw .startFailed(terminalType)
        }
        set_term(screen)
        return CursesScreen(screen: screen, colorAllowed: colorAllowed)
    }

    private init(screen: OpaquePointer, colorAllowed: Bool) {
        self.screen = screen
        let window = netstep_stdscr()
        // Raw, not cbreak: with ISIG on, Ctrl-\ made the runtime dump a backtrace over
        // the picture and Ctrl-Z stopped the program mid-frame; with IXON on, Ctrl-S froze
        // the output. Every one of them is now a key the app reads (Ctrl-C quits).
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        let mouse = mousemask(netstep_button1_press_or_click(), nil) != 0
        mouseinterval(0)

        var color = false
        var defaultColors = false
        if colorAllowed, has_colors(), start_color() == OK, netstep_colors() >= 8 {
            color = true
            defaultColors = use_default_colors() == OK
        }
        let codeset = String(cString: netstep_codeset())
        capabilities = Capabilities(color: color, unicode: codeset.uppercased() == "UTF-8")
        colorPairs = ColorPairs(limit: color ? Int(netstep_color_pairs()) : 0, terminalDefaults: defaultColors)
        CrashRestore.arm(mouse: mouse)
    }

    deinit { close() }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(netstep_cols()), Int(netstep_lines()))
    }

    /// Leaves full-screen mode and restores the terminal's modes. Safe to call twice, and
    /// from every exit path: after the first call it does nothing.
    public func close() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        CrashRestore.disarm()
        self.screen = nil
        previous = nil
    }

    /// Adopts the window size the kernel reports when it differs from the one ncurses
    /// knows. For callers that handle SIGWINCH themselves (ncurses never sees it then).
    /// Returns the resize to send to the UI, or nil when nothing changed.
    public func adoptWindowSize() -> TerminalInput? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard screen != nil, netstep_window_size(STDOUT_FILENO, &rows, &columns) == 1 else { return nil }
        guard rows != netstep_lines() || columns != netstep_cols() else { return nil }
        resizeterm(rows, columns)
        previous = nil
        return .resize(width: Int(columns), height: Int(rows))
    }

    /// Forgets what is on screen, so the next `draw` repaints every cell (Ctrl-L, or after
    /// another program scribbled on the terminal).
    public func invalidate() {
        previous = nil
        clearok(netstep_stdscr(), true)
    }
}
