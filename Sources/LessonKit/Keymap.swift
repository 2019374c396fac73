/// A key as the screens name it. LessonKit knows no terminal, so this is its own small
/// vocabulary; the UI maps the terminal's keys onto it.
public enum ScreenKey: Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// A mouse click anywhere (where it lands decides what it does).
    case click
    /// Ctrl plus a lower-case letter.
    case control(Character)
}

/// Where a key applies: a screen, or a panel open over one.
public enum KeyPlace: Hashable, Sendable, CaseIterable {
    /// Every screen, whatever panel is open.
    case anywhere
    case menu
    /// Any screen with a simulation on it: a lesson and the sandbox.
    case stage
    case lesson
    /// A lesson while presenting (these win over the lesson's own meaning of the key).
    case presenting
    case sandbox
    case eventList
    /// The event list while a search is being typed.
    case search
    case inspector
    case help
    case goTo
    /// The end of a lesson: what it covered and what comes next.
    case lessonOver
    /// A lesson followed from a class (`netstep join`).
    case classroom
}

/// What a key does.
public enum KeyAction: Hashable, Sendable {
    case quit, help, leave
    // The menu.
    case choosePrevious, chooseNext, chooseFirst, chooseLast, open, openByNumber, openSandbox
    // A stage.
    case stepForward, stepBack, play, faster, slower, selectNext, inspect, events, clickToInspect
    // A lesson.
    case nextStep, previousStep, restartStep, restartLesson, goToStep, hint, answer, scrollUp, scrollDown, nextLesson
    // Presenting.
    case advance, blank
    // Following a class.
    case toggleFollow
    // The sandbox.
    case requests, shareFile, addNode, removeNode, toggleUp, doubleUpload, halveUpload, toggleMalicious,
         toggleVerification, switchModel
    // Panels.
    case moveUp, moveDown, pageUp, pageDown, first, last, goToSelected, search, nextMatch, previousMatch, close,
         typeDigit, erase, confirm, cancel
}

/// One line of the keymap: the keys, what they do, where, and how help says it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [ScreenKey]
    public var action: KeyAction
    public var places: [KeyPlace]
    /// What the help screen says the keys do.
    public var help: String
    /// The help screen's heading for it.
    public var section: String
    /// How help writes the keys when listing each would be long ("1-9").
    public var label: String?
    /// The key means this nowhere while presenting (a clicker sends it for something else).
    public var notWhilePresenting: Bool

    init(_ keys: [ScreenKey], _ action: KeyAction, _ places: [KeyPlace], _ section: String, _ help: String,
         label: String? = nil, notWhilePresenting: Bool = false) {
        self.keys = keys
        self.action = action
        self.places = places
        self.section = section
        self.help = help
        self.label = label
        self.notWhilePresenting = notWhilePresenting
    }
}

/// Every key of every screen, defined once. The screens' handlers look keys up here, the
/// help screen and the key bars list them from here, and the keys a lesson's `ask` may
/// not take are the letters and digits a lesson screen binds here.
public enum Keymap {
    static let digits: [ScreenKey] = (1...9).map { .character(Character(String($0))) }
    static let letters = "abcdefghijklmnopqrstuvwxyz"

    public static let bindings: [KeyBinding] = [
        // Panels first: while one is open its keys win.
        KeyBinding([.enter, .escape], .close, [.search], "Searching", "keep the matches"),
        KeyBinding([.backspace], .erase, [.search], "Searching", "erase a letter"),
        KeyBinding([.up, .character("k")], .moveUp, [.eventList], "Event list", "previous event"),
        KeyBinding([.down, .character("j")], .moveDown, [.eventList], "Event list", "next event"),
        KeyBinding([.pageUp], .pageUp, [.eventList], "Event list", "ten events up"),
        KeyBinding([.pageDown], .pageDown, [.eventList], "Event list", "ten events down"),
        KeyBinding([.home], .first, [.eventList], "Event list", "first event"),
        KeyBinding([.end], .last, [.eventList], "Event list", "latest event"),
        KeyBinding([.enter], .goToSelected, [.eventList], "Event list", "show the stage at that event"),
        KeyBinding([.character("/")], .search, [.eventList], "Event list", "search by text, node or kind"),
        KeyBinding([.character("n")], .nextMatch, [.eventList], "Event list", "next match"),
        KeyBinding([.character("N")], .previousMatch, [.eventList], "Event list", "previous match"),
        KeyBinding([.character("e"), .escape, .character("q")], .close, [.eventList], "Event list", "close the list"),
        KeyBinding([.tab], .selectNext, [.inspector], "Inspector", "next node or message"),
        KeyBinding([.character("i"), .escape, .character("q"), .enter], .close, [.inspector], "Inspector", "close"),
        KeyBinding(digits + [.character("0")], .typeDigit, [.goTo], "Go to step", "type the step's number", label: "0-9"),
        KeyBinding([.backspace], .erase, [.goTo], "Go to step", "erase a digit"),
        KeyBinding([.enter], .confirm, [.goTo], "Go to step", "go there"),
        KeyBinding([.escape, .character("g"), .character("q")], .cancel, [.goTo], "Go to step", "cancel"),
        KeyBinding([.right, .pageDown, .enter, .character(" ")], .nextLesson, [.lessonOver], "Lesson complete", "the next lesson"),
        KeyBinding([.left, .pageUp, .escape], .close, [.lessonOver], "Lesson complete", "back to the lesson's last step"),
        KeyBinding([.character("R")], .restartLesson, [.lessonOver], "Lesson complete", "the lesson again from its start"),
        KeyBinding([.character("q")], .leave, [.lessonOver], "Lesson complete", "back to the menu (or quit)"),

        KeyBinding([.control("c")], .quit, [.anywhere], "Anywhere", "quit at once"),
        KeyBinding([.character("?")], .help, [.menu, .stage], "Anywhere", "this help"),

        KeyBinding([.up, .character("k")], .choosePrevious, [.menu], "Menu", "previous lesson"),
        KeyBinding([.down, .character("j")], .chooseNext, [.menu], "Menu", "next lesson"),
        KeyBinding([.home], .chooseFirst, [.menu], "Menu", "first row"),
        KeyBinding([.end], .chooseLast, [.menu], "Menu", "last row"),
        KeyBinding([.enter, .right], .open, [.menu], "Menu", "open it"),
        KeyBinding(digits, .openByNumber, [.menu], "Menu", "open lesson by number", label: "1-9"),
        KeyBinding([.character("s")], .openSandbox, [.menu], "Menu", "the sandbox"),

        KeyBinding([.pageDown], .advance, [.presenting], "Presenting", "play; mid-play, on to its next milestone; next step"),
        KeyBinding([.pageUp], .previousStep, [.presenting], "Presenting", "previous step"),
        KeyBinding([.character("."), .character("b")], .blank, [.presenting], "Presenting", "blank the screen"),

        KeyBinding([.character("f")], .toggleFollow, [.classroom], "Class", "explore on your own, or follow the class again"),

        KeyBinding([.character("n"), .pageDown], .nextStep, [.lesson], "Steps", "next step"),
        KeyBinding([.character("p"), .pageUp], .previousStep, [.lesson], "Steps", "previous step"),
        KeyBinding([.character("g")], .goToStep, [.lesson], "Steps", "go to step (type a number)"),
        KeyBinding([.character("r")], .restartStep, [.lesson], "Steps", "restart the step"),
        KeyBinding([.character("R")], .restartLesson, [.lesson], "Steps", "restart the lesson"),
        KeyBinding(digits, .answer, [.lesson], "Steps", "answer the quiz", label: "1-9"),
        KeyBinding([.character("h")], .hint, [.lesson], "Steps", "a hint for the step"),
        KeyBinding([.up], .scrollUp, [.lesson], "Steps", "scroll the narration up"),
        KeyBinding([.down], .scrollDown, [.lesson], "Steps", "scroll the narration down"),

        KeyBinding([.character("r")], .requests, [.sandbox], "Sandbox", "every client or peer asks"),
        KeyBinding([.character("f")], .shareFile, [.sandbox], "Sandbox", "share a file (not p2p)"),
        KeyBinding([.character("a")], .addNode, [.sandbox], "Sandbox", "add a node"),
        KeyBinding([.character("x")], .removeNode, [.sandbox], "Sandbox", "remove a node"),
        KeyBinding([.character("k")], .toggleUp, [.sandbox], "Sandbox", "kill or revive the selection"),
        KeyBinding([.character("u")], .doubleUpload, [.sandbox], "Sandbox", "double its upload"),
        KeyBinding([.character("U")], .halveUpload, [.sandbox], "Sandbox", "halve its upload"),
        KeyBinding([.character("m")], .toggleMalicious, [.sandbox], "Sandbox", "malicious peer on/off"),
        KeyBinding([.character("v")], .toggleVerification, [.sandbox], "Sandbox", "hash checks on/off"),
        KeyBinding([.character("1"), .character("2"), .character("3")], .switchModel, [.sandbox], "Sandbox",
                   "new client-server/p2p/swarm", label: "1 2 3"),

        KeyBinding([.right, .character(" ")], .stepForward, [.stage], "Stepping", "the next change, or go on"),
        KeyBinding([.left], .stepBack, [.stage], "Stepping", "the change before"),
        KeyBinding([.enter], .play, [.stage], "Stepping", "play or pause"),
        KeyBinding([.character("+"), .character("=")], .faster, [.stage], "Stepping", "faster (yours is kept)"),
        KeyBinding([.character("-"), .character("_")], .slower, [.stage], "Stepping", "slower (auto: per play)"),
        KeyBinding([.tab], .selectNext, [.stage], "Looking closer", "select next node or message"),
        KeyBinding([.character("i")], .inspect, [.stage], "Looking closer", "inspect the selection"),
        KeyBinding([.character("e")], .events, [.stage], "Looking closer", "event list (/ to search)"),
        KeyBinding([.click], .clickToInspect, [.stage], "Looking closer", "inspect a node or message", label: "click"),

        KeyBinding([.character("q")], .leave, [.menu, .stage], "Anywhere", "back to the menu (or quit)"),
        // A clicker's stop button sends Esc: while presenting only q leaves.
        KeyBinding([.escape], .leave, [.menu, .stage], "Anywhere", "back to the menu (or quit)",
                   notWhilePresenting: true),
    ]

    /// What `key` does in `places`, the first place that binds it winning; nil when none does.
    public static func action(for key: ScreenKey, in places: [KeyPlace], presenting: Bool = false) -> KeyAction? {
        binding(for: key, in: places, presenting: presenting)?.action
    }

    public static func binding(for key: ScreenKey, in places: [KeyPlace], presenting: Bool = false) -> KeyBinding? {
        for place in places + [.anywhere] {
            if let found = bindings.first(where: {
                $0.places.contains(place) && $0.keys.contains(key) && !(presenting && $0.notWhilePresenting)
            }) {
                return found
            }
        }
        return nil
    }

    /// The bindings that apply in `places`, in the keymap's order, the first binding of
    /// each key winning (as `action(for:in:)` finds it).
    public static func bindings(in places: [KeyPlace], presenting: Bool = false) -> [KeyBinding] {
        var seen: Set<ScreenKey> = []
        var result: [KeyBinding] = []
        // Which bindings are taken, by place in the table: comparing whole bindings (every
        // key bar asks, every frame) cost more than the rest.
        var taken = Set<Int>()
        for place in places + [.anywhere] {
            for (index, binding) in bindings.enumerated() where binding.places.contains(place) && !(presenting && binding.notWhilePresenting) {
                let fresh = binding.keys.filter { !seen.contains($0) }
                guard !fresh.isEmpty, taken.insert(index).inserted else { continue }
                seen.formUnion(fresh)
                var kept = binding
                kept.keys = fresh
                result.append(kept)
            }
        }
        return result
    }
}
