import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the signals a full-screen session must answer into bytes on a pipe, so the run
/// loop sees them in the same poll(2) that waits for keys: no handler runs in the middle
/// of an ncurses call, and an idle program still uses no CPU.
///
/// SIGINT, SIGTERM and SIGHUP end the session (the terminal is restored first); SIGWINCH
/// is a resize. The signals are blocked in every thread and taken by one thread in
/// sigwait(2), so `start()` must run before any other thread exists.
final class SignalWatch: Sendable {
    /// Readable when a signal arrived; pass it to `CursesScreen.readKey(alsoWatching:)`.
    let descriptor: Int32
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func start() -> SignalWatch {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in watched { sigaddset(&set, signal) }
        // Exactly these: a mask inherited from whatever started netstep (a launcher's
        // worker thread may block everything) would otherwise keep Ctrl-Z from working.
        pthread_sigmask(SIG_SETMASK, &set, nil)
        let ends = WakePipe()
        let writeEnd = ends.write
        let blocked = set
        let thread = Thread {
            var signals = blocked
            while true {
                var received: Int32 = 0
                guard sigwait(&signals, &received) == 0 else { continue }
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(writeEnd, &byte, 1)
            }
        }
        thread.name = "netstep signals"
        thread.start()
        return SignalWatch(descriptor: ends.read)
    }

    /// The signals that arrived since the last call, oldest first.
    func received() -> [Int32] {
        var signals: [Int32] = []
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1 { signals.append(Int32(byte)) }
        return signals
    }

    /// Ends the process the way the signal would have, once the terminal is restored: the
    /// shell then reports it as killed by that signal, not as a normal exit.
    static func terminate(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number)
    }
}
