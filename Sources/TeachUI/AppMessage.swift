import Canvas
import LessonKit

/// Everything that can happen to the app, as the run loop reports it.
public enum AppMessage: Sendable {
    case key(Key)
    /// Wall time passed since the last tick, while `wantsTicks` is true.
    case tick(elapsedMicroseconds: Int64)
    /// The window's size, at start and on every change.
    case resize(width: Int, height: Int)
    /// The lesson on screen was edited and loaded again: the new lesson, or the problems
    /// that stop it loading (shown on screen until a good edit arrives).
    case reload(LoadOutcome)
    /// Students joining and answering (hosting), or the class moving (following).
    case classroom(ClassEvent)
    /// Nothing else to do while `hasWorkAhead`: play the lesson ahead of the learner, at
    /// most about `budget` engine events, so the next keys need not. Nothing on screen changes.
    case idle(budget: Int)
}

/// What the app asks the run loop to do; the app itself touches nothing outside.
public enum AppEffect: Sendable, Hashable {
    case quit
    /// Write the learner's progress (the executable does it atomically).
    case saveProgress(Progress)
    /// The speaker notes of the step now presented, for `netstep notes`.
    case publishNote(SpeakerNotes)
    /// `wantsTicks` changed: start (true) or stop (false) ticking.
    case animate(Bool)
    /// Send this to the class's host (a student's answer or presence).
    case sendToClass(ClassMessage)
}
