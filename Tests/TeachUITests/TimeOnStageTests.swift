import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// Time on the stage as a student and a presenter meet it (issue 10): → takes a handful
/// of presses per step, each showing something happen; a presenter's click mid-play
/// hurries the play on without skipping it; the speed says when the program picked it;
/// the status line keeps what the step waits for whole.
@Suite struct TimeOnStageTests {
    private static func open(_ id: String, step: Int, presenting: Bool = false) throws -> AppState {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step), presenting: presenting)
        send(&state, .resize(width: 80, height: 24))
        return state
    }

    private static func settle(_ state: inout AppState) {
        var ticks = 0
        while state.wantsTicks, ticks < 1_000 {
            send(&state, .tick(elapsedMicroseconds: 100_000))
            ticks += 1
        }
    }

    /// The waits a step's script plays: each ends in a stop of its own.
    private static func waits(_ state: AppState) -> Int {
        state.lesson?.runner.step.script.filter { if case .run = $0.kind { true } else { false } }.count ?? 0
    }

    /// The bound: a press passes at least one of the step's `StopGrid.parts` marks, or ends
    /// one of its waits, so a step's plays take at most that many presses together. Ten
    /// marks: play-testers needed about 20 presses for cs-control step 1 and 18 for cdn
    /// step 1, each moving one dot one cell, and about 40 for p2p-scaling step 4.
    @Test(arguments: [("cs-control", 0), ("cdn", 0), ("p2p-swarm", 2), ("hybrids", 3), ("cs-bottleneck", 1)])
    func rightWalksAStepsPlaysInAtMostTenPressesAndAStopPerWait(id: String, step: Int) throws {
        var state = try Self.open(id, step: step)
        let bound = Int(StopGrid.parts) + Self.waits(state)
        var presses = 0, moves = 0
        while let session = state.lesson, session.runner.stepIndex == step, session.shownPending != .done, moves < 500 {
            moves += 1
            if case .running = session.shownPending {
                presses += 1
                send(&state, .key(.right))
                Self.settle(&state)
            } else {
                TestLessons.answerQuiz(&state)
                if case let .ask(ask)? = state.lesson?.shownPending { send(&state, .key(.character(ask.key))) }
                if case .pause? = state.lesson?.shownPending { send(&state, .key(.right)) }
                if let place = state.lesson?.pendingQuiz?.1, state.lesson?.answers[place]?.answered == true { send(&state, .key(.right)) }
            }
        }
        #expect(state.lesson?.shownPending == .done, "\(id) step \(step + 1) walked to its end")
        #expect(presses <= bound, "\(id) step \(step + 1) took \(presses) presses of → (at most \(bound))")
    }

    /// Every stop of → shows other facts than the one before (a message left or arrived,
    /// a mark, a shade of a share): a press never only moves a dot on.
    @Test(arguments: [("cs-control", 0), ("cdn", 0)])
    func everyStopShowsOtherFacts(id: String, step: Int) throws {
        var state = try Self.open(id, step: step)
        var presses = 0
        while case .running? = state.lesson?.shownPending, presses < 50 {
            let before = try #require(state.lesson?.stage.scene)
            send(&state, .key(.right))
            Self.settle(&state)
            presses += 1
            let session = try #require(state.lesson)
            guard case .running = session.shownPending else { break }
            #expect(session.stage.showsOtherFacts(before, session.stage.scene), "\(id) step \(step + 1), press \(presses)")
        }
    }

    /// p2p-swarm step 3 presented: a second click while the swarm plays used to jump to the
    /// first peer done (49.2 s to 61.8 s), the lesson's point gone by. Now it moves the
    /// play on by about a tenth of the step, and the swarm plays on from there.
    @Test func aClickMidPlayHurriesOnATenthAndPlaysOn() throws {
        var state = try Self.open("p2p-swarm", step: 2, presenting: true)
        var driver = try #require(state.lesson?.stage.driver)
        let stepGrid = driver.stopGrid()
        let grid = try #require(stepGrid)
        send(&state, .key(.pageDown), .tick(elapsedMicroseconds: 300_000))
        #expect(state.lesson?.stage.isPlaying == true)
        let clicked = try #require(state.lesson?.stage.clock)
        #expect(state.speakerNotes?.next == LessonMove.hurry.spoken)
        send(&state, .key(.pageDown))
        let session = try #require(state.lesson)
        #expect(session.stage.isPlaying, "the swarm plays on")
        let reached = session.stage.playback.glide?.to ?? session.stage.clock
        let span = grid.end.time - grid.start.time
        #expect(reached > clicked && reached - clicked <= span * 3 / 10, "moved \(reached - clicked) µs of a \(span) µs step")
    }

    @Test func aClickMidPlayNeverGoesPastTheWaitsEnd() throws {
        var state = try Self.open("cs-control", step: 0, presenting: true)
        send(&state, .key(.pageDown), .tick(elapsedMicroseconds: 1_000))
        var clicks = 0
        while state.lesson?.runner.pending != .done, clicks < 40 {
            send(&state, .key(.pageDown))
            Self.settle(&state)
            clicks += 1
        }
        #expect(state.lesson?.runner.stepIndex == 0 && state.lesson?.runner.pending == .done, "stopped at the step's end")
        #expect(clicks <= Int(StopGrid.parts) + 1, "\(clicks) clicks")
    }

    @Test func theSpeedSaysWhenTheProgramPickedIt() throws {
        var state = try Self.open("cs-control", step: 0)
        #expect(screen(state).contains(" auto │"), "a speed picked for the play")
        send(&state, .key(.character("+")))
        let line = screen(state).split(separator: "\n").dropLast().last.map(String.init) ?? ""
        #expect(!line.contains("auto"), "the learner's own speed: \(line)")
        send(&state, .key(.character("n")))
        #expect(!screen(state).contains(" auto │"), "kept on the next step")
    }

    /// At 80 columns the status line says what the step waits for whole, giving up the
    /// speed's word, then the speed (play-test: `until 10 of the first peers have the wh…`).
    @Test func theNoteStaysWholeAtEightyColumns() {
        let status = StatusView(playing: false, position: "step 1/7", time: "0 µs", speed: "×0.1 auto", events: 0,
                                note: "until 10 of the first peers have the whole file")
        var canvas = Canvas(width: 80, height: 1)
        status.draw(into: &canvas, rect: Rect(x: 0, y: 0, width: 80, height: 1), theme: Theme(.full))
        #expect(canvas.row(0).contains("until 10 of the first peers have the whole file"), "\(canvas.row(0))")
        let did = StatusView(playing: false, position: "step 5/6", time: "143 ms", speed: "×0.003 auto", events: 30,
                             note: "→ did it for you: revoke ben's access")
        var other = Canvas(width: 80, height: 1)
        did.draw(into: &other, rect: Rect(x: 0, y: 0, width: 80, height: 1), theme: Theme(.full))
        #expect(other.row(0).contains("→ did it for you: revoke ben's access"), "\(other.row(0))")
    }

    /// A presenter reveals a quiz and goes on in two clicks: the reveal shows the answer
    /// and the lesson's point under the question, and the folded quiz keeps the point at
    /// `lesson done`.
    @Test func aRevealShowsThePointAndTheNextClickGoesOn() throws {
        var state = try Self.open("cs-control", step: 5, presenting: true)
        send(&state, .resize(width: 100, height: 30))
        TestLessons.playToQuiz(&state)
        let quiz = try #require(state.lesson?.pendingQuiz?.0)
        let point = try #require(quiz.explanation)
        let pointStart = String(point.prefix(20))
        send(&state, .key(.pageDown))
        #expect(screen(state, width: 100, height: 30).contains("The answers: 1, 2, 3."), "revealed")
        #expect(screen(state, width: 100, height: 30).contains(pointStart), "the point in view at the reveal")
        send(&state, .key(.pageDown))
        #expect(state.lesson?.pendingQuiz == nil, "the second click goes on past the quiz")
        #expect(screen(state, width: 100, height: 30).contains(pointStart), "the point stays once the quiz folds")
        #expect(!screen(state, width: 100, height: 30).contains("back to the top"), "no cue to press for a presenter")
    }

    /// Narration scrolled to its end starts at a sentence or a paragraph.
    @Test func narrationAtItsEndStartsReadably() {
        let text = (1...12).map { "Sentence number \($0) runs on for a while before it ends." }.joined(separator: " ")
        let narration = NarrationView(blocks: [NarrationBlock(kind: .text, text: StyledText([StyledSpan(text)]))], scroll: 1_000)
        var canvas = Canvas(width: 30, height: 8)
        NarrationRenderer(narration: narration, theme: Theme(.full)).draw(into: &canvas, rect: Rect(x: 0, y: 0, width: 30, height: 8))
        #expect(canvas.row(0).hasPrefix("Sentence number"), "\(canvas.text)")
    }
}
