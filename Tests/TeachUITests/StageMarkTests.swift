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
    static let troubles = TestLessons.load(troublesSource, path: "07-troubles.md")

    /// The same, with the later run in the step of the drop, after a pause: the drop
    /// stays marked in its own step.
    static let troublesInOneStep = TestLessons.load(
        troublesSource.replacingOccurrences(of: "```\n\n## Later\n\n```sim\n", with: "- pause: Watch the server.\n"),
        path: "07-troubles.md")

    static let troublesSource = """
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
        """

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
            ┌─ ▦ server □ client ● request ────────────────┐┌ step 1/2 ────────────────────┐
            │                    □ ana                     ││ Press → for the next step.   │
            │                       │                      ││                              │
            │                       │                      ││                              │
            │  □ fay✕╲              │              □ ben   ││                              │
            │         ─────╲        │        ╱─────        ││                              │
            │               ─────╲  │  ╱─────              ││                              │
            │                   ▦ server⊗                  ││                              │
            │               ─────●  ●  ╲─────              ││                              │
            │         ─────╱        │        ╲─────        ││                              │
            │   □ eve⊄              ✂              □ cat   ││                              │
            │                       │                      ││                              │
            │                    □ dan                     ││                              │
            └─ ✕ down ⊗ dropped ⊄ not on list ✂ cut ───────┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ dropped 1 · messages 5 · in flight 2         ││                              │
            │ server queue ███████████████████████████ 1/1 ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 0 µs │ ×0.1 auto │ event 3 │ step done
             → Enter next step  ← back  n p steps  Tab i inspect  e events  ? help  q back


               B                 Y



               rrrrrrr
                      rrrrrr
                            rrrrrr
                                RRRRRRRRR
                            YYYYYY  Y
                      YYYYYY        r
                     Y              R
                                    r

               r      R         Y             R


              RRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRRRRR RRR






            """#)
    }

    @Test func aDropIsMarkedAtTheServerBesideADownClientAndACutLinkInPlainText() {
        #expect(Self.plain(Self.troubles, step: 0) == #"""
             1. Troubles - Everyone asks
            +- S server c client o request ----------------++ step 1/2 --------------------+
            |                    c ana                     || Press Right for the next     |
            |                       |                      || step.                        |
            |                       |                      ||                              |
            |  c fayX\              |              c ben   ||                              |
            |         -----\        |        /-----        ||                              |
            |               -----\  |  /-----              ||                              |
            |                   S serverD                  ||                              |
            |               -----o  o  \-----              ||                              |
            |         -----/        |        \-----        ||                              |
            |   c eveu              :              c cat   ||                              |
            |                       |                      ||                              |
            |                    c dan                     ||                              |
            +- X down D dropped u not on list : cut -------+|                              |
            + metrics . since step 1 ----------------------+|                              |
            | dropped 1 . messages 5 . in flight 2         ||                              |
            | server queue ########################### 1/1 ||                              |
            |                                              ||                              |
            |                                              ||                              |
            |                                              ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 1/2 | t 0 us | x0.1 auto | event 3 | step done
             Right Enter next step  Left back  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddddd  ddddddd bdddddddd ddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                                              dd       bbbbb                  d
            d                       d                      dd                              d
            d                       d                      dd                              d
            d  ddddddd              d                      dd                              d
            d         dddddd        d        dddddd        dd                              d
            d               dddddd  d  dddddd              dd                              d
            d                   bbbbbbbbb                  dd                              d
            d               bbbbbb  b  dddddd              dd                              d
            d         bbbbbb        d        dddddd        dd                              d
            d        b              b                      dd                              d
            d                       d                      dd                              d
            d                                              dd                              d
            dd dddddd bdddddddd bdddddddddddd bdddd ddddddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddd                              d
            d dddddddddddddddddddddddddddddddddddd         dd                              d
            d bbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbbbbb bbb dd                              d
            d                                              dd                              d
            d                                              dd                              d
            d                                              dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd      ddd         ddd       ddd         dddddddddddddddd
             bbbbbbbbbbb ddddddddd  bbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func refusedAndGivenUpClientsAreMarkedOnceTheDropHasPassed() {
        #expect(Self.coloured(Self.troubles, step: 1) == #"""
             1. Troubles · Later
            ┌─ ▦ server □ client ✂ cut ────────────────────┐┌ step 2/2 ────────────────────┐
            │                    □ ana                     ││ Lesson complete. Press → for │
            │                       │                      ││ what comes next, or q for    │
            │                       │                      ││ the menu.                    │
            │  □ fay✕╲              │              □ ben   ││                              │
            │         ─────╲        │        ╱─────        ││                              │
            │               ─────╲  │  ╱─────              ││                              │
            │                   ▦ server☰                  ││                              │
            │               ─────╱  │  ╲─────              ││                              │
            │         ─────╱        │        ╲─────        ││                              │
            │   □ eve⊘              ✂              □ cat∅  ││                              │
            │                       │                      ││                              │
            │                    □ dan∅                    ││                              │
            └─ ✕ down ∅ gave up ⊘ refused ☰ access list ───┘│                              │
            ┌ metrics · since step 1 ──────────────────────┐│                              │
            │ dropped 1 · refused 1 · lost 1 · messages 8  ││                              │
            │ server queue ··························· 0/1 ││                              │
            │ queue ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁ 0 ││                              │
            │ upload                                       ││                              │
            │ server ██████████████████████████████ 160 kb ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 300 ms │ ×0.1 auto │ event 12 │ lesson done
             → Enter finish the lesson  ← back  Tab i inspect  e events  ? help  q back


               B                 R



               rrrrrrr
                      rrrrrr
                            rrrrrr
                                BBBBBBBBB
                                    r
                                    r
                     R              R                   Y
                                    r
                                      Y
               r      Y         R         B



                    cccccccccccccccccccccccccccccccccccc

                     cccccccccccccccccccccccccccccc



            """#)
    }

    @Test func refusedAndGivenUpClientsAreMarkedOnceTheDropHasPassedInPlainText() {
        #expect(Self.plain(Self.troubles, step: 1) == #"""
             1. Troubles - Later
            +- S server c client : cut --------------------++ step 2/2 --------------------+
            |                    c ana                     || Lesson complete. Press Right |
            |                       |                      || for what comes next, or q    |
            |                       |                      || for the menu.                |
            |  c fayX\              |              c ben   ||                              |
            |         -----\        |        /-----        ||                              |
            |               -----\  |  /-----              ||                              |
            |                   S serverA                  ||                              |
            |               -----/  |  \-----              ||                              |
            |         -----/        |        \-----        ||                              |
            |   c evex              :              c cat0  ||                              |
            |                       |                      ||                              |
            |                    c dan0                    ||                              |
            +- X down 0 gave up x refused A access list ---+|                              |
            + metrics . since step 1 ----------------------+|                              |
            | dropped 1 . refused 1 . lost 1 . messages 8  ||                              |
            | server queue ........................... 0/1 ||                              |
            | queue ____________________________________ 0 ||                              |
            | upload                                       ||                              |
            | server ############################## 160 kb ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 2/2 | t 300 ms | x0.1 auto | event 12 | lesson done
             Right Enter finish the lesson  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddddd  ddddddd bdddd ddddddddddddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d                                              dd bbbbbb bbbbbbbbb       bbbbb d
            d                       d                      dd                         b    d
            d                       d                      dd                              d
            d  ddddddd              d                      dd                              d
            d         dddddd        d        dddddd        dd                              d
            d               dddddd  d  dddddd              dd                              d
            d                   bbbbbbbbb                  dd                              d
            d               dddddd  d  dddddd              dd                              d
            d         dddddd        d        dddddd        dd                              d
            d        b              b                   b  dd                              d
            d                       d                      dd                              d
            d                         b                    dd                              d
            dd dddddd bdddddddd bdddddddd bdddddddddddd ddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddd                              d
            d ddddddddddddddddddddddddddddddddddddddddddd  dd                              d
            d              ddddddddddddddddddddddddddd     dd                              d
            d bbbbbb                                       dd                              d
            d bbbbbb                                       dd                              d
            d                                              dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd         ddd        ddd           ddddddddddd
             bbbbbbbbbbb ddddddddddddddddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """#)
    }

    @Test func aMaliciousPeerALeaverAndTheSeedAreMarked() {
        #expect(Self.coloured(Self.poisoned, step: 0) == #"""
             1. Poisoned · Unchecked
            ┌─ ◎ seed ◉ peer  lines: under way ■ chunk ────┐┌ step 1/2 ────────────────────┐
            │       files, 4 peers                         ││ Press → for the next step.   │
            │           ◎ files↑ ─                         ││                              │
            │           │       ╲■╲─■───                   ││                              │
            │           │         ╲▸    ╲──                ││                              │
            │   ◉ c4◌   ■           ◉ c1↑  ╲               ││                              │
            │           │         ─╱▴     ■╲▾              ││                              │
            │           │       ■╱  ■        ◉ mallory☠    ││                              │
            │           │     ─╱    │     ─▸               ││                              │
            │           │   ─■      ■   ■╱                 ││                              │
            │           ▾ ◂╱        ▾ ─╱                   ││                              │
            │       ◉ c3↑ ─■─■▸ ◉ c2☣                      ││                              │
            │         11 of 13 drawn: the rest would cross ││                              │
            └─ ◌ left ☠ malicious ☣ poisoned ↑ sends ▸ to ─┘│                              │
            ┌ metrics · this swarm ────────────────────────┐│                              │
            │ lost 8 · corrupt kept 1 · messages 66        ││                              │
            │ files upload   ████████████████████████ 100% ││                              │
            │ from files now █████████▋··············  40% ││                              │
            │ file 3 peers: 0 done, 3 at 62-68%            ││                              │
            │ mallory ████████████████················ 50% ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 1/2 │ t 2.67 s │ ×0.3 auto │ event 91 │ step done
             → Enter next step  ← back  n p steps  Tab i inspect  e events  ? help  q back


               G      g                        C

                        GGGGGGGC c
                        c       cCccCccc
                        c         cc    ccc
                        C           ggggC  c
                        c         ccc     Ccc
                        c       Cc  C        MMMMMMMMMM
                        c     cc    c     cc
                        c   cC      C   Cc
                        c cc        c cc
                    ggggC cCcCc ggggR

                      M           R          C


              RRRRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRR RRRR
                             cccccccccc

                      cccccccccccccccc



            """#)
    }

    @Test func aMaliciousPeerALeaverAndTheSeedAreMarkedInPlainText() {
        #expect(Self.plain(Self.poisoned, step: 0) == ##"""
             1. Poisoned - Unchecked
            +- P seed p peer  lines: under way # chunk ----++ step 1/2 --------------------+
            |       files, 4 peers                         || Press Right for the next     |
            |           P files^ -                         || step.                        |
            |           |       \#\-#---                   ||                              |
            |           |         \-    \--                ||                              |
            |   p c4_   #           p c1^  \               ||                              |
            |           |         -/|     #\\              ||                              |
            |           |       #/  #        p mallory*    ||                              |
            |           |     -/    |     -/               ||                              |
            |           |   -#      #   #/                 ||                              |
            |           | -/        | -/                   ||                              |
            |       p c3^ -#-#- p c2;                      ||                              |
            |         11 of 13 drawn: the rest would cross ||                              |
            +- _ left * malicious ; poisoned ^ sending ----+|                              |
            + metrics . this swarm ------------------------+|                              |
            | lost 8 . corrupt kept 1 . messages 66        ||                              |
            | files upload   ######################## 100% ||                              |
            | from files now ##########..............  40% ||                              |
            | file 3 peers: 0 done, 3 at 62-68%            ||                              |
            | mallory ################................ 50% ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 1/2 | t 2.67 s | x0.3 auto | event 91 | step done
             Right Enter next step  Left back  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddd  ddddd ddddddddddddddddd bdddddd ddddddbbbbbbbbbbddddddddddddddddddddd
            d       dddddddddddddd                         dd       bbbbb                  d
            d           bbbbbbbb d                         dd                              d
            d           d       dbddbddd                   dd                              d
            d           d         dd    ddd                dd                              d
            d   ddddd   b               b  d               dd                              d
            d           d         ddd     bdd              dd                              d
            d           d       bd  b        bbbbbbbbbb    dd                              d
            d           d     dd    d     dd               dd                              d
            d           d   db      b   bd                 dd                              d
            d           d dd        d dd                   dd                              d
            d           b dbdbd     b                      dd                              d
            d        dddddddddddddddddddddddddddddddddddddddd                              d
            dd dddddd bdddddddddd bddddddddd bdddddddd dddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddddd                              d
            d ddddddddddddddddddddddddddddddddddddd        dd                              d
            d bbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbb bbbb dd                              d
            d                          dddddddddddddd      dd                              d
            d bbbb                                         dd                              d
            d                         dddddddddddddddd     dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd         ddd        ddd         ddddddddddddd
             bbbbbbbbbbb ddddddddd  bbbb dddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """##)
    }

    @Test func aRejectedChunkIsMarkedAtItsReceiverAndPoisonedPeersStayMarked() {
        #expect(Self.coloured(Self.poisoned, step: 1) == #"""
             1. Poisoned · Checked
            ┌─ ◎ seed ◉ peer ↑ up ■ chunk ▸ to ────────────┐┌ step 2/2 ────────────────────┐
            │       files, 4 peers                         ││ Lesson complete. Press → for │
            │           ◎ files↑ ─                         ││ what comes next, or q for    │
            │           │       ╲■╲─■───                   ││ the menu.                    │
            │           │         ╲▸    ╲──                ││                              │
            │   ◉ c4◌   ■           ◉ c1↑  ╲               ││                              │
            │           │         ─■▴     ■╲▾              ││                              │
            │           │       ─╱  │        ◉ mallory☠    ││                              │
            │           │     ─╱    │     ─▸               ││                              │
            │           │   ─╱      │   ─╱                 ││                              │
            │           ▾ ■╱        ■ ■╱                   ││                              │
            │       ◉ c3⊠ ■───▸ ◉ c2☣                      ││                              │
            │          9 of 11 drawn: the rest would cross ││                              │
            └─ ◌ left ⊠ rejected ☠ malicious ☣ poisoned … ─┘│                              │
            ┌ metrics · this swarm ────────────────────────┐│                              │
            │ lost 8 · rejected 1 · corrupt kept 1         ││                              │
            │ files upload   ████████████████████████ 100% ││                              │
            │ from files now █████████▋··············  40% ││                              │
            │ file 3 peers: 0 done, 3 at 81-87%            ││                              │
            │ mallory ████████████████████████········ 75% ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
             ❚❚ paused │ step 2/2 │ t 3.17 s │ ×0.1 auto │ event 119 │ lesson done
             → Enter finish the lesson  ← back  Tab i inspect  e events  ? help  q back


               G      g      C    C

                        GGGGGGGC c
                        c       cCccCccc
                        c         cc    ccc
                        C           ggggC  c
                        c         cCc     Ccc
                        c       cc  c        MMMMMMMMMM
                        c     cc    c     cc
                        c   cc      c   cc
                        c Cc        C Cc
                    ggggY Ccccc ggggR

                      Y          M           R


              RRRRRRRRRRRRRR RRRRRRRRRRRRRRRRRRRRRRRR RRRR
                             cccccccccc

                      cccccccccccccccccccccccc



            """#)
    }

    @Test func aRejectedChunkIsMarkedAtItsReceiverAndPoisonedPeersStayMarkedInPlainText() {
        #expect(Self.plain(Self.poisoned, step: 1) == ##"""
             1. Poisoned - Checked
            +- P seed p peer ; poisoned # chunk -----------++ step 2/2 --------------------+
            |       files, 4 peers                         || Lesson complete. Press Right |
            |           P files^ -                         || for what comes next, or q    |
            |           |       \#\-#---                   || for the menu.                |
            |           |         \-    \--                ||                              |
            |   p c4_   #           p c1^  \               ||                              |
            |           |         -#|     #\\              ||                              |
            |           |       -/  |        p mallory*    ||                              |
            |           |     -/    |     -/               ||                              |
            |           |   -/      |   -/                 ||                              |
            |           | #/        # #/                   ||                              |
            |       p c3< #---- p c2;                      ||                              |
            |          9 of 11 drawn: the rest would cross ||                              |
            +- _ left < rejected * malicious ^ up ... -----+|                              |
            + metrics . this swarm ------------------------+|                              |
            | lost 8 . rejected 1 . corrupt kept 1         ||                              |
            | files upload   ######################## 100% ||                              |
            | from files now ##########..............  40% ||                              |
            | file 3 peers: 0 done, 3 at 81-87%            ||                              |
            | mallory ########################........ 75% ||                              |
            +----------------------------------------------++------------------------------+
             || paused | step 2/2 | t 3.17 s | x0.1 auto | event 119 | lesson done
             Right Enter finish the lesson  Tab i inspect  e events  ? help  q back

            rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr
            dd bddddd  ddddd bddddddddd bdddddd dddddddddddddbbbbbbbbbbddddddddddddddddddddd
            d       dddddddddddddd                         dd bbbbbb bbbbbbbbb       bbbbb d
            d           bbbbbbbb d                         dd                         b    d
            d           d       dbddbddd                   dd                              d
            d           d         dd    ddd                dd                              d
            d   ddddd   b               b  d               dd                              d
            d           d         dbd     bdd              dd                              d
            d           d       dd  d        bbbbbbbbbb    dd                              d
            d           d     dd    d     dd               dd                              d
            d           d   dd      d   dd                 dd                              d
            d           d bd        b bd                   dd                              d
            d           b bdddd     b                      dd                              d
            d         ddddddddddddddddddddddddddddddddddddddd                              d
            dd dddddd bddddddddd bdddddddddd bddddddd ddddddd                              d
            dbbbbbbbbbbbbbbbbbbbbbbdddddddddddddddddddddddddd                              d
            d dddddddddddddddddddddddddddddddddddd         dd                              d
            d bbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbb bbbb dd                              d
            d                          dddddddddddddd      dd                              d
            d bbbb                                         dd                              d
            d                                 dddddddd     dd                              d
            dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
            dbbbbbbbbbddd        ddd        ddd         ddd         ddd           dddddddddd
             bbbbbbbbbbb ddddddddddddddddd  bbbbb ddddddd  b dddddd  b dddd  b dddd
            """##)
    }

}

/// The legend names exactly what the stage shows, across the whole course; marks that
/// last a moment are a function of the moment; who sends now can be seen.
@Suite struct LegendTests {
    /// Every glyph the symbol table draws, in Unicode.
    static let symbolGlyphs: Set<Character> = Set(StageSymbol.all.map(Theme(.full).glyph))

    /// The symbol glyphs drawn inside the stage (read back from its cells), and the glyphs
    /// its legend explains (built from what the renderer recorded as it drew), with the
    /// icons the legend leaves to the names beside them; nil when a grid shows messages
    /// as colours only (checked separately).
    static func drawnAndExplained(_ drawing: CourseWalk.DrawnStage) -> (drawn: Set<Character>, explained: Set<Character>) {
        let (stage, canvas, scene, hits) = (drawing.rect, drawing.canvas, drawing.scene, drawing.hits)
        let theme = Theme(.full)
        var drawn: Set<Character> = []
        var heavy = false
        let captions = hits.placement.captions.map(\.frame)
        for y in stage.y..<stage.maxY {
            for x in stage.x..<stage.maxX where !captions.contains(where: { $0.contains(x: x, y: y) }) {
                if let glyph = canvas[x, y].text.first, symbolGlyphs.contains(glyph) { drawn.insert(glyph) }
                // Any arrowhead is the legend's one "▸" entry.
                if StageRenderer.arrowheads.contains(canvas[x, y].text) { drawn.insert("▸") }
                if canvas[x, y].text == String(theme.glyphs.heavy.topLeft) { heavy = true }
            }
        }
        var explained = Set(hits.legend.all.compactMap(\.glyphs.first).filter { symbolGlyphs.contains($0) || $0 == "▸" })
        // An icon is left to the names when every node drawn with it says what it is (a
        // marked node keeps its icon, the mark beside it).
        let placed = scene.nodes.filter { hits.placement.frames[$0.id] != nil && !(hits.placement.frames[$0.id]?.width == 1 && !$0.marks.isEmpty) }
        for node in placed {
            let symbol: StageSymbol = node.swarmRole == .seed ? .seed : .role(node.swarmRole == .peer ? .peer : node.role)
            let glyph = theme.glyph(symbol)
            let named = placed.filter { theme.glyph($0.swarmRole == .seed ? .seed : .role($0.swarmRole == .peer ? .peer : $0.role)) == glyph }
            if drawn.contains(glyph), named.allSatisfy({ $0.name.lowercased().contains(SymbolLook.of(symbol).word) }) { explained.insert(glyph) }
        }
        #expect(heavy == hits.legend.cast.contains { $0.title == "watch this" }, "a heavy box is explained, and only then")
        if hits.placement.form == .dot {
            // A grid's lightest shade is the control glyph's dot; its messages are colours.
            drawn.remove(theme.glyph(.control))
            explained.subtract(MessageKind.allCases.map { theme.glyph($0) })
            explained.formUnion(drawn.intersection(MessageKind.allCases.map { theme.glyph($0) }))
        }
        return (drawn, explained)
    }

    /// Each step of each lesson played as a learner would at each size
    /// (`CourseWalk.played`), looked at three times while each play runs and at each stop.
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func theLegendListsExactlyTheGlyphsOnTheStage(id: String) throws {
        for size in CourseWalk.sizes {
            for look in CourseWalk.played(id, at: size) {
                let (drawn, explained) = Self.drawnAndExplained(look.stage)
                #expect(drawn == explained, "\(look.name) at \(size)")
            }
        }
    }

    @Test func everyAsciiGlyphMeansOneThingAndIsNoLineOrBorder() {
        let theme = Theme(.plain)
        let symbols = StageSymbol.all.filter { $0 != .message(.refused) }
        let glyphs = symbols.map(theme.glyph)
        #expect(Set(glyphs).count == glyphs.count, "\(glyphs)")
        #expect(theme.glyph(.refused) == theme.glyph(.mark(.refused)), "a refused answer and a refused client are one legend entry")
        let ascii = GlyphSet.ascii
        let drawing: Set<Character> = [ascii.light, ascii.heavy, ascii.double].reduce(into: [ascii.rising, ascii.falling]) { set, border in
            set.formUnion([border.horizontal, border.vertical, border.topLeft, border.topRight, border.bottomLeft, border.bottomRight])
        }
        #expect(drawing.isDisjoint(with: glyphs.filter { $0 != theme.glyph(.chunk) }), "a chunk's # was a heavy corner before the marks came")
        #expect(Set(StageMark.allCases.map { SymbolLook.of(.mark($0)).word }).count == StageMark.allCases.count)
    }

    /// One table says everything about a mark: the inspector of a marked node names it in
    /// the legend's word and explains it with the table's own sentence.
    @Test func theInspectorExplainsEveryMarkFromTheSymbolTable() {
        for mark in StageMark.allCases {
            let look = SymbolLook.of(.mark(mark))
            let meaning = look.meaning ?? ""
            #expect(!meaning.isEmpty, "\(mark) has a sentence for the inspector")
            var view = InspectView(title: "n", facts: [], explanation: "")
            view.explain([mark])
            #expect(view.facts.map(\.value) == [look.word])
            #expect(view.explanation == " **\(look.word)**: \(meaning).")
        }
    }

    /// The server's drop mark lasts while the backlog that caused it is worked off, and
    /// the same moment, reached again by stepping back, shows it again.
    @Test func aDropIsMarkedForAMomentOfSimulatedTimeAndBackAgainAfterAStepBack() throws {
        var state = StageMarkTests.played(StageMarkTests.troublesInOneStep, step: 0)
        guard case .pause = state.lesson?.stage.driver.runner.pending else {
            Issue.record("the step pauses at the drop")
            return
        }
        send(&state, .key(.right))
        let atDrop = screen(state)
        #expect(atDrop.contains("▦ server⊗"))
        var steps = 0
        while screen(state).contains("▦ server⊗"), steps < 50 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            steps += 1
        }
        let session = try #require(state.lesson?.stage)
        let server = try #require(session.shown.simulation.network.id(named: "server"))
        let config = session.shown.simulation.network.nodes[server.rawValue]
        #expect(session.clock > config.serviceTime * SimTime(config.queueLimit + 1), "the mark outlived the drop by the backlog's time")
        #expect(!screen(state).contains("⊗ dropped"), "the legend lets go of it too")
        for _ in 0..<steps { send(&state, .key(.left)) }
        // The stage and the metrics are the moment itself (the narration beside them says
        // whether the pause is still to be gone past; the status line what a press undid).
        let moment = { (text: String) in text.split(separator: "\n").filter { !$0.contains("❚❚") }.dropLast().map { $0.prefix(48) } }
        #expect(moment(screen(state)) == moment(atDrop))
    }

    /// At the start of a swarm only the seed sends; soon the peers send most of it, and
    /// the stage and the metrics panel both show it.
    @Test func whoSendsNowIsMarkedOnTheStageAndTheSeedsShareIsMetered() throws {
        var state = AppState(lessons: [StageMarkTests.poisoned], start: .lesson(id: "test-poisoned", step: 0))
        var early = screen(state)
        while !early.contains("from files now"), state.lesson!.stage.shown.simulation.eventCount < 200 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            early = screen(state)
        }
        #expect(early.contains("from files now █████████████████████████ 100%") || early.contains("100%"))
        let senders = state.lesson!.stage.scene.nodes.filter { $0.sending > 0 }.map(\.name)
        #expect(senders == ["files"], "at first only the seed sends")
        #expect(early.contains("↑ sending"))
        let later = screen(StageMarkTests.played(StageMarkTests.poisoned, step: 0))
        let share = try #require(later.split(separator: "\n").first { $0.contains("from files now") })
        #expect(!share.contains("100%"), "the peers took over most of the sending: \(share)")
        #expect(later.contains("◉ c1"), "a client fetching a swarm is drawn as a peer")
    }

    /// cdn's crowd at its edges: each edge shows ↺ while it fetches what it missed and ✓
    /// for a moment after each hit, at the edge itself, and the legend names both.
    @Test func aCachesMissesAndHitsAreMarkedAtTheCacheForAMoment() throws {
        var state = try StageLegibilityTests.state("cdn", step: 2, keys: [.character("2")])
        var seen: Set<StageMark> = [], named: Set<String> = []
        for _ in 0..<60 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            let scene = try #require(state.lesson?.stage.scene)
            for node in scene.nodes {
                let marks = Set(node.marks).intersection([.hit, .miss])
                #expect(marks.isEmpty || node.role == .cache, "\(node.name) is no cache")
                seen.formUnion(marks)
            }
            let text = screen(state, width: 100, height: 30)
            if text.contains("edge1✓") || text.contains("edge2✓") { named.insert(text.contains("✓ hit") ? "hit" : "unnamed hit") }
            if text.contains("edge1↺") || text.contains("edge2↺") { named.insert(text.contains("↺ miss: fetching") ? "miss" : "unnamed miss") }
        }
        #expect(seen == [.hit, .miss])
        #expect(named == ["hit", "miss"], "every mark drawn is named in the legend")
        let scene = try #require(state.lesson?.stage.scene)
        #expect(scene.nodes.allSatisfy { $0.marks.isEmpty || !$0.marks.contains(.miss) }, "once the copies are in, no edge is fetching")
    }

    /// resilience's x: three peers leave in the middle of the swarm. They stay where they
    /// were, marked left (not down), and each leaving is a row of the event list.
    @Test func peersThatLeaveAreMarkedLeftWithARowEach() throws {
        var state = try StageLegibilityTests.state("resilience", step: 3, keys: [.character("2"), .right])
        func asking() -> Bool { if case .ask? = state.lesson?.stage.driver.runner.pending { true } else { false } }
        for _ in 0..<10 where !asking() {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        }
        send(&state, .key(.character("x")))
        let session = try #require(state.lesson?.stage)
        let gone = session.scene.nodes.filter { ["c2", "c5", "c7"].contains($0.name) }
        #expect(gone.count == 3 && gone.allSatisfy { $0.marks == [.left] }, "\(gone.map(\.marks))")
        let text = screen(state, width: 100, height: 30)
        #expect(text.contains("◉ c2◌") && text.contains("◌ left") && !text.contains("✕ down"))
        for _ in 0..<3 {
            send(&state, .key(.right))
            while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        }
        let rows = try #require(state.lesson?.stage.shownReports).filter { $0.kind == .left }.map(\.summary)
        #expect(rows == ["c2 left the network", "c5 left the network", "c7 left the network"])
        #expect(EventListPanel.verb(.left) == "left")
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

/// What fresh-eyes play-testers could not see in the bundled lessons, each on the stage
/// at the step whose narration speaks of it, and named in the legend.
@Suite struct LessonMarkTests {
    /// The stage drawn at a size: its cells' text, and its legend's entries as glyphs and
    /// whole title ("⊠ rejected"), however the border shortens them.
    static func drawn(_ state: AppState, width: Int = 80, height: Int = 24) -> (text: String, legend: [String], scene: Scene) {
        let rect = ScreenLayout(width: width, height: height, presenting: false).stage.inset(by: 1)
        var canvas = Canvas(width: width, height: height)
        let scene = state.lesson!.stage.scene
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: rect)
        return (canvas.text, hits.legend.all.map { $0.glyphs + " " + $0.title }, scene)
    }

    static let sizes = [(80, 24), (100, 30)]

    static func node(_ name: String, in state: AppState) throws -> SceneNode {
        try #require(state.lesson?.stage.scene.nodes.first { $0.name == name })
    }

    /// cs-control, "No way around the centre": ben asks ana, with no line between them.
    /// His request never leaves him (no request drawn anywhere), he is marked `no link`
    /// from the moment he asks, then `gave up` too, and the lesson points at him.
    @Test func aRequestWithNoLinkNeverLeavesItsSenderWhoIsMarked() throws {
        var state = try StageLegibilityTests.state("cs-control", step: 5)
        TestLessons.playStep(&state) { state in
            guard let ben = try? Self.node("ben", in: state) else { return }
            for (width, height) in Self.sizes {
                let (text, legend, _) = Self.drawn(state, width: width, height: height)
                #expect(!text.contains("●"), "no request travels from ben at \(width)x\(height)")
                #expect(ben.marks.contains(.noLink), "ben is marked from the moment he asks: \(ben.marks)")
                #expect(legend.contains("⊣ no link: not sent"))
            }
        }
        let ben = try Self.node("ben", in: state)
        #expect(ben.marks.contains(.noLink) && ben.marks.contains(.gaveUp), "\(ben.marks)")
        #expect(ben.isHighlighted, "the narration is about ben")
        let (text, legend, _) = Self.drawn(state)
        #expect(text.contains("⊣ ∅"))
        #expect(legend.contains("⊣ no link: not sent") && legend.contains("∅ gave up"))
    }

    /// hybrids, "A call between two homes" and "Lose the supernode": the connected call
    /// is drawn along its legs through its relay, which is marked; once sn1 is down the
    /// second call goes through sn2 and only it is drawn.
    @Test func aConnectedCallIsDrawnThroughItsMarkedRelay() throws {
        var state = try StageLegibilityTests.state("hybrids", step: 3)
        TestLessons.playStep(&state) { _ in }
        var scene = try #require(state.lesson?.stage.scene)
        let id = { (name: String) in scene.nodes.first { $0.name == name }!.id }
        #expect(scene.calls == [SceneCall(caller: id("alice"), relay: id("sn1"), callee: id("bob"))])
        #expect(try Self.node("sn1", in: state).marks == [.relay])
        for (width, height) in Self.sizes {
            let (text, legend, _) = Self.drawn(state, width: width, height: height)
            #expect(text.contains("sn1⇄"), "\(width)x\(height)")
            #expect(text.count { $0 == "≈" } >= 4, "the call's packets along both legs at \(width)x\(height)")
            #expect(legend.contains("⇄ relay") && legend.contains("≈ call"))
        }
        state = try StageLegibilityTests.state("hybrids", step: 4)
        TestLessons.playStep(&state) { _ in }
        scene = try #require(state.lesson?.stage.scene)
        #expect(scene.calls == [SceneCall(caller: id("alice"), relay: id("sn2"), callee: id("bob"))], "the call through sn1 ended with it")
        #expect(try Self.node("sn2", in: state).marks == [.relay])
        #expect(try Self.node("sn1", in: state).marks == [.down])
    }

    /// p2p-security: each honest peer that threw a chunk away stays marked `rejected`
    /// for the rest of the swarm, in the next step too; the marks add up to the metrics'
    /// count, and a step back and forth shows them again.
    @Test func rejectedChunksStayMarkedAtTheirReceiversForTheSwarm() throws {
        var state = try StageLegibilityTests.state("p2p-security", step: 3)
        TestLessons.playStep(&state) { _ in }
        let simulation = try #require(state.lesson?.stage.shown.simulation)
        var scene = try #require(state.lesson?.stage.scene)
        let rejecting = scene.nodes.filter { $0.rejectedChunks > 0 }
        #expect(rejecting.count >= 2)
        #expect(rejecting.map(\.rejectedChunks).reduce(0, +) == simulation.metrics.corruptRejected)
        #expect(rejecting.allSatisfy { $0.marks.contains(.rejected) })
        #expect(scene.nodes.filter { $0.marks.contains(.rejected) }.count == rejecting.count)
        let atEnd = scene.nodes.map(\.marks)
        send(&state, .key(.left))
        send(&state, .key(.right))
        while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
        #expect(try #require(state.lesson?.stage.scene).nodes.map(\.marks) == atEnd, "the same moment, the same marks")
        state = try StageLegibilityTests.state("p2p-security", step: 4)
        scene = try #require(state.lesson?.stage.scene)
        #expect(scene.nodes.filter { $0.marks.contains(.rejected) }.map(\.name) == rejecting.map(\.name), "still marked in the next step")
        for (width, height) in Self.sizes {
            #expect(Self.drawn(state, width: width, height: height).legend.contains("⊠ rejected"), "\(width)x\(height)")
        }
    }

    /// A node that rejected several chunks says how many, beside its mark, and the
    /// legend says what the number is.
    @Test func aRejectedCountIsDrawnBesideTheMarkAndNamed() {
        let scene = Scene(nodes: [
            SceneNode(id: 0, name: "seed", role: .peer, swarmRole: .seed),
            SceneNode(id: 1, name: "p1", role: .peer, marks: [.rejected], swarmRole: .peer, rejectedChunks: 3),
            SceneNode(id: 2, name: "p2", role: .peer, swarmRole: .peer),
        ], layout: .mesh)
        var canvas = Canvas(width: 60, height: 16)
        let hits = StageRenderer(scene: scene, theme: Theme(.full)).draw(into: &canvas, rect: Rect(x: 0, y: 0, width: 60, height: 16))
        #expect(canvas.text.contains("⊠3"))
        #expect(hits.legend.all.map { $0.glyphs + " " + $0.title }.contains("⊠3 rejected 3 chunks"))
    }

    /// choosing, "Publishing where servers get switched off": the readers who gave up on
    /// the seized server keep their mark while they fetch the news from the swarm, and
    /// lose it once they hold it, as the narration says.
    @Test func clientsThatGaveUpStayMarkedUntilTheSwarmGivesThemTheFile() throws {
        var state = try StageLegibilityTests.state("choosing", step: 5)
        var markedInSwarm = false
        TestLessons.playStep(&state) { state in
            guard let s1 = try? Self.node("s1", in: state), s1.swarmRole == .peer, s1.share.map({ $0 < 1 }) == true else { return }
            #expect(s1.marks.contains(.gaveUp), "s1 joined the swarm but has not the news yet: \(s1.marks)")
            markedInSwarm = true
            #expect(Self.drawn(state).legend.contains("∅ gave up"))
        }
        #expect(markedInSwarm)
        for name in ["s1", "s2", "s3"] { #expect(try !Self.node(name, in: state).marks.contains(.gaveUp), "\(name) holds the news now") }
    }

    /// cdn, "The origin fails": w1 gave up on the new episode, while its later requests
    /// for the video were answered; the stage marks it at the step's end.
    @Test func aClientThatGaveUpAmongAnsweredRequestsIsMarked() throws {
        var state = try StageLegibilityTests.state("cdn", step: 3)
        TestLessons.playStep(&state) { _ in }
        #expect(try Self.node("w1", in: state).marks.contains(.gaveUp))
        for (width, height) in Self.sizes {
            let (text, legend, _) = Self.drawn(state, width: width, height: height)
            #expect(text.contains("w1∅") && legend.contains("∅ gave up"), "\(width)x\(height)")
        }
    }

    /// Paths that reach one receiver side by side share one arrowhead: no two heads
    /// touch ("▾▾" read as two arrows to two places), in the busiest swarms of the course.
    @Test(arguments: [("choosing", 5), ("p2p-security", 3), ("p2p-swarm", 1)])
    func pathsEndingSideBySideShareOneArrowhead(id: String, step: Int) throws {
        var state = try StageLegibilityTests.state(id, step: step)
        TestLessons.playStep(&state) { state in
            for (width, height) in Self.sizes {
                let rows = Self.drawn(state, width: width, height: height).text.split(separator: "\n").map { Array($0) }
                var heads: [(x: Int, y: Int)] = []
                for (y, row) in rows.enumerated() {
                    for (x, cell) in row.enumerated() where "▸◂▾▴".contains(cell) { heads.append((x, y)) }
                }
                for (index, one) in heads.enumerated() {
                    for other in heads[(index + 1)...] {
                        #expect(max(abs(one.x - other.x), abs(one.y - other.y)) > 1, "\(id) at \(width)x\(height): heads touch at \(one), \(other)")
                    }
                }
            }
        }
    }
}
