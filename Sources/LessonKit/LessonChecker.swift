/// Plays a loaded lesson headlessly from start to end, as `netstep check` does, and turns
/// what went wrong (actions the engine refused, waits that never came true) into
/// diagnostics at the line of the action or wait.
public enum LessonChecker {
    /// Curves are not measured: their runs are separate simulations that cannot fail once
    /// the rates they read are known, and they are what made a check of a lesson full of
    /// curves take minutes.
    /// `progress` is told the step about to be played (0-based) and the number of steps,
    /// for a progress line on a long check.
    public static func play(_ lesson: Lesson, seed: UInt64? = nil, progress: (_ step: Int, _ of: Int) -> Void = { _, _ in }) -> [Diagnostic] {
        var runner = LessonRunner(lesson: lesson, seed: seed, measuresCurves: false)
        for index in lesson.steps.indices {
            progress(index, lesson.steps.count)
            runner.jump(to: index)
        }
        runner.finishStep()
        return runner.problems.map {
            Diagnostic(path: lesson.sourcePath, location: $0.location, severity: .error, message: $0.message)
        }
    }
}
