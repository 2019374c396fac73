import Testing
@testable import LessonKit

/// The bundled course as a whole keeps the promises of the course issue: every claim of
/// the essay is demonstrated by some lesson, and every lesson gives the learner a quiz and
/// a moment to predict or act, and gives the tutor speaker notes.
@Suite struct CourseCoverageTests {
    static let lessons = (try? Fixtures.course().lessons) ?? []

    @Test func everyClaimOfTheEssayIsNamedBySomeLesson() throws {
        let named = Set(try Fixtures.course().lessons.flatMap(\.claims))
        let missing = (1...14).map { "C\($0)" }.filter { !named.contains($0) }
        #expect(missing == [], "no lesson names these claims in its front matter")
    }

    @Test(arguments: lessons.map(\.id))
    func everyLessonHasAQuizWithAReasonForEveryChoice(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        let quizzes = lesson.steps.flatMap(\.quizzes)
        #expect(!quizzes.isEmpty, "\(lesson.sourcePath) has no quiz")
        for quiz in quizzes {
            #expect(quiz.choices.allSatisfy { $0.explanation != nil }, "\(lesson.sourcePath): '\(quiz.question)' leaves a choice unexplained")
        }
    }

    @Test(arguments: lessons.map(\.id))
    func everyLessonHasSpeakerNotes(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        #expect(lesson.steps.contains { !$0.notes.isEmpty }, "\(lesson.sourcePath) has no speaker notes")
    }

    @Test(arguments: lessons.map(\.id))
    func everyLessonLetsTheLearnerActOrPredict(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        #expect(Self.asksTheLearnerToActOrPredict(lesson), "\(lesson.sourcePath) has no ask and no quiz before a run")
    }

    @Test(arguments: lessons.map(\.id))
    func everyLessonNamesItsClaimsAndParagraphs(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        #expect(!lesson.claims.isEmpty, "\(lesson.sourcePath) names no claim")
        #expect(!lesson.essay.isEmpty, "\(lesson.sourcePath) cites no essay paragraph")
    }

    /// An `ask`, or a quiz that some later `run` of the lesson answers (a prediction).
    static func asksTheLearnerToActOrPredict(_ lesson: Lesson) -> Bool {
        var quizSeen = false
        for item in lesson.steps.flatMap(\.script) {
            switch item.kind {
            case .ask: return true
            case .quiz: quizSeen = true
            case .run: if quizSeen { return true }
            case .act, .pause: break
            }
        }
        return false
    }
}
