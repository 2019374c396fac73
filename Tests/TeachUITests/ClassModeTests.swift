import LessonKit
import Testing
@testable import TeachUI

/// Class mode as the app sees it: the join card, students answering on their own
/// terminals (each counted once), the projector's counts and bars, and a student
/// following, exploring alone and coming back.
@Suite struct ClassModeTests {
    static let lesson = TestLessons.load("""
        ---
        id: test-class
        title: A class
        summary: Follow and answer.
        seed: 2
        network:
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 2 }
          groups:
            clients: { count: 2, prefix: c, upload: 1Mbps, download: 10Mbps }
        ---

        ## Ask

        ```sim
        - request: { from: c1, to: server, what: "GET /page" }
        - run: idle
        ```

        ## Predict

        ```quiz
        ask: Will the server answer c2?
        choices:
          - text: Yes, it is up
          - text: No
          - text: Only on Sundays
        answer: 1
        ```
        """, path: "class.md")

    static func presenter() -> AppState {
        var state = TestLessons.open(lesson, presenting: true)
        state.hostClass(joinCommands: ["netstep join 10.0.0.5:4747 K7M2QX"])
        return state
    }

    static func student(at moment: ClassMoment) -> AppState {
        var state = TestLessons.open(lesson, step: moment.step)
        state.followClass(from: moment)
        return state
    }

    /// The presenter plays on to the quiz: the join card, the first step, the second.
    static func presenterAtQuiz() -> AppState {
        var state = presenter()
        send(&state, .key(.pageDown))
        TestLessons.playToQuiz(&state)
        return state
    }

    @Test("before the first step the projector shows the exact join command and who joined; PageDown starts")
    func joinCard() {
        var state = Self.presenter()
        send(&state, .classroom(.joined(student: "a")), .classroom(.joined(student: "b")), .classroom(.joined(student: "a")))
        let card = screen(state, width: 100, height: 30)
        #expect(card.contains("netstep join 10.0.0.5:4747 K7M2QX"))
        #expect(card.contains("2 joined"))
        #expect(card.contains("PageDown starts the lesson"))
        #expect(state.classMoment?.started == false)
        send(&state, .key(.character("n")), .key(.right))
        #expect(state.classMoment?.started == false, "only the clicker's key starts")
        send(&state, .key(.pageDown))
        #expect(state.classMoment?.started == true)
        #expect(state.classMoment?.eventsInStep == 0, "starting shows the first step, it does not play it")
        #expect(!screen(state, width: 100, height: 30).contains("netstep join"))
    }

    @Test("answers are counted once per student, only at the open quiz, only with its choices; the reveal shows bars")
    func answersCounted() throws {
        var state = Self.presenterAtQuiz()
        let (quiz, place) = try #require(state.lesson?.pendingQuiz)
        let question = ClassQuestion(step: place.step, position: place.position)
        #expect(quiz.question == "Will the server answer c2?")
        for student in ["a", "b", "c"] { send(&state, .classroom(.joined(student: student))) }
        send(&state,
             .classroom(.answered(student: "a", question, choices: [1])),
             .classroom(.answered(student: "a", question, choices: [0])),   // changes their mind: still one answer
             .classroom(.answered(student: "b", question, choices: [0])),
             .classroom(.answered(student: "c", question, choices: [7])),   // no such choice
             .classroom(.answered(student: "c", question, choices: [0, 1])), // one-answer quiz
             .classroom(.answered(student: "z", question, choices: [2])),   // never joined
             .classroom(.answered(student: "c", ClassQuestion(step: 0, position: 0), choices: [0])))
        #expect(screen(state, width: 100, height: 30).contains("2/3 answered"))
        send(&state, .classroom(.left(student: "a")), .classroom(.joined(student: "a")))
        #expect(state.revealedClassTally == nil, "nothing is sent before the reveal")
        send(&state, .key(.pageDown))
        let tally = try #require(state.revealedClassTally)
        #expect(tally.counts == [2, 0, 0])
        #expect(tally.answered == 2 && tally.present == 3)
        send(&state, .classroom(.answered(student: "c", question, choices: [1])))
        #expect(state.revealedClassTally == tally, "the reveal closes the quiz")
        let projector = screen(state, width: 100, height: 30)
        #expect(projector.contains("2 ✓"), "the right choice's bar is marked")
        #expect(state.classTallies.map(\.tally) == [tally])
        #expect(state.speakerNotes?.text.contains("1. 2 (right)") == true, "`netstep notes` shows the counts")
    }

    @Test("a student follows the presenter's moment, recomputed at their size")
    func followsMoment() throws {
        let presenter = Self.presenterAtQuiz()
        let moment = try #require(presenter.classMoment)
        var student = Self.student(at: ClassMoment(started: true, step: 0, scriptPosition: 0, eventsInStep: 0, revealed: false))
        send(&student, .classroom(.moment(moment)))
        #expect(student.lesson?.runner.stepIndex == presenter.lesson?.runner.stepIndex)
        #expect(student.lesson?.runner.simulation.eventCount == presenter.lesson?.runner.simulation.eventCount)
        #expect(student.lesson?.pendingQuiz?.0.question == "Will the server answer c2?")
        // The presenter goes back to the first step, partway through its run.
        var earlier = moment
        earlier.step = 0
        earlier.scriptPosition = 1
        earlier.eventsInStep = 2
        send(&student, .classroom(.moment(earlier)))
        #expect(student.lesson?.runner.stepIndex == 0)
        #expect(student.lesson?.runner.eventsInStep == 2)
    }

    @Test("f detaches: the student steps alone and the class moves on without them; f again returns to the class")
    func detachAndReturn() throws {
        let start = ClassMoment(started: true, step: 0, scriptPosition: 1, eventsInStep: 1, revealed: false)
        var student = Self.student(at: start)
        send(&student, .key(.right))
        #expect(student.lesson?.runner.eventsInStep == 1, "following, the arrow keys do not move the class's moment")
        let effects = update(&student, .key(.character("f")))
        #expect(effects.contains(.sendToClass(.presence(following: false))))
        #expect(screen(student, width: 100, height: 30).contains("on your own"))
        send(&student, .key(.right), .key(.right))
        let alone = try #require(student.lesson?.runner.eventsInStep)
        #expect(alone > 1)
        let later = ClassMoment(started: true, step: 1, scriptPosition: 0, eventsInStep: 0, revealed: false)
        send(&student, .classroom(.moment(later)))
        #expect(student.lesson?.runner.stepIndex == 0, "detached, the class's moves wait")
        #expect(update(&student, .key(.character("f"))).contains(.sendToClass(.presence(following: true))))
        #expect(student.lesson?.runner.stepIndex == 1, "back at the class's moment")
    }

    @Test("a student answers the open quiz from their terminal; the presenter's reveal shows the answer and the class's bars")
    func studentAnswers() throws {
        let presenter = Self.presenterAtQuiz()
        let moment = try #require(presenter.classMoment)
        var student = Self.student(at: moment)
        let effects = update(&student, .key(.character("2")))
        let question = ClassQuestion(step: moment.step, position: moment.scriptPosition)
        #expect(effects == [.sendToClass(.answer(question, choices: [1]))])
        #expect(screen(student, width: 100, height: 30).contains("answer 2 sent"))
        var revealed = moment
        revealed.revealed = true
        send(&student, .classroom(.moment(revealed)),
             .classroom(.tally(ClassTally(question: question, counts: [5, 1, 0], answered: 6, present: 7))))
        let text = screen(student, width: 100, height: 30)
        #expect(text.contains("6/7 answered"))
        #expect(update(&student, .key(.character("1"))).isEmpty, "a revealed quiz takes no answer")
    }

    @Test("a student who answers while exploring alone can still answer the class's open quiz on coming back")
    func practiceAloneThenAnswerTheClass() throws {
        let presenter = Self.presenterAtQuiz()
        let moment = try #require(presenter.classMoment)
        var student = Self.student(at: moment)
        send(&student, .key(.character("f")), .key(.character("2")), .key(.character("1")))
        #expect(student.lesson?.openClassQuestion == nil, "answered alone")
        send(&student, .key(.character("f")))
        let question = ClassQuestion(step: moment.step, position: moment.scriptPosition)
        #expect(update(&student, .key(.character("1"))) == [.sendToClass(.answer(question, choices: [0]))])
        #expect(screen(student, width: 100, height: 30).contains("answer 1 sent"))
    }

    @Test("a following student is not told to press the presenter's keys, only how to answer")
    func followingPromptsOnlyAnswers() throws {
        let first = ClassMoment(started: true, step: 0, scriptPosition: 1, eventsInStep: 1, revealed: false)
        let stepping = screen(Self.student(at: first), width: 100, height: 30)
        #expect(!stepping.contains("Press →") && !stepping.contains("to play"))
        let presenter = Self.presenterAtQuiz()
        let atQuiz = screen(Self.student(at: try #require(presenter.classMoment)), width: 100, height: 30)
        #expect(atQuiz.contains("your answer goes to"))
        #expect(!atQuiz.contains("Press →"))
    }

    @Test("a student waits on a card until the presenter starts, and q leaves")
    func waitingCard() {
        var student = Self.student(at: ClassMoment(started: false, step: 0, scriptPosition: 0, eventsInStep: 0, revealed: false))
        #expect(screen(student).contains("the presenter starts the lesson soon"))
        #expect(update(&student, .key(.character("q"))) == [.quit])
    }
}
