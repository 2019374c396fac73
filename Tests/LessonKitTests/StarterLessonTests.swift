import Testing
@testable import LessonKit

/// `netstep new` gives an author a lesson that already passes `check` to edit from.
@Suite struct StarterLessonTests {
    @Test func theStarterLessonPassesCheckAndShowsEachPartOfALesson() throws {
        let outcome = LessonLoader.load(source: StarterLesson.source(id: "cdn-edges"), path: "cdn-edges.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        #expect(LessonChecker.play(lesson).map(\.description) == [])
        #expect(lesson.id == "cdn-edges")
        #expect(lesson.steps.count == 2)
        #expect(lesson.steps.flatMap(\.quizzes).count == 1)
        #expect(lesson.steps.allSatisfy { !$0.notes.isEmpty }, "a note in every step")
    }

    @Test(arguments: ["Bad_Id", "1st", "-x", "", "cdn edges", String(repeating: "a", count: 49)])
    func anIdThatCannotNameALessonIsRefusedSayingWhatFits(id: String) throws {
        let problem = try #require(StarterLesson.problem(with: id))
        #expect(problem.contains("lower-case letters, digits and '-'"))
    }
}
