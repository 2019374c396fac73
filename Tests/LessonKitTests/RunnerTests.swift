import NetSim
import Testing
@testable import LessonKit

/// The runner's navigation is deterministic: however a learner reaches a state, it is the
/// same state. Checked on the lessons this suite's authors wrote (they use every kind of
/// wait and interaction) so the suite stays fast as the course grows; every bundled lesson
/// is played to its end by TranscriptTests.
@Suite struct RunnerTests {
    static let lessons = ((try? Fixtures.course().lessons) ?? []).filter { ["cs-basics", "cs-bottleneck", "p2p-swarm"].contains($0.id) }

    @Test func theNavigationLessonsAreThere() {
        #expect(Self.lessons.count == 3)
    }

    @Test func aParagraphAfterAWaitKeepsTheValuesOfThatMoment() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "cs-bottleneck" })
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: 1)
        while case .running = runner.pending { runner.stepEvent() }
        let atPause = try #require(runner.shownNarration.last)
        let liveValues = atPause.paragraph.spans.compactMap { if case let .live(value, _) = $0 { value } else { nil } }
        let queueIndex = try #require(liveValues.firstIndex { $0.source == "server.queue" })
        let liveValue = liveValues[queueIndex]
        #expect(atPause.frozen?[queueIndex] == runner.reading(liveValue))
        #expect(atPause.frozen?[queueIndex].text == "5")

        runner.finishStep()
        #expect(runner.reading(liveValue).text == "0", "the queue has emptied since")
        let atEnd = try #require(runner.shownNarration.first { $0.paragraph == atPause.paragraph })
        #expect(atEnd.frozen?[queueIndex].text == "5")
        #expect(runner.shownNarration.first?.frozen == nil, "the step's opening paragraph reads its values live")
    }

    @Test(arguments: lessons.map(\.id))
    func aStepReachedByAnyPathIsTheSameState(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        for target in lesson.steps.indices {
            var jumped = LessonRunner(lesson: lesson)
            jumped.jump(to: target)

            var walked = LessonRunner(lesson: lesson)
            for _ in 0..<target { walked.nextStep() }

            var backwards = LessonRunner(lesson: lesson)
            backwards.jump(to: lesson.steps.count - 1)
            backwards.finishStep()
            backwards.jump(to: lesson.steps.count - 1)
            while backwards.stepIndex > target { backwards.previousStep() }

            var played = LessonRunner(lesson: lesson)
            for _ in 0..<target {
                played.finishStep()
                played.nextStep()
            }

            var wandered = LessonRunner(lesson: lesson)
            wandered.jump(to: target)
            for _ in 0..<7 { wandered.stepEvent() }
            wandered.resolveInteraction()
            wandered.stepEvent()
            wandered.restart()
            wandered.jump(to: target)

            for other in [walked, played, backwards, wandered] {
                #expect(other.stepIndex == target)
                #expect(other.simulation == jumped.simulation)
                #expect(other.simulation.traceHash == jumped.simulation.traceHash)
                #expect(other.pending == jumped.pending)
                #expect(other.highlightedNodes == jumped.highlightedNodes)
            }
        }
    }

    /// Going back over an event keeps the learner's answers made before it.
    @Test(arguments: lessons.map(\.id))
    func steppingBackOneEventUndoesExactlyThatEvent(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        for index in lesson.steps.indices {
            var runner = LessonRunner(lesson: lesson)
            runner.jump(to: index)
            var states: [Simulation] = [runner.simulation]
            var positions: [Int] = [runner.scriptPosition]
            for _ in 0..<40 {
                if case .running = runner.pending {
                    runner.stepEvent()
                } else if runner.pending == .done {
                    break
                } else {
                    runner.resolveInteraction()
                    states[states.count - 1] = runner.simulation
                    positions[positions.count - 1] = runner.scriptPosition
                    continue
                }
                states.append(runner.simulation)
                positions.append(runner.scriptPosition)
            }
            while states.count > 1 {
                states.removeLast()
                positions.removeLast()
                let wentBack = runner.stepEventBack()
                #expect(wentBack)
                #expect(runner.simulation == states.last!)
                #expect(runner.scriptPosition >= positions.last!)
            }
            let wentBeforeTheStart = runner.stepEventBack()
            #expect(!wentBeforeTheStart)
        }
    }

    @Test(arguments: lessons.map(\.id))
    func seekingWithinAStepMatchesSteppingBack(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        for index in lesson.steps.indices {
            var forward = LessonRunner(lesson: lesson)
            forward.jump(to: index)
            var states: [Simulation] = []
            while case .running = forward.pending, states.count < 30 {
                forward.stepEvent()
                states.append(forward.simulation)
            }
            for target in stride(from: states.count - 1, through: 1, by: -3) {
                var seeking = forward
                seeking.seekInStep(toEvent: target)
                #expect(seeking.simulation == states[target - 1])
                #expect(seeking.eventsInStep == target)
            }
        }
    }

    @Test func resetStepReturnsToTheStepsStart() throws {
        let lesson = try #require(Self.lessons.first)
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: 1)
        let start = runner.simulation
        runner.finishStep()
        #expect(runner.simulation != start)
        runner.resetStep()
        #expect(runner.simulation == start)
        #expect(runner.eventsInStep == 0)
    }

    @Test func anAskWaitsForTheLearnerAndThenActs() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "cs-basics" })
        let askStep = try #require(lesson.steps.firstIndex { $0.script.contains { if case .ask = $0.kind { true } else { false } } })
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: askStep)
        while case .quiz = runner.pending { runner.resolveInteraction() }
        guard case let .ask(ask) = runner.pending else {
            Issue.record("the step stops at its ask")
            return
        }
        let event = runner.stepEvent()
        #expect(event == nil)
        let server = try #require(runner.simulation.network.id(named: "server"))
        #expect(runner.simulation.node(server).isUp)
        #expect(ask.key == "k")
        runner.resolveInteraction()
        #expect(!runner.simulation.node(server).isUp)
    }
}

@Suite struct HighlightTests {
    @Test func aStepsHighlightReplacesThoseOfEarlierStepsAndAddsUpWithinAStep() throws {
        let source = """
            ---
            id: h
            title: H
            summary: Highlights.
            essay: [2]
            network:
              nodes:
                web: { role: server }
                mail: { role: server }
                db: { role: server }
            ---

            ## One

            ```sim
            - highlight: web
            ```

            ## Two

            ```sim
            - highlight: mail
            - highlight: db
            ```

            ## Three

            Nothing new to look at.
            """
        let lesson = try #require(LessonLoader.load(source: source, path: "h.md").lesson)
        var runner = LessonRunner(lesson: lesson)
        #expect(runner.highlightedNodes == ["web"])
        runner.nextStep()
        #expect(runner.highlightedNodes == ["mail", "db"])
        runner.nextStep()
        #expect(runner.highlightedNodes == ["mail", "db"], "a step that points at nothing keeps what was pointed at")
    }
}
