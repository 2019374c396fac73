import Canvas
import LessonKit

/// Where each panel of the lesson screen goes for a window size. Pure, so the update
/// function can find what a mouse click hit by laying the screen out again.
struct ScreenLayout: Hashable, Sendable {
    /// Below this the screen says it is too small instead of drawing a garbled picture.
    static let minimumWidth = 60
    static let minimumHeight = 16

    var title: Rect
    var stage: Rect
    /// The stage the nodes are arranged in: the stage itself, or beside a quiz that took
    /// room from it, the stage as it is without the quiz, so the picture is squeezed into
    /// the narrower stage instead of laid out anew (nodes keep their places).
    var arrangedStage: Rect
    var narration: Rect
    var metrics: Rect
    var status: Rect
    var hints: Rect

    /// The stage with the metrics panel under it: the most an overlay about the network
    /// (the inspector) may cover and leave the narration in view.
    var stageColumn: Rect {
        Rect(x: stage.x, y: stage.y, width: stage.width, height: metrics.maxY - stage.y)
    }

    /// The narration panel's width for a quiz that needs the room, in a window narrow
    /// enough to need it: 36 columns of text.
    static let quizNarrationWidth = 40

    /// The metrics panel's rows when presenting in a window under 40 rows.
    static let presentingMetricsRows = 6

    static func fits(width: Int, height: Int) -> Bool {
        width >= minimumWidth && height >= minimumHeight
    }

    /// The lesson screen: title on top, status and key hints at the bottom, the stage on
    /// the left above the metrics, narration on the right; in a tall narrow window the
    /// narration goes below instead. Presenting drops the hints and shrinks the metrics
    /// (when short of room) so the stage is as large as the window allows. For a quiz that does
    /// not fit its panel (`roomForQuiz`), a narrow window gives the narration up to half
    /// its width: at 80 columns choices wrap over three or four lines each, and the
    /// narration that leads to the question would scroll out of sight.
    init(width: Int, height: Int, presenting: Bool, roomForQuiz: Bool = false) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (title, belowTitle) = screen.splitTop(1)
        let footerRows = presenting ? 1 : 2
        let (body, footer) = belowTitle.splitTop(belowTitle.height - footerRows)
        let (status, hints) = footer.splitTop(1)
        // Presenting keeps the stage large but not at the cost of the gauges the narration
        // points at: a short window keeps a panel of four lines of figures.
        let metricsRows = presenting && height < 40 ? Self.presentingMetricsRows : min(max(body.height / 3, 6), 12)
        let stage: Rect, metrics: Rect, narration: Rect
        if width < 100, height >= width / 2 + 8 {
            let (top, below) = body.splitTop(body.height * 11 / 20)
            (stage, metrics) = top.splitTop(top.height - min(metricsRows, top.height / 3))
            narration = below
        } else {
            let standard = min(max(width * 2 / 5, 30), presenting ? 72 : 64)
            let narrationWidth = roomForQuiz ? max(standard, min(width / 2, Self.quizNarrationWidth)) : standard
            let (left, right) = body.splitLeft(body.width - narrationWidth)
            (stage, metrics) = left.splitTop(left.height - metricsRows)
            narration = right
        }
        self.title = title
        self.stage = stage
        arrangedStage = roomForQuiz ? ScreenLayout(width: width, height: height, presenting: presenting).stage : stage
        self.narration = narration
        self.metrics = metrics
        self.status = status
        self.hints = presenting ? Rect(x: 0, y: height, width: width, height: 0) : hints
    }
}

extension ScreenLayout {
    /// Whether every one of `quizzes`, each shown unanswered with its prompt, fits the
    /// standard layout's narration with a few lines of its step's text above it.
    static func quizzesFit(width: Int, height: Int, presenting: Bool, quizzes: [NarrationView], theme: Theme) -> Bool {
        let rect = LessonScreenView.inner(ScreenLayout(width: width, height: height, presenting: presenting).narration)
        // A few lines of the step's text always, however much of it is revealed yet: the
        // answer cannot change as the step goes on.
        return quizzes.allSatisfy {
            NarrationRenderer(narration: $0, theme: theme).quizFits(in: rect, textRows: NarrationRenderer.narrationRows)
        }
    }
}

/// What decides whether a step needs room for its quizzes: the step, the window, and
/// what the quiz's prompt says (presenting or following a class).
private struct QuizRoomKey: Equatable {
    var lesson: Lesson
    var step: Int
    var width: Int, height: Int
    var presenting: Bool, following: Bool
}

/// The last step's answer: the screen, the inspector, the class screen and the keys all
/// lay the screen out, each frame, and wrapping the step's quizzes every time cost more
/// than the rest of a lesson's frame.
private let quizRoomMemo = LastValueMemo<QuizRoomKey, Bool>()

extension AppState {
    /// Where each panel is now, in the window's size.
    var screenLayout: ScreenLayout { lessonLayout(width: width, height: height) }

    /// Where each panel goes in a window of this size: presenting or not, with room for
    /// the step's quizzes when one needs it.
    func lessonLayout(width: Int, height: Int) -> ScreenLayout {
        ScreenLayout(width: width, height: height, presenting: presenting,
                     roomForQuiz: lesson.map { stepNeedsQuizRoom($0, width: width, height: height) } ?? false)
    }

    /// Whether a quiz of the step on screen needs a wider narration in a window of this
    /// size. The room is given for the whole step, from its start, so the stage keeps one
    /// width while the quiz comes and goes (a stage that narrowed as the quiz appeared
    /// moved the whole picture sideways). Judged in Unicode, so that the screen drawn and
    /// the one a click is matched against agree.
    func stepNeedsQuizRoom(_ session: LessonSession, width: Int, height: Int) -> Bool {
        let key = QuizRoomKey(lesson: session.lesson, step: session.runner.stepIndex, width: width, height: height,
                              presenting: presenting, following: classFollow?.following == true)
        return quizRoomMemo.value(for: key) { key in
            let theme = Theme(.full)
            return !ScreenLayout.quizzesFit(width: key.width, height: key.height, presenting: key.presenting,
                                            quizzes: stepQuizzes(session, theme: theme), theme: theme)
        }
    }
}
