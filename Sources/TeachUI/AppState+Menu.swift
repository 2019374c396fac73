import LessonKit

extension AppState {
    /// Where the learner stopped: the first lesson, in course order, left unfinished
    /// past its first step (progress keeps each lesson's step, not which came last).
    var resumePlace: LessonPlace? {
        for (index, lesson) in lessons.enumerated() {
            guard let record = progress.lessons[lesson.id], !record.finished, record.step > 0 else { continue }
            return LessonPlace(lesson: index, step: min(record.step, max(0, lesson.steps.count - 1)))
        }
        return nil
    }

    var menuView: MenuView {
        MenuView(
            entries: lessons.map {
                MenuEntry(title: $0.title, summary: $0.summary, stepCount: $0.steps.count,
                          finished: progress.lessons[$0.id]?.finished ?? false)
            },
            resume: resumePlace, selected: menuSelection)
    }
}
