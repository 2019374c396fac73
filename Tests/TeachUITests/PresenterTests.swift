import Canvas
import LessonKit
import Testing
@testable import TeachUI

@Suite struct PresenterTests {
    @Test func presentingDropsKeyHintsAndGrowsTheStage() {
        #expect(Screens.presenting() == #"""
             1. When the server fails · Predict
            ┌──────────────────────────────────────────────┐┌ step 1/2 ────────────────────┐
            │                  ┌────────┐                  ││ Think before you act.        │
            │                  │        │                  ││                              │
            │                  │  □ c1  │                  ││ Which clients will still get │
            │                  │        │                  ││ answers? Press Space to go   │
            │                  └────────┘                  ││ on.                          │
            │                       │                      ││                              │
            │                       │                      ││                              │
            │                       │                      ││                              │
            │                ┏━━━━━━━━━━━━┓                ││                              │
            │                ┃            ┃                ││                              │
            │                ┃  ▦ server  ┃                ││                              │
            │                ┃            ┃                ││                              │
            │                ┗━━━━━━━━━━━━┛                ││                              │
            │                       │                      ││                              │
            │                       │                      ││                              │
            │                  ┌────────┐                  ││                              │
            │                  │        │                  ││                              │
            │                  │  □ c2  │                  ││                              │
            │                  │        │                  ││                              │
            │                  └────────┘                  ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 │ event 0 │ your turn
            """#)
    }

    @Test func clickerKeysMoveBetweenStepsAndPublishTheNotes() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0), presenting: true)
        #expect(state.speakerNotes == "Point at the request leaving c1.")
        let effects = update(&state, .key(.pageDown))
        #expect(effects.contains(.publishNote("Ask the room before revealing.")))
        #expect(update(&state, .key(.pageUp)).contains(.publishNote("Point at the request leaving c1.")))
    }

    @Test func blankScreenKeyBlanksAndAnyKeyComesBack() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0), presenting: true)
        let shown = screen(state)
        send(&state, .key(.character(".")))
        #expect(screen(state) == String(repeating: "\n", count: 23))
        send(&state, .key(.character("b")))
        #expect(screen(state) == shown)
    }

    @Test func qQuitsWhilePresentingButAClickersEscDoesNot() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0), presenting: true)
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(update(&state, .key(.character("q"))) == [.quit])
    }
}

@Suite struct ReloadTests {
    @Test func aGoodEditReloadsInPlaceKeepingTheStep() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        let edited = TestLessons.requestSource.replacingOccurrences(of: "Who answers the request?", with: "Who sends the answer?")
        send(&state, .reload(LessonLoader.load(source: edited, path: "01-request.md")))
        #expect(screen(state).contains("step 2/2"))
        #expect(screen(state).contains("Who sends the answer?"))
    }

    @Test func aBrokenEditShowsWhereItIsBrokenAndKeepsTheLesson() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .reload(LessonLoader.load(source: "---\nid: test-request\ntitle: [oops\n---\n## A\n", path: "01-request.md")))
        #expect(screen(state) == Screens.brokenReload())
        #expect(Screens.brokenReload() == #"""
             1. One request · Check
            ┌──────────────────────────────────────────────┐┌ step 2/2 ────────────────────┐
            │                    ┌────┐                    ││ Who answers the request?     │
            │                    │□ c1│                    ││  1. Another client           │
            │                    └────┘                    ││  2. The server               │
            │                       │                      ││                              │
            │                       │                      ││ Answer with 1-2.             │
            │                  ┏━━━━━━━━┓                  ││                              │
            │                  ┃▦ server┃                  ││                              │
            │╔ this edit does not load ═══════════════════════════════════════════════════╗│
            │║ The lesson keeps running as it was. Fix the file and save it again.        ║│
            │║                                                                            ║│
            │║ 01-request.md:4:1: error: YAML: did not find expected ',' or ']': a comma  ║│
            │║ may be missing between two items, or a bracket left open                   ║│
            └╚════════════════════════════════════════════════════════════════════════════╝│
            ┌ metrics ─────────────────────────────────────┐│                              │
            │ messages 2 · in flight 0                     ││                              │
            │ server queue  ·························· 0/2 ││                              │
            │ server upload ··························· 0% ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 44.8 ms │ ×0.1 │ event 5 │ your turn
             1-2 answer  n p next/prev step  → step  ← back  Enter play  +- speed
            """#)
        send(&state, .reload(LessonLoader.load(source: TestLessons.requestSource, path: "01-request.md")))
        #expect(!screen(state).contains("does not load"))
        #expect(screen(state).contains("Who answers the request?"))
    }
}
