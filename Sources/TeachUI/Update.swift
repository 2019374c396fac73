import Canvas
import LessonKit
import NetSim

/// Applies one message to the app and says what the run loop should do about it.
/// Pure: the same state and message always give the same result.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
    let ticking = state.wantsTicks
    let place = state.lessonPlace
    let progress = state.progress
    let handled = state.handle(message)
    state.recordProgress()
    // Progress is saved before a quit is acted on.
    var effects: [AppEffect] = state.progress != progress ? [.saveProgress(state.progress)] : []
    if state.presenting, let notes = state.speakerNotes, state.lessonPlace != place { effects.append(.publishNote(notes)) }
    effects += handled
    if state.wantsTicks != ticking { effects.append(.animate(state.wantsTicks)) }
    return effects
}

extension AppState {
    mutating func handle(_ message: AppMessage) -> [AppEffect] {
        switch message {
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
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
        }
    }

    private mutating func handle(_ key: Key) -> [AppEffect] {
        if key == .control("c") { return [.quit] }
        if blanked {
            blanked = false
            return []
        }
        if let overlay, handle(key, over: overlay) { return [] }
        if key == .character("?") {
            overlay = .help
            return []
        }
        if lesson != nil { return handleLesson(key) }
        if sandbox != nil { return handleSandbox(key) }
        return handleMenu(key)
    }

    /// Keys while a panel is open. True when the key was used up by the panel.
    private mutating func handle(_ key: Key, over current: OverlayState) -> Bool {
        switch current {
        case .help:
            overlay = nil
            return true
        case let .events(selected):
            let last = max(0, eventCount - 1)
            switch key {
            case .up, .character("k"): overlay = .events(selected: max(0, selected - 1))
            case .down, .character("j"): overlay = .events(selected: min(last, selected + 1))
            case .pageUp: overlay = .events(selected: max(0, selected - 10))
            case .pageDown: overlay = .events(selected: min(last, selected + 10))
            case .home: overlay = .events(selected: 0)
            case .end: overlay = .events(selected: last)
            case .enter:
                overlay = nil
                if eventCount > 0 {
                    lesson?.stage.seek(toListed: selected)
                    sandbox?.stage.seek(toListed: selected)
                }
            case .escape, .character("e"), .character("q"): overlay = nil
            default: break
            }
            return true
        case .inspect:
            switch key {
            case .tab:
                lesson?.stage.selectNext()
                sandbox?.stage.selectNext()
                return true
            case .escape, .character("i"), .character("q"), .enter:
                overlay = nil
                return true
            default:
                overlay = nil
                return false
            }
        }
    }

    // MARK: menu

    private var menuRows: Int { lessons.count + (resumePlace == nil ? 0 : 1) }

    private mutating func handleMenu(_ key: Key) -> [AppEffect] {
        switch key {
        case .character("q"), .escape:
            return [.quit]
        case .up, .character("k"):
            menuSelection = max(0, menuSelection - 1)
        case .down, .character("j"):
            menuSelection = min(max(0, menuRows - 1), menuSelection + 1)
        case .home:
            menuSelection = 0
        case .end:
            menuSelection = max(0, menuRows - 1)
        case .enter, .right:
            if let place = menuView.target(ofRow: menuSelection) {
                open(lesson: place.lesson, step: place.step)
            }
        case .character("s"):
            sandbox = SandboxSession(model: .clientServer, nodes: 6, seed: seed)
        case let .character(c) where c.isNumber:
            if let number = c.wholeNumberValue, lessons.indices.contains(number - 1) { open(lesson: number - 1, step: 0) }
        default:
            break
        }
        return []
    }

    // MARK: sandbox

    private mutating func handleSandbox(_ key: Key) -> [AppEffect] {
        switch key {
        case .character("q"), .escape:
            return leave()
        case let .character(c) where sandbox?.handle(c) == true:
            return []
        case let .click(x, y):
            if let hit = sandbox?.stage.selection(at: Point(x: x, y: y), stage: stageRect, presenting: presenting) {
                sandbox?.stage.selection = hit
                overlay = .inspect
            }
            return []
        default:
            openPanel(sandbox?.stage.handle(key))
            return []
        }
    }

    // MARK: shared

    /// Where the stage is on screen now, for mouse clicks.
    var stageRect: Rect { ScreenLayout(width: width, height: height, presenting: presenting).stage }

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
    var leavingQuits: Bool { (lesson == nil && sandbox == nil) || presenting || sandboxOnly }

    /// How the screen shown is left, as its help says: Esc too, but not while presenting
    /// (a clicker's stop button sends it).
    var leaveHint: KeyHint {
        KeyHint(presenting && lesson != nil ? "q" : "q Esc", leavingQuits ? "quit" : "back to the menu")
    }

    /// Opens the panel a stage key asked for.
    mutating func openPanel(_ outcome: StageKeyOutcome?) {
        if case let .show(panel) = outcome { overlay = panel }
    }

    /// Events so far on the screen's stage.
    private var eventCount: Int {
        lesson?.stage.shownReports.count ?? sandbox?.stage.shownReports.count ?? 0
    }
}
