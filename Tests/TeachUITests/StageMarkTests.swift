import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// What went wrong is marked where it happened, and the legend names exactly the glyphs
/// on the stage: whole screens, in colour and in monochrome ASCII.
@Suite struct StageMarkTests {
    /// A server with a queue of one behind access control: of five clients asking at
    /// once, one is served, one waits, one is dropped, one refused, and one's link is
    /// cut; a sixth is down.
    static let troubles = TestLessons.load("""
        ---
        id: test-troubles
        title: Troubles
        summary: Everything that can go wrong with requests.
        essay: [4]
        claims: [C9]
        seed: 1
        network:
          layout: star
          latency: 10ms
          mesh: false
          nodes:
            server: { role: server, service: 40ms, queue: 1 }
            ana: { role: client, timeout: 300ms }
            ben: { role: client, timeout: 300ms }
            cat: { role: client, timeout: 300ms }
            dan: { role: client, timeout: 300ms }
            eve: { role: client, timeout: 300ms }
            fay: { role: client, timeout: 300ms }
          links:
            - { between: [ana, server] }
            - { between: [ben, server] }
            - { between: [cat, server] }
            - { between: [dan, server] }
            - { between: [eve, server] }
            - { between: [fay, server] }
        ---

        ## Everyone asks

        ```sim
        - access-control: { server: server }
        - grant: { server: server, clients: [ana, ben, cat, dan, fay] }
        - fail-link: [dan, server]
        - fail: fay
        - request: { from: [ana, ben, cat, eve, dan], to: server }
        - run: { event: dropped }
        ```

        ## Later

        ```sim
        - run: idle
        ```
        """, path: "07-troubles.md")

    /// A server seeds clients, a malicious peer among them, without hash checks; one
    /// client leaves half way; then the checks are switched on.
    static let poisoned = TestLessons.load("""
        ---
        id: test-poisoned
        title: Poisoned
        summary: A swarm with a malicious member.
        essay: [5]
        claims: [C12]
        seed: 4
        network:
          layout: mesh
          latency: 20ms
          nodes:
            files: { role: server, upload: 4Mbps, download: 20Mbps }
            mallory: { role: peer, upload: 4Mbps, download: 20Mbps }
          groups:
            clients: { count: 4, prefix: c, role: client, upload: 2Mbps, download: 20Mbps }
        ---

        ## Unchecked

        ```sim
        - verification: off
        - malicious: mallory
        - swarm: { file: 8Mb, chunks: 16, seeds: [files], peers: [clients, mallory] }
        - run: 2s
        - remove-node: c4
        - run: { until: "c2.corrupt >= 1" }
        ```

        ## Checked

        ```sim
        - verification: on
        - run: { event: rejected }
        ```
        """, path: "08-poisoned.md")

    /// The lesson's step played to its end (or its first pause), on the lesson screen.
    static func played(_ lesson: Lesson, step: Int) -> AppState {
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: step))
        while case .running = state.lesson?.stage.driver.runner.pending {
            send(&state, .key(.enter))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        }
        return state
    }

    /// The whole screen in colour: its text, then each cell's colour.
    static func coloured(_ lesson: Lesson, step: Int) -> String {
        let state = played(lesson, step: step)
        return screen(state) + "\n\n" + colourMap(render(state, width: 80, height: 24, capabilities: .full))
    }

    /// The whole screen on a terminal with neither colour nor UTF-8: its text, then each
    /// cell's attributes.
    static func plain(_ lesson: Lesson, step: Int) -> String {
        let state = played(lesson, step: step)
        return screen(state, capabilities: .plain) + "\n\n" + attributeMap(render(state, width: 80, height: 24, capabilities: .plain))
    }

    @Test func aDropIsMarkedAtTheServerBesideADownClientAndACutLink() {
        #expect(Self.coloured(Self.troubles, step: 0) == #"""
             1. Troubles · Everyone asks
            ┌──────────────────────────────────────────────┐┌ step 1/2 ────────────────────┐
            │                    ┌─────┐                   ││ Press n for the next step.   │
            │                    │□ ana│                   ││                              │
            │                    └─────┘                   ││                              │
            │     ┌─────┐           │           ┌─────┐    ││                              │
            │     │✕ fay│           │           │□ ben│    ││                              │
            │     └─────┘──────┏━━━━━━━━┓───────└─────┘    ││                              │
            │                  ┃↓ server┃                  ││                              │
            │     ┌─────┐─────●┗busy +1━┛───────┌─────┐    ││                              │
            │     │□ eve│           ✂           │□ cat│    ││                              │
            │     └─────┘        ┌─────┐        └─────┘    ││                              │
            │                    │□ dan│                   ││                              │
            │                    └─────┘                   ││                              │
            └─ ✕ down ↓ dropped ✂ cut ● request ───────────┘│                              │
            ┌ metrics · this lesson ───────────────────────┐│                              │
            │ dropped 1 · messages 5 · in flight 2         ││                              │
            │ server queue ███████████████████████████ 1/1 ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 │ event 3 │ step done
             n p steps  → step  ← back  Enter play  Tab i inspect  e events  ? help  q back






                  rrrrrrr
                  rrrrrrr
                  rrrrrrrrrrrrrRRRRRRRRRR
                               RRRRRRRRRR
                         YYYYYYRRRRRRRRRR
                                    R



               r      R         R     Y


              RRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRRRRR RRR






            """#)
    }

    @Test func aDropIsMarkedAtTheServerBesideADownClientAndACutLinkInPlainText() {
        #expect(Self.plain(Self.troubles, step: 0) == #"""
             1. Troubles - Everyone asks
            +----------------------------------------------++ step 1/2 --------------------+
            |                    +-----+                   || Press n for the next step.   |
            |                    |c ana|                   ||                              |
            |                    +-----+                   ||                              |
            |     +-----+           |           +-----+    ||                              |
            |     |X fay|           |           |c ben|    ||                              |
            |     +-----+------#========#-------+-----+    ||                              |
            |                  |v server|                  ||                              |
            |     +-----+-----o#busy +1=#-------+-----+    ||                              |
            |     |c eve|           :           |c cat|    ||                              |
            |     +-----+        +-----+        +-----+    ||                              |
            |                    |c dan|                   ||                              |
            |                    +-----+                   ||                              |
            +- X down v dropped : cut o request -----------+|                              |
            + metrics . this lesson -----------------------+|                              |
            | dropped 1 . messages 5 . in flight 2         ||                              |
            | server queue ########################### 1/1 ||                              |
            |                                              ||                              |
            |                                              ||                              |
            |                                              ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 1/2 | t 0 us | x0.1 | event 3 | step done
             n p steps  Right step  Enter play  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dddddddddddddddddddddddddddddddddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                                              dd       b                      d
            d                                              dd                              d
            d                                              dd                              d
            d     ddddddd           d                      dd                              d
            d     ddddddd           d                      dd                              d
            d     dddddddddddddbbbbbbbbbbddddddd           dd                              d
            d                  bbbbbbbbbb                  dd                              d
            d            bbbbbbbbbbbbbbbbddddddd           dd                              d
            d                       b                      dd                              d
            d                                              dd                              d
            d                                              dd                              d
            d                                              dd                              d
            dd dddddd bdddddddd bdddd bdddddddd ddddddddddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbbddddddddddddddddddddddddd                              d
            d dddddddddddddddddddddddddddddddddddd         dd                              d
            d bbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbbbbb bbb dd                              d
            d                                              dd                              d
            d                                              dd                              d
            d                                              dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd      ddd    ddd       ddd         ddddddddddddddddddddd
             bbb ddddd  bbbbb dddd  bbbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func refusedAndGivenUpClientsAreMarkedOnceTheDropHasPassed() {
        #expect(Self.coloured(Self.troubles, step: 1) == #"""
             1. Troubles · Later
            ┌──────────────────────────────────────────────┐┌ step 2/2 ────────────────────┐
            │                    ┌─────┐                   ││ Lesson complete. Press q for │
            │                    │□ ana│                   ││ the menu.                    │
            │                    └─────┘                   ││                              │
            │     ┌─────┐           │           ┌─────┐    ││                              │
            │     │✕ fay│           │           │□ ben│    ││                              │
            │     └─────┘──────┏━━━━━━━━┓───────└─────┘    ││                              │
            │                  ┃▦ server┃                  ││                              │
            │     ┌─────┐──────┗━━━━━━━━┛───────┌─────┐    ││                              │
            │     │⊘ eve│           ✂           │∅ cat│    ││                              │
            │     └─────┘        ┌─────┐        └─────┘    ││                              │
            │                    │∅ dan│                   ││                              │
            │                    └─────┘                   ││                              │
            └─ ✕ down ∅ gave up ⊘ refused ✂ cut ───────────┘│                              │
            ┌ metrics · this lesson ───────────────────────┐│                              │
            │ dropped 1 · refused 1 · lost 1 · messages 8  ││                              │
            │ server queue ··························· 0/1 ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 300 ms │ ×0.03 │ event 12 │ lesson done
             n p steps  → step  ← back  Enter play  Tab i inspect  e events  ? help  q back






                  rrrrrrr
                  rrrrrrr
                  rrrrrrrrrrrrrBBBBBBBBBB
                               BBBBBBBBBB
                               BBBBBBBBBB
                   R                R            Y

                                  Y

               r      Y         R         R



                    cccccccccccccccccccccccccccccccccccc





            """#)
    }

    @Test func refusedAndGivenUpClientsAreMarkedOnceTheDropHasPassedInPlainText() {
        #expect(Self.plain(Self.troubles, step: 1) == #"""
             1. Troubles - Later
            +----------------------------------------------++ step 2/2 --------------------+
            |                    +-----+                   || Lesson complete. Press q for |
            |                    |c ana|                   || the menu.                    |
            |                    +-----+                   ||                              |
            |     +-----+           |           +-----+    ||                              |
            |     |X fay|           |           |c ben|    ||                              |
            |     +-----+------#========#-------+-----+    ||                              |
            |                  |S server|                  ||                              |
            |     +-----+------#========#-------+-----+    ||                              |
            |     |x eve|           :           |0 cat|    ||                              |
            |     +-----+        +-----+        +-----+    ||                              |
            |                    |0 dan|                   ||                              |
            |                    +-----+                   ||                              |
            +- X down 0 gave up x refused : cut -----------+|                              |
            + metrics . this lesson -----------------------+|                              |
            | dropped 1 . refused 1 . lost 1 . messages 8  ||                              |
            | server queue ........................... 0/1 ||                              |
            | queue ____________________________________ 0 ||                              |
            |                                              ||                              |
            |                                              ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 2/2 | t 300 ms | x0.03 | event 12 | lesson done
             n p steps  Right step  Enter play  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dddddddddddddddddddddddddddddddddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                                              dd bbbbbb bbbbbbbbb       b     d
            d                                              dd                              d
            d                                              dd                              d
            d     ddddddd           d                      dd                              d
            d     ddddddd           d                      dd                              d
            d     dddddddddddddbbbbbbbbbbddddddd           dd                              d
            d                  bbbbbbbbbb                  dd                              d
            d            ddddddbbbbbbbbbbddddddd           dd                              d
            d      b                b            b         dd                              d
            d                                              dd                              d
            d                     b                        dd                              d
            d                                              dd                              d
            dd dddddd bdddddddd bdddddddd bdddd ddddddddddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbbddddddddddddddddddddddddd                              d
            d ddddddddddddddddddddddddddddddddddddddddddd  dd                              d
            d              ddddddddddddddddddddddddddd     dd                              d
            d bbbbbb                                       dd                              d
            d                                              dd                              d
            d                                              dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd     ddd        ddd           ddddddddddddddd
             bbb ddddd  bbbbb dddd  bbbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func aMaliciousPeerALeaverAndTheSeedAreMarked() {
        #expect(Self.coloured(Self.poisoned, step: 0) == #"""
             1. Poisoned · Unchecked
            ┌─ ◎ seed ■ chunk ─────────────────────────────┐┌ step 1/2 ────────────────────┐
            │                  ┌─────────┐                 ││ Press n for the next step.   │
            │                  │☠ mallory│                 ││                              │
            │                  └─────────┘                 ││                              │
            │                   ─╱  │  ╲─ ╲───             ││                              │
            │    ┌────┐       ─╱    ■    ╲─   ■──┌─↑3─┐    ││                              │
            │    │◌ c4│      ■  ┏━━━━↑4━┓  ■╱────│◉ c1│    ││                              │
            │    └────┘      │  ┃◎ files┃──■    ─└────┘    ││                              │
            │               ╱   ┗━━━━━━━┛   ───╱  ╱        ││                              │
            │              ╱  ─■╱      ──■2╱ ╲  ─■2        ││                              │
            │          ┌─↑3─┐╱ ─────■─╱    ┌─↑3─┐          ││                              │
            │          │◉ c3│─────■──■─────│☣ c2│          ││                              │
            │          └────┘              └────┘          ││                              │
            └─ ◌ left ☠ malicious ☣ poisoned ↑ sending ────┘│                              │
            ┌ metrics · this swarm ────────────────────────┐│                              │
            │ lost 8 · corrupt kept 1 · messages 66        ││                              │
            │ files upload   ████████████████████████ 100% ││                              │
            │ from files now █████████▋··············  40% ││                              │
            │ file (1 of 4)                                ││                              │
            │ mallory ████████████████················ 50% ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 2.67 s │ ×0.1 │ event 90 │ step done
             n p steps  → step  ← back  Enter play  Tab i inspect  e events  ? help  q back


               G      C
                               MMMMMMMMMMM
                               MMMMMMMMMMM
                               MMMMMMMMMMM
                                YY     YY YYYY
                              YY    C    YY   CYYggCCgg
                             C  GGGGGCCGG  C     gggggg
                             Y  GGGGGGGGG  C    Ygggggg
                            Y   GGGGGGGGG   YYYY  Y
                           Y   C       YYCCY Y  YCC
                       ggCCgg  YYYYYCYY    ggCCgg
                       ggggggYYYYYCYYCYYYYYgRgggg
                       gggggg              gggggg
                      M           R          C


              RRRRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRR RRRR
                             cccccccccc

                      cccccccccccccccc



            """#)
    }

    @Test func aMaliciousPeerALeaverAndTheSeedAreMarkedInPlainText() {
        #expect(Self.plain(Self.poisoned, step: 0) == #"""
             1. Poisoned - Unchecked
            +- P seed # chunk -----------------------------++ step 1/2 --------------------+
            |                  +---------+                 || Press n for the next step.   |
            |                  |* mallory|                 ||                              |
            |                  +---------+                 ||                              |
            |                   -/  |  \- \---             ||                              |
            |    +----+       -/    #    \-   #--+-^3-+    ||                              |
            |    |_ c4|      #  #====^4=#  #/----|p c1|    ||                              |
            |    +----+      |  |P files|--#    -+----+    ||                              |
            |               /   #=======#   ---/  /        ||                              |
            |              /  -#/      --#2/ \  -#2        ||                              |
            |          +-^3-+/ -----#-/    +-^3-+          ||                              |
            |          |p c3|-----#--#-----|; c2|          ||                              |
            |          +----+              +----+          ||                              |
            +- _ left * malicious ; poisoned ^ sending ----+|                              |
            + metrics . this swarm ------------------------+|                              |
            | lost 8 . corrupt kept 1 . messages 66        ||                              |
            | files upload   ######################## 100% ||                              |
            | from files now ##########..............  40% ||                              |
            | file (1 of 4)                                ||                              |
            | mallory ################................ 50% ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 1/2 | t 2.67 s | x0.1 | event 90 | step done
             n p steps  Right step  Enter play  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddd bdddddd dddddddddddddddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                  bbbbbbbbbbb                 dd       b                      d
            d                  bbbbbbbbbbb                 dd                              d
            d                  bbbbbbbbbbb                 dd                              d
            d                   bb  d  bb bbbb             dd                              d
            d    dddddd       bb    b    bb   bbb  bb      dd                              d
            d    dddddd      b  bbbbbbbbb  bddddd          dd                              d
            d    dddddd      b  bbbbbbbbbddb    b          dd                              d
            d               b   bbbbbbbbb   bbbb  b        dd                              d
            d              b  dbd      bbbbb b  bbb        dd                              d
            d            bb  d bbbbbbbb      bb            dd                              d
            d                bbbbbbbbbbbbbb b              dd                              d
            d                                              dd                              d
            dd dddddd bdddddddddd bddddddddd bdddddddd dddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddddd                              d
            d ddddddddddddddddddddddddddddddddddddd        dd                              d
            d bbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbb bbbb dd                              d
            d                          dddddddddddddd      dd                              d
            d bbbbbbbbbbbbb                                dd                              d
            d                         dddddddddddddddd     dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd    ddd        ddd         dddddddddddddddddd
             bbb ddddd  bbbbb dddd  bbbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func aRejectedChunkIsMarkedAtItsReceiverAndPoisonedPeersStayMarked() {
        #expect(Self.coloured(Self.poisoned, step: 1) == #"""
             1. Poisoned · Checked
            ┌─ ↑ sending ◎ seed ■ chunk ───────────────────┐┌ step 2/2 ────────────────────┐
            │                  ┌─────────┐                 ││ Lesson complete. Press q for │
            │                  │☠ mallory│                 ││ the menu.                    │
            │                  └─────────┘                 ││                              │
            │                   ─╱  │  ╲─ ╲───             ││                              │
            │    ┌────┐       ─╱    ■    ╲─   ╲─■┌─↑2─┐    ││                              │
            │    │◌ c4│      ╱  ┏━━━━↑4━┓  ╲╱────│◉ c1│    ││                              │
            │    └────┘      │  ┃◎ files┃──■    ─└────┘    ││                              │
            │               ╱   ┗━━━━━━━┛   ───╱  ■        ││                              │
            │              ■  ─■╱      ──■─╱ ■  ■╱         ││                              │
            │          ┌─↑2─┐╱ ───────╱    ┌─↑3─┐          ││                              │
            │          │⊠ c3│─■───────────■│☣ c2│          ││                              │
            │          └────┘              └────┘          ││                              │
            └─ ◌ left ⊠ rejected ☠ malicious ☣ poisoned ───┘│                              │
            ┌ metrics · this swarm ────────────────────────┐│                              │
            │ lost 8 · rejected 1 · corrupt kept 1         ││                              │
            │ files upload   ████████████████████████ 100% ││                              │
            │ from files now █████████▋··············  40% ││                              │
            │ file (1 of 4)                                ││                              │
            │ mallory ████████████████████████········ 75% ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 3.17 s │ ×0.1 │ event 118 │ lesson done
             n p steps  → step  ← back  Enter play  Tab i inspect  e events  ? help  q back


               C         G      C
                               MMMMMMMMMMM
                               MMMMMMMMMMM
                               MMMMMMMMMMM
                                YY     YY YYYY
                              YY    C    YY   YYCggCCgg
                             Y  GGGGGCCGG  Y     gggggg
                             Y  GGGGGGGGG  C    Ygggggg
                            Y   GGGGGGGGG   YYYY  C
                           C   C       YYCYY C  CY
                       ggCCgg  YYYYYYYY    ggCCgg
                       gYggggYCYYYYYYYYYYYCgRgggg
                       gggggg              gggggg
                      Y          M           R


              RRRRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRR RRRR
                             cccccccccc

                      cccccccccccccccccccccccc



            """#)
    }

    @Test func aRejectedChunkIsMarkedAtItsReceiverAndPoisonedPeersStayMarkedInPlainText() {
        #expect(Self.plain(Self.poisoned, step: 1) == #"""
             1. Poisoned - Checked
            +- ^ sending P seed # chunk -------------------++ step 2/2 --------------------+
            |                  +---------+                 || Lesson complete. Press q for |
            |                  |* mallory|                 || the menu.                    |
            |                  +---------+                 ||                              |
            |                   -/  |  \- \---             ||                              |
            |    +----+       -/    #    \-   \-#+-^2-+    ||                              |
            |    |_ c4|      /  #====^4=#  \/----|p c1|    ||                              |
            |    +----+      |  |P files|--#    -+----+    ||                              |
            |               /   #=======#   ---/  #        ||                              |
            |              #  -#/      --#-/ #  #/         ||                              |
            |          +-^2-+/ -------/    +-^3-+          ||                              |
            |          |< c3|-#-----------#|; c2|          ||                              |
            |          +----+              +----+          ||                              |
            +- _ left < rejected * malicious ; poisoned ---+|                              |
            + metrics . this swarm ------------------------+|                              |
            | lost 8 . rejected 1 . corrupt kept 1         ||                              |
            | files upload   ######################## 100% ||                              |
            | from files now ##########..............  40% ||                              |
            | file (1 of 4)                                ||                              |
            | mallory ########################........ 75% ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 2/2 | t 3.17 s | x0.1 | event 118 | lesson done
             n p steps  Right step  Enter play  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bdddddddd bddddd bdddddd dddddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                  bbbbbbbbbbb                 dd bbbbbb bbbbbbbbb       b     d
            d                  bbbbbbbbbbb                 dd                              d
            d                  bbbbbbbbbbb                 dd                              d
            d                   bb  d  bb bbbb             dd                              d
            d    dddddd       bb    b    bb   bbb  bb      dd                              d
            d    dddddd      b  bbbbbbbbb  bddddd          dd                              d
            d    dddddd      b  bbbbbbbbbddb    b          dd                              d
            d               b   bbbbbbbbb   bbbb  b        dd                              d
            d              b  dbd      bbbbb b  bb         dd                              d
            d            bb  d bbbbbbbb      bb            dd                              d
            d           b    bbbbbbbbbbbbbb b              dd                              d
            d                                              dd                              d
            dd dddddd bddddddddd bdddddddddd bddddddddd ddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddddd                              d
            d dddddddddddddddddddddddddddddddddddd         dd                              d
            d bbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbb bbbb dd                              d
            d                          dddddddddddddd      dd                              d
            d bbbbbbbbbbbbb                                dd                              d
            d                                 dddddddd     dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd    ddd         ddd           ddddddddddddddd
             bbb ddddd  bbbbb dddd  bbbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

}

/// One character per cell for its foreground colour (r red, g green, y yellow, b blue,
/// m magenta, c cyan, k black, w white, blank for the terminal's own), upper case when
/// bold, rows trimmed like `Canvas.text`.
func colourMap(_ canvas: Canvas, rows: Range<Int>? = nil) -> String {
    (rows ?? 0..<canvas.height).map { y in
        var row = ""
        for x in 0..<canvas.width {
            let style = canvas[x, y].style
            let letter: Character = switch style.foreground {
            case .default: " "
            case .black: "k"
            case .red: "r"
            case .green: "g"
            case .yellow: "y"
            case .blue: "b"
            case .magenta: "m"
            case .cyan: "c"
            case .white: "w"
            }
            row.append(style.attributes.contains(.bold) ? Character(letter.uppercased()) : letter)
        }
        while row.last == " " { row.removeLast() }
        return row
    }.joined(separator: "\n")
}
