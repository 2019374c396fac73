/// A key press or mouse click, as the terminal layer reports it and the UI consumes it.
///
/// It lives beside the cell buffer because both sides of the screen boundary speak it:
/// the terminal layer produces keys, the UI's update function consumes them.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    case function(Int)
    /// A mouse click at a cell (column, row).
    case click(x: Int, y: Int)
    /// Ctrl plus a letter, lower-cased: `.control("l")`.
    case control(Character)
}
