import Canvas
import LessonKit
import Testing
@testable import TeachUI

@Suite struct PresenterTests {
    @Test func presentingDropsKeyHintsAndPromptsAndGrowsTheStage() {
        #expect(Screens.presenting() == #"""
             1. When the server fails · Predict
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 1/2 ────────────────────┐
            │                ┌────────────┐                ││ Think before you act.        │
            │                │            │                ││                              │
            │                │  ▦ server  │                ││ Which clients will still get │
            │                │            │                ││ answers?                     │
            │                └────────────┘                ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │       ┌────────┐            ┌────────┐       ││                              │
            │       │        │            │        │       ││                              │
            │       │  □ c1  │            │  □ c2  │       ││                              │
            │       │        │            │        │       ││                              │
            │       └────────┘            └────────┘       ││                              │
            └──────────────────────────────────────────────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ messages 0 · in flight 0                     ││                              │
            │ server queue  ·························· 0/4 ││                              │
            │ server upload ··························  0% ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 auto │ your turn
            """#)
    }

    @Test func clickerKeysMoveBetweenStepsAndPublishTheNotes() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        let first = SpeakerNotes(heading: "test-request · step 1/2: Ask once", text: "Point at the request leaving c1.",
                                 next: "plays until nothing more happens (→ steps instead)")
        #expect(state.speakerNotes == first)
        send(&state, .key(.pageDown))
        TestLessons.playOut(&state)
        #expect(state.speakerNotes?.next == "step 2 · Check", "the presenter sees where the next click leads")
        let effects = update(&state, .key(.pageDown))
        #expect(effects.contains(.publishNote(SpeakerNotes(
            heading: "test-request · step 2/2: Check",
            text: "Ask the room before revealing.\n\nAfter the quiz: Now ask who else could have answered.",
            next: "shows the quiz's answer and why each choice is right or wrong"))),
                "the notes say which lesson and step they belong to")
        #expect(update(&state, .key(.pageUp)).contains(.publishNote(first)))
    }

    /// A note written after a quiz is on the step's page while the quiz is up, said to
    /// be for after it: the follower prints the page once, then only what each click does.
    @Test func aNoteWrittenAfterTheQuizIsOnThePageWhileTheQuizIsUp() throws {
        let source = TestLessons.requestSource.replacingOccurrences(of: "<!-- note: Ask the room before revealing. -->\n", with: "")
        var state = TestLessons.atQuiz(TestLessons.load(source, path: "01-request.md"), step: 1, presenting: true, answer: false)
        let page = try #require(state.speakerNotes)
        #expect(page.text == "After the quiz: Now ask who else could have answered.", "the quiz is up: the note for after it, said so")
        #expect(!page.page(width: 80).contains("no note"))
        send(&state, .key(.pageDown))
        #expect(state.speakerNotes?.update(after: page, width: 80) == "next: on past the quiz", "the answer shown: no second page")
        let revealed = state.speakerNotes
        send(&state, .key(.pageDown))
        #expect(state.speakerNotes?.update(after: revealed, width: 80) == "next: the end of the lesson: what it covered and what comes next",
                "the quiz passed: still no second page")
    }

    @Test func speakerNotesBreakBetweenWordsAtTheFollowersWidthUnderTheStepTheyBelongTo() {
        let notes = SpeakerNotes(heading: "cs-basics · step 2/4: A request and its response",
                                 text: "Ask how many round trips the page took.\n\nThen point at the two trips across the link.",
                                 next: "plays until every message has arrived")
        #expect(notes.page(width: 30) == """
            ---- cs-basics · step 2/4: A
            request and its response ----
            Ask how many round trips the
            page took.

            Then point at the two trips
            across the link.

            next: plays until every
            message has arrived
            """)
        #expect(SpeakerNotes(heading: "cs-basics · step 1/4: Asking", text: "", next: "step 2 · A request").page(width: 80) == """
            ---- cs-basics · step 1/4: Asking ----
            (no note at this point)

            next: step 2 · A request
            """)
    }

    @Test func aPlayStartingOrStoppingAddsOnlyTheNextLineForTheFollower() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        let before = state.speakerNotes
        #expect(before?.update(after: nil, width: 80)?.contains("Point at the request leaving c1.") == true)
        send(&state, .key(.pageDown))
        #expect(state.speakerNotes?.update(after: before, width: 80) == "next: \(LessonMove.hurry.spoken)",
                "the notes are not printed a second time when a play starts")
        #expect(state.speakerNotes?.update(after: state.speakerNotes, width: 80) == nil)
    }

    @Test func theNextClickSpeaksTheTutorsLanguage() {
        let lesson = TestLessons.load("""
            ---
            id: test-words
            title: Words
            summary: A wait on a value.
            essay: [2]
            claims: [C1]
            seed: 2
            network:
              latency: 10ms
              nodes:
                server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 2 }
              groups:
                clients: { count: 2, prefix: c, upload: 1Mbps, download: 10Mbps }
            ---

            ## Wait on a count

            Both clients ask.

            ```sim
            - request: { from: clients, to: server }
            - run: { until: "server.served >= 2" }
            ```
            """, path: "words.md")
        let state = TestLessons.open(lesson, presenting: true)
        #expect(state.speakerNotes?.next == "plays until server has served 2 (→ steps instead)")
        let swarm = TestLessons.open(TestLessons.share, step: 1, presenting: true)
        #expect(swarm.speakerNotes?.next == "plays until 1 of the peers has the whole file (→ steps instead)",
                "not the lesson file's peers.finished >= 1")
        var failure = TestLessons.open(TestLessons.failure, presenting: true)
        send(&failure, .key(.pageDown))
        #expect(failure.speakerNotes?.next == "carries out \"take the server down\", then plays until nothing more happens",
                "the ask in its own words, and what the click then plays")
    }

    @Test func aClickerPlaysTheStepBeforeMovingOn() throws {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        #expect(update(&state, .key(.pageDown)).contains(.animate(true)))
        #expect(state.speakerNotes?.next == LessonMove.hurry.spoken)
        send(&state, .tick(elapsedMicroseconds: 100_000))
        let runner = try #require(state.lesson?.stage.driver.runner)
        #expect(runner.stepIndex == 0)
        #expect(screen(state).contains("playing"))
        #expect(state.lesson?.stage.clock ?? 0 > 0, "the class sees the request on its way")

        TestLessons.playOut(&state)
        #expect(state.lesson?.stage.driver.runner.pending == .done, "the play goes on to where the step stops")
        send(&state, .key(.pageDown))
        #expect(state.lesson?.stage.driver.runner.stepIndex == 1)
    }

    /// A click while the step plays hurries it on to its next milestone and it plays on;
    /// clicks never go past the wait's end, and the click after it goes on as usual.
    /// Play-testers read a click that paused the play as a stop/start toggle (13-19 clicks
    /// for one step), and a click that finished the whole wait skipped the lesson's point.
    @Test func aClickWhileItPlaysHurriesItOnAndTheNextGoesOn() throws {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        send(&state, .key(.pageDown), .tick(elapsedMicroseconds: 1_000))
        let clock = try #require(state.lesson?.stage.clock)
        #expect(state.lesson?.runner.pending != .done, "still playing")
        var clicks = 0
        while state.lesson?.runner.pending != .done, clicks < 20 {
            send(&state, .key(.pageDown))
            TestLessons.playOut(&state)
            clicks += 1
        }
        #expect(state.lesson?.runner.pending == .done, "at where the play stops")
        #expect(state.lesson?.runner.stepIndex == 0, "not past it")
        #expect(state.lesson?.stage.clock ?? 0 > clock)
        #expect(state.lesson?.stage.heldState == nil, "the stage shows the moment the wait ended")
        #expect(screen(state).contains("step done"))
        send(&state, .key(.pageDown))
        #expect(state.lesson?.runner.stepIndex == 1, "the next click goes on to the next step")
    }

    /// Hurrying a play goes no further than the wait: a pause (or a quiz, or narration)
    /// after it stays for the next click, and the wait after that plays on its own click.
    @Test func aClickMidPlayStopsAtTheStepsNextStop() throws {
        let source = TestLessons.requestSource.replacingOccurrences(
            of: "- run: idle", with: "- run: 15ms\n- pause: What comes back?\n- run: idle")
        var state = TestLessons.open(TestLessons.load(source, path: "01-request.md"), presenting: true)
        send(&state, .key(.pageDown), .tick(elapsedMicroseconds: 1_000))
        #expect(state.lesson?.stage.isPlaying == true)
        var clicks = 0
        while state.lesson?.stage.isAnimating == true, case .running? = state.lesson?.runner.pending, clicks < 20 {
            send(&state, .key(.pageDown))
            clicks += 1
        }
        TestLessons.playOut(&state)
        #expect(state.lesson?.runner.pending == .pause("What comes back?"), "stops at the pause, not past it")
        #expect(state.lesson?.stage.clock == 15_000)
        #expect(update(&state, .key(.pageDown)).contains(.animate(true)), "the next click passes the pause and plays")
        send(&state, .tick(elapsedMicroseconds: 1_000))
        TestLessons.playOut(&state)
        #expect(state.lesson?.runner.pending == .done)
    }

    @Test func aClickOnAPauseBeforeAWaitPassesItAndPlaysTheWait() throws {
        let source = TestLessons.requestSource.replacingOccurrences(of: "- run: idle", with: "- pause: What comes back?\n- run: idle")
        let lesson = TestLessons.load(source, path: "01-request.md")
        var state = TestLessons.open(lesson, presenting: true)
        #expect(state.lesson?.stage.driver.runner.pending == .pause("What comes back?"))
        #expect(update(&state, .key(.pageDown)).contains(.animate(true)), "one press: the pause goes and the request moves")
        send(&state, .tick(elapsedMicroseconds: 100_000))
        #expect(screen(state).contains("playing"))
        #expect(state.lesson?.stage.clock ?? 0 > 0, "the class sees the request on its way")
    }

    @Test func aClickOnAnAskBeforeAWaitDoesItAndPlaysTheWait() {
        var state = TestLessons.open(TestLessons.failure, presenting: true)
        send(&state, .key(.pageDown))
        #expect(state.wantsTicks == false, "after the pause comes the ask: nothing to play yet")
        #expect(update(&state, .key(.pageDown)).contains(.animate(true)), "the server goes down and the request sets off")
        #expect(screen(state).contains("playing"))
    }

    @Test func theClassIsNotToldWhichKeysToPress() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        #expect(!screen(state, width: 120, height: 30).contains("Press"))
        send(&state, .key(.pageDown))
        TestLessons.playOut(&state)
        send(&state, .key(.pageDown), .key(.character("2")))
        #expect(screen(state, width: 120, height: 30).contains("Right."))
        #expect(!screen(state, width: 120, height: 30).contains("Press"))
    }

    @Test func aClickOnAQuizShowsTheAnswerBeforeMovingOn() throws {
        var state = TestLessons.atQuiz(TestLessons.request, among: TestLessons.course, step: 1, presenting: true)
        let revealed = screen(state, width: 120, height: 30)
        #expect(revealed.contains("The answer: 2."), "the class sees which choice is right")
        let lines = revealed.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("1. Another client") })
        #expect(lines[first + 1].contains("    Clients hold nothing to answer with."), "each reason under its choice")
        let second = try #require(lines.firstIndex { $0.contains("✓ 2. The server") })
        #expect(lines[second + 1].contains("    Only the server holds the page."))
        #expect(!revealed.contains("Not quite"), "nobody on screen answered wrongly")
        #expect(!revealed.contains("Answer with"), "the class is not told which keys to press")
        #expect(state.lesson?.stage.driver.runner.pending != .done, "the first press only reveals")
        send(&state, .key(.pageDown))
        #expect(state.lesson?.stage.driver.runner.isFinished == true)
        #expect(screen(state, width: 120, height: 30).contains("Who answers the request? The answer: 2. The"))
    }

    @Test func blankScreenKeyBlanksAndAnyKeyComesBack() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        let shown = screen(state)
        send(&state, .key(.character(".")))
        #expect(screen(state) == String(repeating: "\n", count: 23))
        send(&state, .key(.character("b")))
        #expect(screen(state) == shown)
    }

    @Test func qQuitsWhilePresentingButAClickersEscDoesNot() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, presenting: true)
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(update(&state, .key(.character("q"))) == [.quit])
    }
}

@Suite struct ReloadTests {
    @Test func aGoodEditReloadsInPlaceKeepingTheStep() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, step: 1)
        let edited = TestLessons.requestSource.replacingOccurrences(of: "Who answers the request?", with: "Who sends the answer?")
        send(&state, .reload(LessonLoader.load(source: edited, path: "01-request.md")))
        #expect(screen(state).contains("step 2/2"))
        #expect(screen(state).contains("Who sends the answer?"))
    }

    @Test func aBrokenEditShowsWhereItIsBrokenAndKeepsTheLesson() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course, step: 1)
        send(&state, .reload(LessonLoader.load(source: Screens.brokenSource, path: "01-request.md")))
        let problem = LessonLoader.load(source: Screens.brokenSource, path: "01-request.md").diagnostics[0].description
        let shown = screen(state)
        #expect(shown.contains("this edit does not load"))
        #expect(shown.contains(String(problem.prefix(40))), "the author sees where and what: \(problem)")
        #expect(shown.contains("Who answers the request?"), "the lesson on screen is kept")
        send(&state, .reload(LessonLoader.load(source: TestLessons.requestSource, path: "01-request.md")))
        #expect(!screen(state).contains("does not load"))
        #expect(screen(state).contains("Who answers the request?"))
    }

    @Test func anEditReloadsTheWatchedLessonWhileAnotherIsOnScreen() {
        var state = TestLessons.open(TestLessons.request, among: TestLessons.course)
        send(&state, .key(.character("q")), .key(.character("2")))
        let swarm = screen(state)
        send(&state, .reload(LessonLoader.load(source: Screens.brokenSource, path: "01-request.md")))
        #expect(screen(state) == swarm, "the lesson on screen is not the one edited")
        let edited = TestLessons.requestSource.replacingOccurrences(of: "title: One request", with: "title: One request, edited")
        send(&state, .reload(LessonLoader.load(source: edited, path: "01-request.md")))
        #expect(screen(state).contains("Sharing a file"), "the lesson on screen stays")
        send(&state, .key(.character("q")))
        #expect(screen(state).contains("1. One request, edited"))
        #expect(screen(state).contains("2. Sharing a file"))
    }
}

/// A presenter's click reveals a quiz's answer only once the class has seen the text above
/// it, so the click after the reveal goes on: it does not page that text again, a couple
/// of lines at a time, in the room the revealed reasons leave.
@Suite struct PresentedQuizTests {
    @Test func theClickAfterARevealGoesOn() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "p2p-scaling" })
        var state = TestLessons.open(lesson, presenting: true, size: (100, 30))
        var clicks = 0
        func revealed() -> Bool { state.lesson?.answers.values.contains { $0.answered } == true }
        while !revealed(), clicks < 40 {
            send(&state, .key(.pageDown))
            TestLessons.playOut(&state)
            clicks += 1
        }
        #expect(revealed())
        var after = 0
        while state.lesson?.stage.driver.runner.stepIndex == 0, after < 40 {
            send(&state, .key(.pageDown), .tick(elapsedMicroseconds: 60_000_000))
            after += 1
        }
        #expect(after <= 2, "clicks from the reveal to the next step: \(after)")
    }
}
