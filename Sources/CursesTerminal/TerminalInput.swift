import Canvas

/// What one read from the terminal produced.
public enum TerminalInput: Hashable, Sendable {
    /// A key press or a mouse click.
    case key(Key)
    /// The window changed size; the screen has already adopted the new size.
    case resize(width: Int, height: Int)
    /// One of the extra file descriptors passed to `readKey` became readable (a signal
    /// pipe, a file watch): the caller knows what it means and reads it.
    case ready(Int32)
    /// The terminal is gone (its window was closed): nothing more can be read or shown.
    case hangUp
}
