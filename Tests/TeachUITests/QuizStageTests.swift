import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// A quiz that widens the narration narrows the stage beside it; the picture is then
/// squeezed, never re-arranged: every node keeps its place relative to the others on the
/// quiz's screen and on the screen after it is passed.
@Suite struct QuizStageTests {
    /// Every bundled lesson's step with a quiz.
    static let quizSteps: [(String, Int)] = CoursePlayTests.lessons.flatMap { lesson in
        lesson.steps.indices.filter { !lesson.steps[$0].quizzes.isEmpty }.map { (lesson.id, $0) }
    }

    /// The nodes' frames as the lesson screen draws them now (none when a curve takes
    /// the stage's place).
    static func drawnPlacement(_ state: AppState, width: Int, height: Int) throws -> StagePlacement? {
        let session = try #require(state.lesson)
        var canvas = Canvas(width: width, height: height)
        let theme = Theme(.full)
        return state.lessonView(session, theme: theme, width: width, height: height).draw(into: &canvas, theme: theme)?.placement
    }

    /// What keeps its place on a stage: the nodes among each other, and the units'
    /// captions among each other (each centred over its unit's share of the stage, so
    /// not to the cell beside a node). In a grid, the cells of a block flow into as many
    /// columns as the block is wide (a cell stands for one of a crowd, counted in the
    /// caption): there the blocks keep their places, under their captions, with their
    /// named hubs.
    static func places(_ placement: StagePlacement?) -> (nodes: [Int: Rect], captions: [Int: Rect]) {
        guard let placement else { return ([:], [:]) }
        let nodes = placement.form == .dot ? placement.frames.filter { $0.value.width > 1 } : placement.frames
        let captions = Dictionary(uniqueKeysWithValues: placement.captions.enumerated().map { ($0.offset, $0.element.frame) })
        return (nodes, captions)
    }

    /// Plays the step on (Enter, and a key for each question on the way) to its quiz.
    static func playToQuiz(_ state: inout AppState) {
        var moves = 0
        while let runner = state.lesson?.stage.driver.runner, moves < 1000 {
            moves += 1
            switch runner.pending {
            case .running: send(&state, .key(.enter))
            case let .ask(ask): send(&state, .key(.character(ask.key)))
            case .pause: send(&state, .key(.character(" ")))
            case .quiz, .done: return
            }
            TestLessons.playOut(&state)
        }
    }

    /// The pairs of nodes that swap sides (left and right, or above and below) between
    /// two placements: none when one is the other squeezed or stretched.
    static func swapped(_ a: [Int: Rect], _ b: [Int: Rect]) -> [(Int, Int)] {
        let ids = a.keys.filter { b[$0] != nil }.sorted()
        func sign(_ value: Int) -> Int { value < 0 ? -1 : value > 0 ? 1 : 0 }
        return ids.indices.flatMap { i in
            ids[(i + 1)...].compactMap { other -> (Int, Int)? in
                let id = ids[i]
                let (a1, a2, b1, b2) = (a[id]!.center, a[other]!.center, b[id]!.center, b[other]!.center)
                let flippedX = sign(a1.x - a2.x) * sign(b1.x - b2.x) < 0
                let flippedY = sign(a1.y - a2.y) * sign(b1.y - b2.y) < 0
                return flippedX || flippedY ? (id, other) : nil
            }
        }
    }

    @Test(arguments: quizSteps.indices)
    func theNodesKeepTheirPlacesWhenTheQuizIsPassed(index: Int) throws {
        let (id, step) = Self.quizSteps[index]
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = TestLessons.open(lesson, step: step, size: (80, 24))
        Self.playToQuiz(&state)
        try #require(state.lesson?.pendingQuiz != nil, "\(id) step \(step + 1) reaches its quiz")
        let asked = try Self.places(Self.drawnPlacement(state, width: 80, height: 24))
        // Once the quiz is passed and gone on from, the stage has its usual width again:
        // the same scene in the stage of a screen with no quiz.
        TestLessons.answerQuiz(&state)
        let scene = try #require(state.lesson?.stage.scene)
        var canvas = Canvas(width: 80, height: 24)
        let passed = Self.places(StageRenderer(scene: scene, theme: Theme(.full))
            .draw(into: &canvas, rect: ScreenLayout(width: 80, height: 24, presenting: false).stage.inset(by: 1)).placement)
        let moved = Self.swapped(asked.nodes, passed.nodes)
        #expect(moved.isEmpty, "\(id) step \(step + 1): \(moved.count) pairs of nodes swap sides, e.g. \(moved.prefix(3))")
        #expect(Self.swapped(asked.captions, passed.captions).isEmpty, "\(id) step \(step + 1): the units swap sides")
    }
}

/// The stage keeps one rectangle through a whole lesson at a given window size: a quiz
/// takes no room from it (play-test: at 80x24 the stage was 46 columns wide on most
/// steps and 38 on steps whose quiz needed a wider narration, and the nodes moved between
/// steps). A quiz short of room keeps its question and every choice in view instead.
@Suite struct SteadyStageTests {
    static let sizes = [(80, 24), (100, 30), (160, 45)]

    /// The column of the stage's right border as drawn: where its top-right corner meets
    /// the narration's top-left one.
    static func stageEdge(_ state: AppState) -> Int? {
        let row = screen(state, width: state.width, height: state.height).split(separator: "\n").dropFirst().first.map(Array.init)
        return row.flatMap { row in row.indices.dropLast().first { row[$0] == "┐" && row[$0 + 1] == "┌" } }
    }

    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func theStageKeepsOneRectangleThroughTheLessonAndEveryQuizShows(id: String) throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        for (width, height) in Self.sizes {
            var edges: Set<Int?> = []
            var stages: Set<Rect> = []
            for step in lesson.steps.indices {
                var state = TestLessons.open(lesson, step: step, size: (width, height))
                TestLessons.playStep(&state) { state in
                    edges.insert(Self.stageEdge(state))
                    stages.insert(state.screenLayout.stage)
                    guard let (quiz, place) = state.lesson?.pendingQuiz, state.lesson?.answers[place]?.answered != true else { return }
                    let panel = LongQuizTests.panel(state).joined(separator: " ")
                    let opening = quiz.question.split(separator: " ").prefix(2).joined(separator: " ")
                    #expect(panel.contains(opening), "\(id) step \(step + 1) at \(width)x\(height): the question: \(panel)")
                    for number in quiz.choices.indices {
                        #expect(panel.contains("\(number + 1). "), "\(id) step \(step + 1) at \(width)x\(height): choice \(number + 1): \(panel)")
                    }
                }
            }
            #expect(stages.count == 1, "\(id) at \(width)x\(height): \(stages.count) stage rectangles")
            #expect(edges.count == 1 && edges.first != nil, "\(id) at \(width)x\(height): the drawn stage's right edge at columns \(edges)")
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
        QuizStageTests.playToQuiz(&state)
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
