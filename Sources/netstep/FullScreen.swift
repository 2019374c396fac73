import ArgumentParser
import CursesTerminal
import Foundation

/// How a full-screen session ended.
enum SessionEnd {
    /// The user quit.
    case quit
    /// SIGINT, SIGTERM or SIGHUP asked the program to stop.
    case signal(Int32)
    /// The terminal went away.
    case hangUp
}

/// Runs a full-screen session and gives the terminal back on every way out: a normal
/// quit, a signal, a thrown error. Errors, notices and signal deaths are reported only
/// after the terminal is restored, so their messages land on a sane shell, not inside
/// the picture that is about to vanish.
enum FullScreen {
    /// - Parameter session: runs on the open screen; it may add notices for the shell.
    static func run(_ session: (CursesScreen, SignalWatch, inout [String]) throws -> SessionEnd) throws {
        let signals = SignalWatch.start()
        let environment = ProcessInfo.processInfo.environment
        let screen: CursesScreen
        do {
            screen = try CursesScreen.open(
                terminalType: environment["TERM"],
                colorAllowed: (environment["NO_COLOR"] ?? "").isEmpty
            )
        } catch {
            printError("netstep: \(error)")
            throw ExitCode(2)
        }
        var notices: [String] = []
        let end: SessionEnd
        do {
            end = try session(screen, signals, &notices)
        } catch {
            screen.close()
            notices.forEach(printError)
            throw error
        }
        screen.close()
        notices.forEach(printError)
        switch end {
        case .quit: return
        case let .signal(number): SignalWatch.terminate(by: number)
        case .hangUp: throw ExitCode.failure
        }
    }
}
