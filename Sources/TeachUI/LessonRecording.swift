import Canvas
import LessonKit

/// A lesson played headlessly as a presenter plays it to a class, frame by frame with
/// the time each frame appears: what `netstep record` turns into an asciicast.
///
/// The presenter reads each new piece of narration before going on (a pause that grows
/// with its words), plays every wait at the lesson's own pace (frames every 1/30 s, as
/// the run loop ticks), presses a step's ask key, and at a quiz gives the class time to
/// think, answers it rightly, leaves the explanations up to be read, then goes on. A
/// marker goes with each quiz, so a player can pause there.
///
/// Pure: the same lesson, size and step always give the same events at the same times.
public struct LessonRecording: IteratorProtocol, Sendable {
    public struct Event: Sendable {
        /// Microseconds since the recording began.
        public var time: Int64
        public var kind: Kind
    }

    public enum Kind: Sendable {
        /// The whole screen as it is from `time` on.
        case screen(Canvas)
        /// A point worth pausing at (a quiz), with its label.
        case marker(String)
    }

    /// Wall time between two frames while something moves: the run loop's 30 a second.
    static let frameInterval: Int64 = 33_333
    /// Words a class reads in a second on a projected screen.
    static let wordsPerSecond = 4.0
    /// The shortest look at anything new before the next press, and the longest read.
    static let shortestLook: Int64 = 1_500_000
    static let longestRead: Int64 = 15_000_000
    /// Time to think about a quiz's question, on top of reading it.
    static let thinking: Int64 = 5_000_000
    /// How long the last screen stays before the recording ends.
    static let finalHold: Int64 = 3_000_000
    /// The longest recording made: a lesson plays for minutes, so a recording still
    /// going after this is a lesson that never ends.
    static let longest: Int64 = 2 * 3_600_000_000
    /// Presses in a row that move nothing before the recording gives up: a lesson that
    /// cannot go on (it never should; `check` plays every lesson to its end).
    static let stuckPresses = 3

    private var state: AppState
    /// Only this step is recorded (0-based); nil: from the first step to the end.
    private let onlyStep: Int?
    private let width: Int, height: Int
    private var time: Int64 = 0
    private var started = false
    private var finished = false
    /// Words of the step's narration already given time to be read.
    private var wordsRead = (step: -1, words: 0)
    /// Quizzes already marked, by step and script position.
    private var marked: Set<LessonSession.QuizPlace> = []
    private var unmovedPresses = 0

    /// Why the recording stopped before the lesson's end, if it did.
    public private(set) var problem: String?

    /// The lesson `id` of `lessons` at `width`x`height`, the whole lesson or only `step`
    /// (0-based); nil when there is no lesson with that id.
    public init?(lessons: [Lesson], id: String, step: Int? = nil, width: Int, height: Int) {
        guard let lesson = lessons.first(where: { $0.id == id }) else { return nil }
        onlyStep = step.map { min(max(0, $0), lesson.steps.count - 1) }
        state = AppState(lessons: lessons, start: .lesson(id: id, step: onlyStep ?? 0), presenting: true)
        self.width = width
        self.height = height
        _ = update(&state, .resize(width: width, height: height))
    }

    /// The smallest screen a lesson is drawn on, rather than a note that the window is
    /// too small.
    public static let smallest = (width: ScreenLayout.minimumWidth, height: ScreenLayout.minimumHeight)

    /// How much of what is recorded is done, by steps.
    public var fraction: Double {
        guard let session = state.lesson else { return 1 }
        let steps = onlyStep == nil ? session.lesson.steps.count : 1
        return Double(session.runner.stepIndex - (onlyStep ?? 0)) / Double(steps)
    }

    /// Where the recording is, for messages: "step 3 of 5".
    public var place: String {
        guard let session = state.lesson else { return "the end" }
        return "step \(session.runner.stepIndex + 1) of \(session.lesson.steps.count)"
    }

    public mutating func next() -> Event? {
        guard !finished else { return nil }
        guard started else {
            started = true
            return screen()
        }
        if state.wantsTicks {
            time += Self.frameInterval
            _ = update(&state, .tick(elapsedMicroseconds: Self.frameInterval))
            return screen()
        }
        guard time < Self.longest else {
            problem = "the recording passed \(Self.longest / 60_000_000) minutes at \(place)"
            return end()
        }
        guard let session = state.lesson else { return end() }
        let runner = session.runner
        if runner.isFinished || (onlyStep != nil && runner.pending == .done) { return end() }
        // A quiz is marked as it comes on screen, before anyone reads it.
        if case let .quiz(quiz) = session.shownPending, let place = session.pendingQuiz?.1,
           session.answers[place]?.answered != true, marked.insert(place).inserted {
            return Event(time: time, kind: .marker("Quiz: \(quiz.question)"))
        }

        time += readingPause(session)
        let before = Progress(session, ticking: state.wantsTicks)
        switch session.shownPending {
        case let .quiz(quiz):
            guard let place = session.pendingQuiz?.1, session.answers[place]?.answered != true else {
                return press(.pageDown, unchangedFrom: before)
            }
            time += Self.thinking
            for answer in quiz.answers.sorted() { _ = update(&state, .key(.character(Character(String(answer + 1))))) }
            if quiz.multiple { _ = update(&state, .key(.enter)) }
            return pressed(unchangedFrom: before)
        case let .ask(ask):
            return press(.character(ask.key), unchangedFrom: before)
        case .running, .pause, .done:
            return press(.pageDown, unchangedFrom: before)
        }
    }

    /// What tells one press from another that changed nothing.
    private struct Progress: Equatable {
        /// `scroll`: a click that scrolls narration into view before going on moves that.
        var step: Int, position: Int, answered: Int, ticking: Bool, scroll: Int

        init(_ session: LessonSession, ticking: Bool) {
            scroll = session.narrationScroll
            step = session.runner.stepIndex
            position = session.shownScriptPosition
            answered = session.answers.values.filter(\.answered).count
            self.ticking = ticking
        }
    }

    private mutating func press(_ key: Key, unchangedFrom before: Progress) -> Event? {
        _ = update(&state, .key(key))
        return pressed(unchangedFrom: before)
    }

    /// The screen after a press, or the end when presses have stopped moving the lesson.
    private mutating func pressed(unchangedFrom before: Progress) -> Event? {
        if let session = state.lesson, Progress(session, ticking: state.wantsTicks) == before {
            unmovedPresses += 1
            if unmovedPresses >= Self.stuckPresses {
                problem = "the lesson stopped going on at \(place)"
                return end()
            }
        } else {
            unmovedPresses = 0
        }
        return screen()
    }

    private func screen() -> Event {
        Event(time: time, kind: .screen(render(state, width: width, height: height, capabilities: .full)))
    }

    /// The last screen, held long enough to read what is new on it.
    private mutating func end() -> Event? {
        finished = true
        time += max(Self.finalHold, state.lesson.map { readingPause($0) } ?? 0)
        return screen()
    }

    /// Time to read what appeared since the last press: the step's narration not yet
    /// read, and the quiz on screen (its question and choices before it is answered,
    /// its explanations after).
    private mutating func readingPause(_ session: LessonSession) -> Int64 {
        let runner = session.runner
        if wordsRead.step != runner.stepIndex { wordsRead = (runner.stepIndex, 0) }
        let narration = runner.visibleNarration.reduce(0) { $0 + Self.words(in: runner.text(of: $1)) }
        var words = max(0, narration - wordsRead.words)
        wordsRead.words = max(wordsRead.words, narration)
        if let (quiz, place) = session.pendingQuiz {
            if session.answers[place]?.answered == true {
                words += Self.words(in: quiz.explanation ?? "") + quiz.choices.reduce(0) { $0 + Self.words(in: $1.explanation ?? "") }
            } else {
                words += Self.words(in: quiz.question) + quiz.choices.reduce(0) { $0 + Self.words(in: $1.text) }
            }
        }
        let reading = Int64((Double(words) / Self.wordsPerSecond * 1e6).rounded())
        return min(Self.longestRead, max(Self.shortestLook, reading))
    }

    private static func words(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
