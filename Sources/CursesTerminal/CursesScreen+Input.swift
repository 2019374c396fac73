import CNcurses
import Canvas

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesScreen {
    /// Waits for the next key, click or resize, for at most `timeoutMilliseconds` (nil:
    /// as long as it takes, sleeping in poll(2) so an idle program uses no CPU).
    ///
    /// `alsoWatching` are descriptors that should end the wait too (a signal pipe, a file
    /// watch); when one is readable the answer is `.ready(fd)` and the caller reads it.
    /// Returns nil on timeout. A terminal that went away (its window closed) is reported as
    /// `.hangUp` instead of waking the caller in a busy loop.
    public func readKey(timeoutMilliseconds: Int?, alsoWatching: [Int32] = []) -> TerminalInput? {
        if !pendingInput.isEmpty { return pendingInput.removeFirst() }
        var descriptors = alsoWatching.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        descriptors.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0))
        let timeout = Int32(clamping: timeoutMilliseconds ?? -1)
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        if ready > 0 {
            if let watched = descriptors.dropLast().first(where: { $0.revents != 0 }) { return .ready(watched.fd) }
            // A terminal that went away polls readable forever with nothing to read:
            // report it once instead of waking the caller in a busy loop.
            let input = descriptors[descriptors.count - 1].revents
            if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
            if input & Int16(POLLIN) != 0, netstep_pending_bytes(STDIN_FILENO) <= 0 { return .hangUp }
        }
        // Also after EINTR: ncurses' own SIGWINCH handler may have queued KEY_RESIZE.
        drainInput()
        return pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    /// Keys already read and not yet returned: a caller can handle them all before
    /// drawing, so a held-down key never queues frames behind it.
    public var hasPendingInput: Bool { !pendingInput.isEmpty }

    /// Puts inputs back to be read again before anything else, in the order given: keys
    /// typed while the caller was busy, handled once it is free.
    public func putBack(_ inputs: [TerminalInput]) {
        pendingInput.insert(contentsOf: inputs, at: 0)
    }

    /// Reads everything ncurses can decode without waiting, so keys typed faster than
    /// frames are drawn are not lost behind the next poll.
    private func drainInput() {
        let window = netstep_stdscr()
        wtimeout(window, 0)
        var character: wint_t = 0
        while true {
            let status = wget_wch(window, &character)
            if status == ERR { break }
            let input = status == KEY_CODE_YES ? decode(keyCode: Int32(character)) : decode(character: UInt32(character))
            if let input { pendingInput.append(input) }
        }
    }

    /// A typed character: printable text, or the control keys the UI names.
    private func decode(character: UInt32) -> TerminalInput? {
        switch character {
        case 13, 10: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(96 + character)))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// A key ncurses decoded from an escape sequence, a click, or a resize.
    private func decode(keyCode: Int32) -> TerminalInput? {
        switch keyCode {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case netstep_key_resize():
            previous = nil
            return .resize(width: size.width, height: size.height)
        case netstep_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK, event.bstate & netstep_button1_press_or_click() != 0 else { return nil }
            return .key(.click(x: Int(event.x), y: Int(event.y)))
        case netstep_key_f(1)...netstep_key_f(12):
            return .key(.function(Int(keyCode - netstep_key_f(0))))
        default:
            return nil
        }
    }
}
