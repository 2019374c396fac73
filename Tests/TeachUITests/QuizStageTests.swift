import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// The stage keeps one rectangle through a whole lesson at a given window size: a quiz
/// takes no room from it (play-test: at 80x24 the stage was 46 columns wide on most
/// steps and 38 on steps whose quiz needed a wider narration, and the nodes moved between
/// steps). A quiz short of room keeps its question and every choice in view instead.
@Suite struct SteadyStageTests {
    /// The column of the stage's right border as drawn: where its top-right corner meets
    /// the narration's top-left one.
    static func stageEdge(_ screen: Canvas) -> Int? {
        guard screen.height > 1 else { return nil }
        let row = (0..<screen.width).map { screen[$0, 1].text }
        return row.indices.dropLast().first { row[$0] == "┐" && row[$0 + 1] == "┌" }
    }

    /// Each step played as a learner would at each size (`CourseWalk.played`).
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func theStageKeepsOneRectangleThroughTheLessonAndEveryQuizShows(id: String) throws {
        for size in CourseWalk.sizes {
            var edges: Set<Int?> = []
            var stages: Set<Rect> = []
            for look in CourseWalk.played(id, at: size) {
                let state = look.state
                edges.insert(Self.stageEdge(look.screen))
                stages.insert(state.screenLayout.stage)
                guard let (quiz, place) = state.lesson?.pendingQuiz, state.lesson?.answers[place]?.answered != true else { continue }
                let panel = LongQuizTests.panel(state, drawn: look.screen).joined(separator: " ")
                let opening = quiz.question.split(separator: " ").prefix(2).joined(separator: " ")
                #expect(panel.contains(opening), "\(id) step \(look.step + 1) at \(size): the question: \(panel)")
                for number in quiz.choices.indices {
                    #expect(panel.contains("\(number + 1). "), "\(id) step \(look.step + 1) at \(size): choice \(number + 1): \(panel)")
                }
            }
            #expect(stages.count == 1, "\(id) at \(size): \(stages.count) stage rectangles")
            #expect(edges.count == 1 && edges.first != nil, "\(id) at \(size): the drawn stage's right edge at columns \(edges)")
        }
    }
}

/// At 80x24 a quiz shows its question and every choice under the text it asks about:
/// the text that came on screen with it, not the step's opening lines read long before;
/// → on the quiz shows the text still below before it asks for the answer.
@Suite struct QuizLeadTests {
    @Test func theQuizShowsUnderTheTextThatCameWithIt() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-control" })
        var state = TestLessons.open(lesson, step: 5, size: (80, 24))
        TestLessons.playStepToQuiz(&state)
        let (quiz, _) = try #require(state.lesson?.pendingQuiz)
        let panel = LongQuizTests.panel(state).joined(separator: " ")
        #expect(panel.contains("No line joins ben to ana"), "the paragraph the quiz follows, from its start: \(panel)")
        #expect(panel.contains("make easy?"))
        for (number, _) in quiz.choices.enumerated() { #expect(panel.contains("\(number + 1). "), "choice \(number + 1): \(panel)") }
    }

    @Test func forwardOnTheQuizShowsTheRestOfTheSetupFirst() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-cost" })
        var state = TestLessons.open(lesson, step: 0, size: (80, 24))
        try #require(state.lesson?.pendingQuiz != nil, "cs-cost opens on its quiz")
        #expect(LongQuizTests.panel(state).joined(separator: " ").contains("Two identical servers"))
        var presses = 0
        while !LongQuizTests.panel(state).joined(separator: " ").contains("Predict before you run it."), presses < 5 {
            send(&state, .key(.right))
            presses += 1
        }
        let panel = LongQuizTests.panel(state).joined(separator: " ")
        #expect(panel.contains("Predict before you run it."), "→ brought the setup's last lines into view")
        #expect(panel.contains("When will the twenty") && panel.contains("3. After about 4T"), "the question and choices stayed")
        #expect(state.lesson?.nudged == false, "→ scrolled; it did not yet ask for the answer")
        send(&state, .key(.right))
        #expect(state.lesson?.nudged == true, "with the setup read, → asks for the answer")
    }
}
