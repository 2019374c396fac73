import Canvas
import LessonKit
import NetSim

/// Applies one message to the app and says what the run loop should do about it.
/// Pure: the same state and message always give the same result.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
    let ticking = state.wantsTicks
    let place = state.lessonPlace
    let notes = state.presenting ? state.speakerNotes : nil
    let progress = state.progress
    let handled = state.handle(message)
    state.scrollToQuizLead()
    state.recordProgress()
    // Progress is saved before a quit is acted on.
    var effects: [AppEffect] = state.progress != progress ? [.saveProgress(state.progress)] : []
    if state.presenting, let now = state.speakerNotes, now != notes || state.lessonPlace != place { effects.append(.publishNote(now)) }
    effects += handled
    if state.wantsTicks != ticking { effects.append(.animate(state.wantsTicks)) }
    return effects
}

extension AppState {
    mutating func handle(_ message: AppMessage) -> [AppEffect] {
        // Stepping stops where the stage, as drawn on this screen, changes.
        let look = stageLook
        lesson?.stage.look = look
        sandbox?.stage.look = look
        switch message {
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
            // The first change of a wait shows at another moment on a stage of another
            // size: the pace picked for it is measured again (play-test: measured at
            // 80x24 only, the size before the first resize).
            let look = stageLook
            if let session = lesson, session.stage.look != look {
                lesson?.stage.look = look
                lesson?.stage.remeasureFirstChange()
            }
            return []
        case let .tick(elapsed):
            lesson?.stage.tick(elapsed: elapsed)
            sandbox?.stage.tick(elapsed: elapsed)
            return []
        case let .reload(outcome):
            reload(outcome)
            return []
        case let .key(key):
            return handle(key)
        case let .classroom(event):
            return handle(event)
        case let .idle(budget):
            lesson?.stage.driver.runner.prepareAhead(budget: budget)
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [AppEffect] {
        let screenKey = ScreenKey(key)
        if let screenKey, Keymap.action(for: screenKey, in: []) == .quit { return [.quit] }
        if blanked {
            blanked = false
            return []
        }
        if var panel = overlay {
            overlay = nil
            switch panel.handle(key, action: panel.action(for: key), app: &self) {
            case .used:
                if overlay == nil { overlay = panel }
                return []
            case .closes:
                return []
            case .closesAndPasses:
                break
            }
        }
        if let effects = handleClassKey(key) { return effects }
        if lesson != nil { return handleLesson(key) }
        guard let screenKey else { return [] }
        if sandbox != nil { return handleSandbox(key, Keymap.action(for: screenKey, in: screenPlaces)) }
        return handleMenu(Keymap.action(for: screenKey, in: screenPlaces), key: key)
    }

    /// Where the screen on show looks its keys up in the keymap, in order.
    var screenPlaces: [KeyPlace] {
        if lesson != nil { return LessonSession.places(presenting: presenting) + (classFollow != nil ? [.classroom] : []) }
        if sandbox != nil { return [.sandbox, .stage] }
        return [.menu]
    }

    /// A lesson is presented: keys a clicker sends mean what they mean to a presenter.
    var presentingLesson: Bool { presenting && lesson != nil }

    // MARK: menu

    private var menuRows: Int { lessons.count + (resumePlace == nil ? 0 : 1) }

    private mutating func handleMenu(_ action: KeyAction?, key: Key) -> [AppEffect] {
        switch action {
        case .leave: return [.quit]
        case .help: overlay = HelpPanel()
        case .choosePrevious: menuSelection = max(0, menuSelection - 1)
        case .chooseNext: menuSelection = min(max(0, menuRows - 1), menuSelection + 1)
        case .chooseFirst: menuSelection = 0
        case .chooseLast: menuSelection = max(0, menuRows - 1)
        case .open:
            if let place = menuView.target(ofRow: menuSelection) {
                open(lesson: place.lesson, step: place.step)
            }
        case .openSandbox:
            sandbox = SandboxSession(model: .clientServer, nodes: 6, seed: seed)
        case .openByNumber:
            if case let .character(c) = key, let number = c.wholeNumberValue, lessons.indices.contains(number - 1) {
                open(lesson: number - 1, step: 0)
            }
        default:
            break
        }
        return []
    }

    // MARK: sandbox

    private mutating func handleSandbox(_ key: Key, _ action: KeyAction?) -> [AppEffect] {
        guard let action else { return [] }
        switch action {
        case .leave:
            return leave()
        case .help:
            overlay = HelpPanel()
        case .switchModel:
            guard case let .character(c) = key, let number = c.wholeNumberValue,
                  SandboxModel.allCases.indices.contains(number - 1) else { return [] }
            sandbox?.switchModel(to: SandboxModel.allCases[number - 1], seed: seed)
        case .clickToInspect:
            if case let .click(x, y) = key,
               let hit = sandbox?.stage.selection(at: Point(x: x, y: y), stage: stageRect, presenting: presenting) {
                sandbox?.stage.selection = hit
                overlay = InspectPanel()
            }
        default:
            if sandbox?.perform(action) == true { return [] }
            switch sandbox?.stage.perform(action) {
            case .showInspector: overlay = InspectPanel()
            case .showEvents: overlay = EventListPanel(selected: max(0, shownReports.count - 1))
            default: break
            }
        }
        return []
    }

    // MARK: shared

    /// Where the stage is on screen now, for mouse clicks.
    var stageRect: Rect { screenLayout.stage }

    /// Leaves a lesson or the sandbox: back to the menu, or out when there is no menu to
    /// go back to (presenting, or the sandbox started on its own).
    mutating func leave() -> [AppEffect] {
        if leavingQuits { return [.quit] }
        lesson = nil
        sandbox = nil
        overlay = nil
        return []
    }

    /// q (or Esc) on the screen shown ends the program rather than going back to the menu.
    var leavingQuits: Bool { (lesson == nil && sandbox == nil) || presenting || sandboxOnly || classFollow != nil }

    /// How the screen shown is left, as its help says: Esc too, but not while presenting
    /// (a clicker's stop button sends it).
    var leaveHint: KeyHint {
        let keys = Keymap.bindings(in: screenPlaces, presenting: presentingLesson).filter { $0.action == .leave }
        return KeyHint(keys.map { $0.keyNames(unicode: true) }.joined(separator: " "), leavingQuits ? "quit" : "back to the menu")
    }

    /// The events so far on the screen's stage, as it shows them (the latest ones, once a
    /// long run has forgotten its beginning).
    var shownReports: Slice<EventReports> {
        lesson?.stage.shownReports ?? sandbox?.stage.shownReports ?? EventReports()[...]
    }

    /// Shows the screen's stage just after the `n`th event of `shownReports` (1-based),
    /// exactly as stepping there would. False, leaving the stage as it was, when the event
    /// is out of reach: a lesson's stage goes back no further than the start of its step.
    mutating func seekStage(toEvent n: Int) -> Bool {
        if var stage = lesson?.stage {
            stage.seek(toListed: n - 1)
            guard stage.shownReports.count == n else { return false }
            lesson?.stage = stage
            return true
        }
        sandbox?.stage.seek(toListed: n - 1)
        return sandbox != nil
    }
}
