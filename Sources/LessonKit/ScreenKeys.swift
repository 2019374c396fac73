/// The keys the lesson screen (and the app around it) answers itself, each with what it
/// does there, read from the keymap. A step's `ask` may not take one: the learner would
/// press it for the ask and get the screen's meaning instead, or the other way round.
public enum ScreenKeys {
    /// Where a key pressed on a lesson screen with no panel open may already mean something.
    static let lessonPlaces: [KeyPlace] = [.presenting, .lesson, .stage]

    /// What the screen does with `key`, or nil when an ask may take it.
    public static func use(of key: Character) -> String? {
        Keymap.bindings(in: lessonPlaces).first { $0.keys.contains(.character(key)) }?.help
    }

    /// The lower-case letters an ask may use, in order.
    static var freeLetters: [Character] {
        Keymap.letters.filter { use(of: $0) == nil }
    }

    /// The free keys in words, for error messages and the author's guide.
    static var freeKeys: String {
        let capitals = Keymap.letters.uppercased().filter { use(of: $0) != nil }.map(String.init).joined(separator: " ")
        return freeLetters.map(String.init).joined(separator: " ") + ", or a capital letter other than " + capitals
    }
}
