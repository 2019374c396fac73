/// Plays a loaded lesson headlessly from start to end, as `netstep check` does, and turns
/// what went wrong (actions the engine refused, waits that never came true) into
/// diagnostics at the line of the action or wait.
public enum LessonChecker {
    public static func play(_ lesson: Lesson, seed: UInt64? = nil) -> [Diagnostic] {
        var runner = LessonRunner(lesson: lesson, seed: seed)
        runner.jump(to: lesson.steps.count - 1)
        runner.finishStep()
        return runner.problems.map {
            Diagnostic(path: lesson.sourcePath, location: $0.location, severity: .error, message: $0.message)
        }
    }
}
