/// One lesson, loaded and checked: every name resolved, every value in range.
public struct Lesson: Sendable, Hashable {
    /// Short stable name, used by `netstep play ID` and to keep progress: `cs-basics`.
    public var id: String
    public var title: String
    /// What the learner will be able to do or explain afterwards.
    public var summary: String
    /// Claims of the source essay the lesson demonstrates: `C1`.
    public var claims: [String]
    /// Paragraphs of the source essay the lesson explains (1-based, "essay ¶2").
    public var essay: [Int]
    /// Seed for the simulation's random choices; `--seed` overrides it.
    public var seed: UInt64
    public var network: NetworkSpec
    public var steps: [LessonStep]
    /// The file it was loaded from, as given to the loader.
    public var sourcePath: String
    /// Where the `id` field is, for reporting a duplicate id in a course.
    var idLocation: SourceLocation
}

/// One `## ` section of a lesson: narration, then a script the runner works through.
public struct LessonStep: Sendable, Hashable {
    public var title: String
    public var narration: [Paragraph]
    public var script: [ScriptItem]
    /// Speaker notes for the tutor (`<!-- note: ... -->`), each with its place in the script.
    public var notes: [StepNote]
    /// Help for a learner who is stuck (`> hint: ...`).
    public var hints: [String]
    /// Where the step's heading is.
    public var location: SourceLocation

    /// The quizzes of the step, in order.
    public var quizzes: [Quiz] {
        script.compactMap { if case let .quiz(quiz) = $0.kind { quiz } else { nil } }
    }
}
