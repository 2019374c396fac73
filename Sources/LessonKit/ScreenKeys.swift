/// The keys the lesson screen (and the app around it) answers itself, each with what it
/// does there. A step's `ask` may not take one: the learner would press it for the ask
/// and get the screen's meaning instead, or the other way round.
enum ScreenKeys {
    /// Letters and digits the screen uses, with what each does (as help lists them).
    static let taken: KeyValuePairs<Character, String> = [
        "n": "goes to the next step", "p": "goes to the previous step", "r": "restarts the step",
        "R": "restarts the lesson", "g": "goes to a step by number", "h": "shows the step's hints",
        "i": "inspects the selection", "e": "opens the event list", "q": "goes back to the menu",
        "b": "blanks the screen when presenting", "s": "opens the sandbox from the menu",
        "f": "shares a file in the sandbox",
        "0": "types a step number after g", "1": "answers a quiz", "2": "answers a quiz", "3": "answers a quiz",
        "4": "answers a quiz", "5": "answers a quiz", "6": "answers a quiz", "7": "answers a quiz",
        "8": "answers a quiz", "9": "answers a quiz",
    ]

    /// What the screen does with `key`, or nil when an ask may take it.
    static func use(of key: Character) -> String? {
        taken.first { $0.key == key }?.value
    }

    /// The lower-case letters an ask may use, in order.
    static var freeLetters: [Character] {
        "abcdefghijklmnopqrstuvwxyz".filter { use(of: $0) == nil }
    }

    /// The free keys in words, for error messages and the author's guide.
    static var freeKeys: String {
        let capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".filter { use(of: $0) != nil }.map(String.init).joined(separator: " ")
        return freeLetters.map(String.init).joined(separator: " ") + ", or a capital letter other than " + capitals
    }
}
