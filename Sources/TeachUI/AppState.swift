import Canvas
import LessonKit
import NetSim

/// The whole app as a value: which screen is up, what is on it, and the learner's
/// progress. `update` changes it, `render` draws it; nothing else touches it.
public struct AppState: Sendable {
    /// Where the app opens.
    public enum Start: Sendable, Hashable {
        case menu
        /// A lesson by id, at a step (0-based), or with none where the learner stopped in
        /// it (its first step once it is finished). Unless presenting, q leads to the menu.
        case lesson(id: String, step: Int?)
        case sandbox(SandboxModel, nodes: Int)
    }

    var lessons: [Lesson]
    var progress: Progress
    /// The lesson or the sandbox on screen; at most one is set, and with neither the
    /// menu is up. Sessions live in optionals rather than in an enum's payloads so they
    /// are changed in place: taking a payload out to change it would copy the whole
    /// simulation history.
    var lesson: LessonSession?
    var sandbox: SandboxSession?
    /// Why the last edit of the lesson on screen does not load; shown until one does.
    var reloadProblems: [Diagnostic] = []
    /// The panel open over the screen, which takes the keys while it is.
    var overlay: (any Panel)?
    var width = 80
    var height = 24
    /// Presenter mode: no key hints, a larger stage, clicker keys, speaker notes.
    var presenting: Bool
    /// Presenter's blank screen.
    var blanked = false
    /// Started straight into the sandbox, with no course behind it: q quits instead of
    /// opening the menu.
    var sandboxOnly = false
    /// The lesson the app started in: the one whose file is watched, so an edit that
    /// reloads replaces it, whichever screen is up.
    var watchedLesson: Int?
    var menuSelection = 0
    /// The seed the sandbox uses, so a sandbox session can be replayed.
    var seed: UInt64
    /// Presenting to a class over the network (`present --class`).
    var classHost: ClassHostState?
    /// Following a class (`netstep join`).
    var classFollow: ClassFollowState?

    /// A new app over `lessons` (in course order) with the learner's `progress`.
    /// Opening a lesson id that does not exist opens the menu instead.
    public init(lessons: [Lesson], progress: Progress = Progress(), start: Start = .menu, presenting: Bool = false, seed: UInt64 = 1) {
        self.lessons = lessons
        self.progress = progress
        self.presenting = presenting
        self.seed = seed
        switch start {
        case .menu:
            break
        case let .lesson(id, step):
            if let index = lessons.firstIndex(where: { $0.id == id }) {
                watchedLesson = index
                open(lesson: index, step: step ?? stoppedStep(in: lessons[index]))
                if step == nil, lesson?.runner.stepIndex ?? 0 > 0 {
                    // Opened where the learner stopped, not at the start: say so, and how
                    // to start over (play-test: a resumed lesson looked like a broken one).
                    // Short: at 80 columns the status line has about 35 left for it.
                    lesson?.said = "resumed here; R restarts the lesson"
                }
            }
        case let .sandbox(model, nodes):
            sandboxOnly = true
            sandbox = SandboxSession(model: model, nodes: nodes, seed: seed)
        }
    }

    /// Something moves on screen: the run loop should tick about 30 times a second.
    /// False while paused and idle, so the loop can sleep in the key read.
    public var wantsTicks: Bool {
        guard !blanked else { return false }
        return lesson?.stage.isAnimating ?? sandbox?.stage.isAnimating ?? false
    }

    /// The lesson on screen has steps ahead not yet played (see `AppMessage.idle`).
    public var hasWorkAhead: Bool {
        lesson?.runner.hasWorkAhead ?? false
    }

    /// The step the learner stopped at in `lesson`; the first once it is finished.
    private func stoppedStep(in lesson: Lesson) -> Int {
        guard let record = progress.lessons[lesson.id], !record.finished else { return 0 }
        return record.step
    }

    /// Opens lesson `index` at `step` (0-based, clamped to the lesson).
    mutating func open(lesson index: Int, step: Int) {
        precondition(lessons.indices.contains(index), "no lesson \(index)")
        sandbox = nil
        overlay = nil
        lesson = LessonSession(index: index, lesson: lessons[index], step: step)
        recordProgress()
    }
}
