import Canvas
import LessonKit

/// What a panel did with a key.
enum PanelReply: Hashable, Sendable {
    /// The panel used the key and stays open.
    case used
    /// The panel used the key and closes.
    case closes
    /// The panel closes and the key goes on to the screen under it.
    case closesAndPasses
}

/// A panel over the screen: the help, the event list, the inspector, the go-to prompt,
/// a lesson edit that does not load. It takes the keys while it is open (looked up in the
/// keymap where `places` say), draws itself over the screen, and lists its keys from the
/// keymap. A new overlay is one type conforming to this.
protocol Panel: Sendable {
    /// Where the panel's keys are looked up in the keymap, in order.
    var places: [KeyPlace] { get }
    /// Handles a key (and the action the keymap gives it in `places`), changing the
    /// panel or the app under it.
    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply
    /// Draws the panel over the screen the app has drawn.
    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme)
}

extension Panel {
    /// The panel's keys, from the keymap.
    var bindings: [KeyBinding] { Keymap.bindings(in: places) }

    /// The action `key` has in the panel, if any.
    func action(for key: Key) -> KeyAction? {
        ScreenKey(key).flatMap { Keymap.action(for: $0, in: places) }
    }
}

/// A framed panel drawn over the middle of the screen (help, event list, inspector),
/// sized to its content within the window.
enum Overlay {
    /// Clears and frames a rectangle of at most `width` x `height`, centred in `area`
    /// (the whole screen unless given), and returns its inside (one column of padding
    /// on each side).
    static func frame(
        width: Int, height: Int, title: String, into canvas: inout Canvas, theme: Theme, area: Rect? = nil
    ) -> Rect {
        let area = area ?? canvas.bounds
        let w = min(width + 4, area.width), h = min(height + 2, area.height)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        // A blank column either side, so text cut off under the panel does not read as
        // running into its border; a strip too narrow to read a word in is cleared whole.
        let narrow = 8
        let left = rect.x - area.x <= narrow ? area.x : rect.x - 1
        let right = area.maxX - rect.maxX <= narrow ? area.maxX : rect.maxX + 1
        canvas.fill(Rect(x: left, y: rect.y, width: right - left, height: rect.height))
        canvas.box(rect, weight: .double, glyphs: theme.glyphs, style: theme.panelTitle, title: title, titleStyle: theme.panelTitle)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }
}
