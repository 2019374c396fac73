import Canvas
import LessonKit

extension ScreenKey {
    /// The keymap's name for a key the terminal reported; nil for keys no screen binds.
    init?(_ key: Key) {
        switch key {
        case let .character(c): self = .character(c)
        case .enter: self = .enter
        case .escape: self = .escape
        case .tab: self = .tab
        case .backspace: self = .backspace
        case .up: self = .up
        case .down: self = .down
        case .left: self = .left
        case .right: self = .right
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        case .click: self = .click
        case let .control(c): self = .control(c)
        case .function: return nil
        }
    }

    /// How help and the key bars write the key.
    func name(unicode: Bool) -> String {
        switch self {
        case .character(" "): "Space"
        case let .character(c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backspace: "Backspace"
        case .up: unicode ? "↑" : "Up"
        case .down: unicode ? "↓" : "Down"
        case .left: unicode ? "←" : "Left"
        case .right: unicode ? "→" : "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .click: "click"
        case let .control(c): "Ctrl-" + String(c).uppercased()
        }
    }
}

extension Key {
    /// How help and the key bars write the key (the busy line names the keys that wait
    /// with it); nil for keys no screen binds.
    public func name(unicode: Bool) -> String? {
        ScreenKey(self)?.name(unicode: unicode)
    }
}

extension KeyBinding {
    /// Every key of the binding as help lists them: "→ Space", "1-9".
    func keyNames(unicode: Bool) -> String {
        label ?? keys.map { $0.name(unicode: unicode) }.joined(separator: " ")
    }
}

/// One entry of a key bar: the actions it stands for (their first keys are shown) and
/// what it says they do.
struct KeyBarEntry: Sendable {
    var actions: [KeyAction]
    var text: String
    var hold: KeyHint.Hold = .ifRoom
    /// How many of each action's keys the bar shows ("i Esc close").
    var keyCount = 1

    init(_ actions: KeyAction..., text: String, hold: KeyHint.Hold = .ifRoom, keyCount: Int = 1) {
        self.init(actions, text: text, hold: hold, keyCount: keyCount)
    }

    init(_ actions: [KeyAction], text: String, hold: KeyHint.Hold = .ifRoom, keyCount: Int = 1) {
        self.actions = actions
        self.text = text
        self.hold = hold
        self.keyCount = keyCount
    }
}

/// Key bars read from the keymap: each entry shows the first key bound to each of its
/// actions where the screen's keys are looked up, so a bar never names a key the screen
/// does not answer.
enum KeyBar {
    static func hints(_ entries: [KeyBarEntry], places: [KeyPlace], presenting: Bool = false, unicode: Bool) -> [KeyHint] {
        let bound = Keymap.bindings(in: places, presenting: presenting)
        return entries.compactMap { entry in
            let names = entry.actions.compactMap { action in
                bound.first { $0.action == action }.map { binding in
                    binding.label ?? binding.keys.prefix(entry.keyCount).map { $0.name(unicode: unicode) }.joined(separator: " ")
                }
            }
            guard !names.isEmpty else { return nil }
            // "+-" reads as one key pair; "Tab i" as two keys.
            let joined = names.allSatisfy { $0.count == 1 && !($0.first?.isLetter ?? false) } ? names.joined() : names.joined(separator: " ")
            return KeyHint(joined, entry.text, hold: entry.hold)
        }
    }

    /// The keys every simulation screen shares, after the screen's own; q goes `leaving`
    /// ("back" to the menu, or "quit").
    /// `forward` and `play` say what → and Enter do; nil leaves the key out (the screen
    /// says it its own way, or the key does nothing now).
    static func stage(places: [KeyPlace], presenting: Bool = false, unicode: Bool, leaving: String, forward: String? = "step",
                      play: String? = "play") -> [KeyHint] {
        hints([
            forward.map { KeyBarEntry(.stepForward, text: $0, hold: .useful) },
            KeyBarEntry(.stepBack, text: "back"),
            play.map { KeyBarEntry(.play, text: $0, hold: .useful) },
            KeyBarEntry(.faster, .slower, text: "speed"),
            KeyBarEntry(.selectNext, .inspect, text: "inspect", hold: .useful),
            KeyBarEntry(.events, text: "events", hold: .useful),
        ].compactMap { $0 }, places: places, presenting: presenting, unicode: unicode) + [.help, .leave(leaving)]
    }
}
