import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// The keymap is the one place keys are defined: help, key bars and the keys an ask may
/// not take all agree with it.
@Suite struct KeymapTests {
    private static let contexts: [(String, AppState)] = [
        ("menu", AppState(lessons: TestLessons.course)),
        ("lesson", AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))),
        ("presenting", AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0), presenting: true)),
        ("sandbox", AppState(lessons: [], start: .sandbox(.swarm, nodes: 4))),
    ]

    @Test func helpListsEveryKeyTheScreenAnswers() {
        for (name, state) in Self.contexts {
            let listed = HelpPanel.sections(places: state.screenPlaces, presenting: state.presentingLesson, leaving: state.leaveHint, unicode: true)
                .flatMap(\.1).map(\.keys).joined(separator: " ")
            for binding in Keymap.bindings(in: state.screenPlaces, presenting: state.presentingLesson) {
                #expect(listed.contains(binding.keyNames(unicode: true)), "\(name): help leaves out \(binding.keyNames(unicode: true))")
            }
        }
    }

    @Test func everyKeyOnAKeyBarDoesWhatTheBarSays() {
        for (name, state) in Self.contexts where state.lesson != nil || state.sandbox != nil {
            let hints = state.lesson.map { state.lessonView($0, theme: Theme(.full)).hints }
                ?? state.sandbox.map { state.sandboxView($0, theme: Theme(.full)).hints } ?? []
            let bound = Set(Keymap.bindings(in: state.screenPlaces, presenting: state.presentingLesson).flatMap(\.keys).map { $0.name(unicode: true) })
            for hint in hints where hint.keys != "?" && !hint.keys.hasPrefix("1-") && hint.keys != "Space" {
                for key in hint.keyNames {
                    #expect(bound.contains(key), "\(name): the key bar names \(key), which the keymap does not bind there")
                }
            }
        }
    }

    @Test func theKeysAnAskMayNotTakeAreTheLessonScreensKeys() {
        let lessonKeys = Keymap.bindings(in: [.presenting, .lesson, .stage]).flatMap(\.keys).compactMap { key -> Character? in
            if case let .character(c) = key, c.isLetter || c.isNumber { return c }
            return nil
        }
        for key in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" {
            #expect((ScreenKeys.use(of: key) != nil) == lessonKeys.contains(key), "\(key)")
        }
    }

    @Test(arguments: [80, 100])
    func theKeyBarKeepsInspectAndEventsAt(width: Int) {
        for (name, state) in Self.contexts where (state.lesson != nil || state.sandbox != nil) && !state.presenting {
            let hintLine = screen(state, width: width, height: 24).split(separator: "\n").last.map(String.init) ?? ""
            #expect(hintLine.contains("Tab i inspect") && hintLine.contains("e events"), "\(name): \(hintLine)")
        }
    }
}

/// The event list finds events by what is typed, and Enter shows the stage at one.
@Suite struct EventSearchTests {
    private func type(_ text: String, into state: inout AppState) {
        for c in text { send(&state, .key(.character(c))) }
    }

    /// The swarm of p2p-security's second step played to its end.
    private func poisonedSwarm() throws -> AppState {
        try TestLessons.playedToStepEnd("p2p-security", step: 1)
    }

    @Test func anHonestPeerForwardingACorruptChunkIsAFewKeysAway() throws {
        var state = try poisonedSwarm()
        let total = state.shownReports.count
        #expect(total > 100)
        var keys = 0
        send(&state, .key(.character("e"))); keys += 1
        type("/corrupt sent", into: &state); keys += 1
        send(&state, .key(.enter)); keys += 1
        let panel = try #require(state.overlay as? EventListPanel)
        #expect(!panel.matches.isEmpty)
        let reports = Array(state.shownReports)
        // Every match is a corrupt chunk being sent.
        for match in panel.matches {
            #expect(reports[match].kind == .transmitted && reports[match].message?.kind == .corruptChunk)
        }
        let simulation = try #require(state.lesson?.stage.shown.simulation)
        func sender(_ index: Int) -> String { simulation.node(reports[index].message!.from).config.name }
        var selected = try #require((state.overlay as? EventListPanel)?.selected)
        let start = selected
        // The honest peers forward what they caught late in the run: N goes round to it.
        while sender(selected) == "mallory" {
            send(&state, .key(.character("N"))); keys += 1
            selected = try #require((state.overlay as? EventListPanel)?.selected)
            if selected == start { break }
        }
        #expect(sender(selected) != "mallory", "no honest peer forwarded a corrupt chunk")
        #expect(keys <= 13, "it took \(keys) keys (one of them N, round from the first match to the latest)")
        // n and N go from match to match.
        send(&state, .key(.character("n")))
        let next = try #require((state.overlay as? EventListPanel)?.selected)
        #expect(panel.matches.contains(next))
    }

    @Test func enterShowsTheStageExactlyAsSteppingThereWould() throws {
        var state = try poisonedSwarm()
        let firstOfStep = try #require(state.lesson?.runner).timeline.reports.count - (state.lesson?.runner.eventsInStep ?? 0)
        let target = firstOfStep + 40
        send(&state, .key(.character("e")), .key(.home))
        // Home lists the first event of the run; move down to the target.
        for _ in 0..<(target - 1) { send(&state, .key(.down)) }
        #expect((state.overlay as? EventListPanel)?.selected == target - 1)
        send(&state, .key(.enter))
        #expect(state.overlay == nil)
        let seeked = try #require(state.lesson?.stage)
        #expect(seeked.shown.simulation.eventCount == target)

        // The same lesson stepped there one event at a time.
        var fresh = AppState(lessons: [seeked.driver.runner.lesson], start: .lesson(id: "p2p-security", step: 1))
        while let count = fresh.lesson?.stage.driver.simulation.eventCount, count < target {
            _ = fresh.lesson?.stage.driver.stepForward()
        }
        fresh.lesson?.stage.settle()
        let stepped = try #require(fresh.lesson)
        #expect(stepped.stage.shown.simulation.now == seeked.shown.simulation.now)
        #expect(stepped.stage.clock == seeked.clock)
        let stage = ScreenLayout(width: 80, height: 24, presenting: false).stage
        func stageRows(_ state: AppState) -> [Substring] { screen(state).split(separator: "\n")[stage.y..<stage.maxY].map { $0.prefix(stage.width) } }
        #expect(stageRows(fresh) == stageRows(state))
    }

    @Test func aSearchListsOnlyTheMatchesAndSaysHowMany() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("r")))
        for _ in 0..<12 { send(&state, .key(.right)) }
        send(&state, .key(.character("e")), .key(.character("/")))
        type("c2", into: &state)
        let text = screen(state)
        let panel = state.overlay as? EventListPanel
        #expect(text.contains("“c2” match 1 of \(panel?.matches.count ?? 0) ("))
        #expect(!text.contains("c1 → server"))
        #expect(text.contains("c2 → server"))
    }

    @Test func aSearchGoesToTheFirstMatchAfterTheSelectionWrappingRound() throws {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("r")))
        for _ in 0..<30 { send(&state, .key(.right)) }
        // Opened on the latest event, a search finds the first match of all.
        send(&state, .key(.character("e")), .key(.character("/")))
        type("arrived", into: &state)
        send(&state, .key(.enter))
        var panel = try #require(state.overlay as? EventListPanel)
        try #require(panel.matches.count > 2)
        #expect(panel.selected == panel.matches.first)
        #expect(screen(state).contains("match 1 of \(panel.matches.count)"))
        send(&state, .key(.character("N")))
        #expect((state.overlay as? EventListPanel)?.selected == panel.matches.last, "N wraps round from the first match to the last")
        send(&state, .key(.character("n")), .key(.character("n")), .key(.character("n")))
        #expect((state.overlay as? EventListPanel)?.selected == panel.matches[2])
        #expect(screen(state).contains("match 3 of \(panel.matches.count)"))
        // A new search starts after the event selected, not from the top.
        send(&state, .key(.character("/")))
        type("arrived", into: &state)
        panel = try #require(state.overlay as? EventListPanel)
        #expect(panel.selected == panel.matches.dropFirst(3).first ?? panel.matches[0], "the match after the third")
    }

    @Test func rowsKeepTheirVerbAt80Columns() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
        send(&state, .key(.character("r")))
        // → covers a twentieth of what the requests set going: on to the first answers.
        for _ in 0..<30 { send(&state, .key(.right)) }
        send(&state, .key(.character("e")))
        let text = screen(state)
        #expect(text.contains("done sending c1 → server"))
        #expect(text.contains("arrived"))
    }
}

/// The sandbox changes model without quitting.
@Suite struct SandboxRecoveryTests {
    @Test func numberKeysSwitchTheModel() {
        var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 4))
        send(&state, .key(.character("r")), .key(.right))
        send(&state, .key(.character("3")))
        #expect(state.sandbox?.model == .swarm)
        #expect(state.sandbox?.stage.driver.simulation.eventCount == 0)
        #expect(state.sandbox?.memberCount == 4)
        #expect(screen(state).contains("swarm"))
        send(&state, .key(.character("2")))
        #expect(state.sandbox?.model == .p2p)
        send(&state, .key(.character("1")))
        #expect(state.sandbox?.model == .clientServer)
    }
}
