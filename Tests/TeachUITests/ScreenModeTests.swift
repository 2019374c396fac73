import Canvas
import LessonKit
import Testing
@testable import TeachUI

@Suite struct ScreenModeTests {
    @Test func helpOnTheMenuListsTheMenusKeys() {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .key(.character("?")))
        #expect(screen(state).contains("open lesson by number"))
        #expect(!screen(state).contains("one event forward"))
    }

    @Test func aTallNarrowWindowPutsTheNarrationBelowTheStage() {
        let state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        let rows = screen(state, width: 70, height: 44).split(separator: "\n", omittingEmptySubsequences: false)
        let narrationTop = rows.firstIndex { $0.hasPrefix("┌ step 2/2 ") }
        let metricsTop = rows.firstIndex { $0.hasPrefix("┌ metrics ") }
        #expect(narrationTop != nil && metricsTop != nil && narrationTop! > metricsTop!)
        #expect(rows[narrationTop! + 1].contains("Who answers the request?"))
    }

    @Test func aWindowBelowTheMinimumSaysSo() {
        #expect(Screens.tooSmall() == #"""




                             Window too small
                 netstep needs 60x16; this one is 50x12.
                     Enlarge it, or press q to quit.





            """#)
    }

    @Test func aWindowEnlargedAgainShowsTheScreenAtOnce() {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .resize(width: 40, height: 10))
        #expect(screen(state, width: 40, height: 10).contains("too small"))
        send(&state, .resize(width: 80, height: 24))
        #expect(screen(state).hasPrefix(" netstep: client-server and peer-to-peer"))
    }

    @Test func questionMarkShowsEveryKeyAndAnyKeyClosesIt() {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        let lesson = screen(state)
        send(&state, .key(.character("?")))
        #expect(screen(state) == Screens.help())
        #expect(Screens.help() == #"""
             1. One request · Ask once
            ┌─ ▦ server □ client ──────────────────────────┐┌ step 1/2 ────────────────────┐
            ╔ keys ═══════════════════════════════════════════════════════════════════════╗
            ║ Stepping                               Looking closer                       ║
            ║ → Space  the next change, or go on     Tab      select next node or message ║
            ║ ←        the change before             i        inspect the selection       ║
            ║ Enter    play or pause                 e        event list (/ to search)    ║
            ║ + =      faster (yours is kept)        click    inspect a node or message   ║
            ║ - _      slower (auto: per play)                                            ║
            ║                                        Anywhere                             ║
            ║ Steps                                  ?        this help                   ║
            ║ n PgDn   next step                     q Esc    back to the menu            ║
            ║ p PgUp   previous step                 Ctrl-C   quit at once                ║
            ║ g        go to step (type a number)                                         ║
            ║ r        restart the step              On the stage                         ║
            ║ R        restart the lesson            ─▸       where a message is going    ║
            ║ 1-9      answer the quiz               3 of 8   drawn: the rest would cross ║
            ║ h        a hint for the step                                                ║
            ║ ↑        scroll the narration up                                            ║
            ║ ↓        scroll the narration down                                          ║
            ╚═════════════════════════════════════════════════════════════════════════════╝
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.01 auto │ until nothing more happens
             → step  ← back  Enter play  n p steps  Tab i inspect  e events  ? help  q back
            """#)
        send(&state, .key(.character("x")))
        #expect(screen(state) == lesson)
    }

    @Test func monochromeKeepsTheTextAndDropsEveryColour() {
        let state = sandboxWithRequestsInFlight()
        let colour = render(state, width: 80, height: 24, capabilities: .full)
        let mono = render(state, width: 80, height: 24, capabilities: Capabilities(color: false, unicode: true))
        #expect(mono.text == colour.text)
        var colours = Set<Color>()
        for y in 0..<24 {
            for x in 0..<80 {
                colours.insert(mono[x, y].style.foreground)
                colours.insert(mono[x, y].style.background)
            }
        }
        #expect(colours == [.default])
        #expect(mono[0, 0].style.attributes.contains(.reverse), "the title bar stands out by attribute alone")
    }

    @Test func monochromeMarksStatesWithAttributesAlone() {
        // The dead client (selected: reverse), the server (bold), dim links and panels,
        // bold requests and the reversed title bar, with no colour anywhere.
        #expect(Screens.deadClientAttributes() == #"""
            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddddd  ddddddd dddddddddddddddddddddd dddddbbbbbbbbbdddddddddddddddddddddd
            d                  bbbbbbbbbb                  dd   bbbbbbbbbbbbb              d
            d                  bbbbbbbbbb dddd             dd                              d
            d                  bbbbbbbbbb                  dd                              d
            d                       b  b                   dd                              d
            d                       d   dd                 dd                              d
            d                       d     d                dd                    uuu       d
            d                       d      dd              dd        u                     d
            d                       d        dd            dd                 u            d
            d      d b              d          d           dd     u     u                  d
            d     dddddd                                   dd             u u u            d
            d     drrrrd                                   dd                              d
            d     dddddd                                   dd                              d
            dd dddddd bdddddddd bdddddddd ddddddddddddddddddd                              d
            dbbbbbbbbbddddddddddddddddddddddddddddddddddddddd                              d
            d dddddddddddddddddddddddd                     dd                              d
            d               dddddddddddddddddddddddddd     dd                              d
            d               dddddddddddddddddddddddddd     dd                              d
            d bbbbbb                                       dd                              d
            d                                              dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd       ddd         ddd          ddd       ddddddddddddddddddddddddd
             b dddddddd  b dddd  b dddd  bbbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func asciiModeUsesOnlyAscii() {
        let state = sandboxWithRequestsInFlight()
        let text = screen(state, capabilities: .plain)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(Screens.requestsInFlight(.plain) == #"""
             Sandbox - client-server
            +- S server c client --------------------------++ sandbox ---------------------+
            |                  +--------+                  || A client-server network of 4 |
            |                  |S server|                  || nodes. Change it with the    |
            |                  +--------+                  || keys below and watch the     |
            |                   -/  |  \                   || metrics answer.              |
            |                  /    |   \-                 ||                              |
            |                -/     |     \                || Select a node with Tab or a  |
            |              -o       o      o-              || click; k takes it down or    |
            |             /         |        \-            || brings it back, x removes    |
            |           -/          |          \           || it, u and U double or halve  |
            |     +----+         +----+        +----+      || its upload. 1 2 3 start      |
            |     |c c1|         |c c2|        |c c3|      || again as client-server, p2p  |
            |     +----+         +----+        +----+      || or swarm.                    |
            +- o request ----------------------------------+|                              |
            + metrics -------------------------------------+| 3 requests sent              |
            | messages 3 . in flight 3                     ||                              |
            | server queue  .......................... 0/8 ||                              |
            | server upload ..........................  0% ||                              |
            | queue ____________________________________ 0 ||                              |
            |                                              ||                              |
            +----------------------------------------------++------------------------------+
             || paused | sandbox | t 6.20 ms | x0.03 auto | event 3
             r requests  f file  Right step  Enter play  Tab i inspect  ? help  q quit
            """#)
    }
}

@Suite struct KeyHintLineTests {
    @Test(arguments: [60, 80])
    func helpAndLeavingStayOnTheHintLineHoweverNarrow(width: Int) throws {
        let state = AppState(lessons: [TestLessons.failure], start: .lesson(id: "test-failure", step: 0))
        let hintLine = try #require(screen(state, width: width, height: 24).split(separator: "\n").last)
        #expect(hintLine.hasPrefix(" → Enter go on"))
        #expect(hintLine.hasSuffix("? help  q back"))
    }
}
