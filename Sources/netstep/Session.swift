import Foundation
import LessonKit
import TeachUI

/// Opens the app full-screen on the learner's saved progress and runs it to the end:
/// what every full-screen command (open, present, sandbox) has in common.
enum Session {
    /// - Parameters:
    ///   - makeState: the app at its start, given the saved progress.
    ///   - notes: where speaker notes go (presenting only).
    ///   - reload: the author's lesson file to reload on save.
    ///   - classLink: the class hosted or followed over the network.
    ///   - opening: the lesson the app opens in, and the step (1-based, nil: where the
    ///     learner stopped), for the screen shown while it is prepared.
    static func run(notes: NotesFile? = nil, reload: LessonFileReload? = nil, classLink: ClassLink? = nil,
                    opening: (lesson: Lesson, number: Int, step: Int?)? = nil,
                    makeState: @escaping (LessonKit.Progress) -> AppState) throws {
        let store = ProgressStore.standard()
        let (progress, warning) = store?.load() ?? (LessonKit.Progress(), nil)
        try FullScreen.run { screen, signals, notices in
            if let warning { notices.append(warning) }
            // Opening a lesson can run its first step's simulations: off the main thread too.
            let busy = BusyWait(screen: screen, signals: signals)
            let start: AppState
            let card = opening.map { opening in
                let step = opening.step.map { min(max(1, $0), opening.lesson.steps.count) }
                let detail = step.map { "Preparing step \($0) of \(opening.lesson.steps.count)" } ?? "Preparing the lesson"
                return BusyWait.openingCard(title: "\(opening.number). \(opening.lesson.title)", detail: detail,
                                            width: screen.size.width, height: screen.size.height)
            }
            switch busy.run({ makeState(progress) }, over: card) {
            case let .finished(state): start = state
            case let .ended(end): return end
            }
            var loop = RunLoop(state: start, screen: screen, signals: signals, busy: busy, progress: store, notes: notes,
                               lessonFile: reload, classLink: classLink)
            let end = loop.run()
            if case let .host(host, _)? = classLink { host.end() }
            notices += loop.notices
            return end
        }
    }
}
