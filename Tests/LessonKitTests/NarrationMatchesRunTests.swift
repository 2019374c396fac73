import NetSim
import Testing
@testable import LessonKit

/// Narration that describes what the engine does: a student who goes looking for what
/// the text promises (in the event list, on the stage) finds it in the run.
@Suite struct NarrationMatchesRunTests {
    static let lessons = (try? Fixtures.course().lessons) ?? []

    /// Plays the lesson's first `steps` steps event by event, as a learner pressing → does,
    /// and returns every event that happened.
    static func events(of lesson: Lesson, steps: Int) -> [StepReport] {
        var runner = LessonRunner(lesson: lesson)
        var reports: [StepReport] = []
        for step in 0..<steps {
            playing: while true {
                switch runner.pending {
                case .running:
                    if let report = runner.stepEvent() { reports.append(report) }
                case .ask, .pause, .quiz:
                    runner.resolveInteraction()
                case .done:
                    break playing
                }
            }
            if step < steps - 1 { runner.nextStep() }
        }
        return reports
    }

    static func narration(of step: LessonStep) -> String {
        let paragraphs = step.narration.map { paragraph in
            paragraph.spans.map { span -> String in
                if case let .text(text, _) = span { text } else { "{}" }
            }.joined()
        }
        let pauses = step.script.compactMap { item -> String? in
            if case let .pause(text) = item.kind { text } else { nil }
        }
        return (paragraphs + pauses).joined(separator: "\n")
    }

    /// The hybrids lesson sends the learner to the event list for the swarm's re-choices,
    /// "one every two seconds": the download must last long enough to show several, two
    /// seconds apart, and the text must give the period the swarm really uses.
    @Test func theHybridSwarmReChoosesEveryTwoSecondsAsItsNarrationSays() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "hybrids" })
        let fairness = try #require(lesson.steps.firstIndex { $0.title == "How a swarm stays fair" })
        let reports = Self.events(of: lesson, steps: fairness)
        let rechokes = reports.filter { $0.kind == .rechoked }.map(\.time)
        let lastDone = try #require(reports.last { $0.kind == .completed }?.time)

        #expect(rechokes.count >= 5, "several rounds to find in the event list, not \(rechokes.count)")
        #expect(rechokes.first == 2_000_000)
        #expect(zip(rechokes, rechokes.dropFirst()).allSatisfy { $1 - $0 == 2_000_000 })
        #expect(rechokes.count == Int(lastDone / 2_000_000), "one every two seconds until the last peer had the file")

        let text = Self.narration(of: lesson.steps[fairness])
        #expect(text.contains("every two seconds"))
        #expect(text.contains("one every two seconds"))
    }

    /// p2p-swarm says that after the start "the seed sent only about a quarter of what
    /// was moving" for most of the run: the share the metrics panel's "from seed now"
    /// gauge reads, weighted by how long it reads it. (At the moment the first peer has
    /// every piece nothing is being sent, so the gauge cannot be quoted as "now".)
    @Test func theSeedSentAboutAQuarterForMostOfTheSwarmsRun() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "p2p-swarm" })
        let step = try #require(lesson.steps.firstIndex { $0.title == "A swarm shares the work" })
        #expect(Self.narration(of: lesson.steps[step]).contains("for most of the run after that, the seed sent only about a quarter"))
        var runner = LessonRunner(lesson: lesson)
        runner.jump(to: step)
        var sending: SimTime = 0, aboutAQuarter: SimTime = 0
        var share: Double?
        var last = runner.simulation.now
        while runner.stepEvent() != nil {
            let simulation = runner.simulation
            if let share {
                sending += simulation.now - last
                if (0.2...0.3).contains(share) { aboutAQuarter += simulation.now - last }
            }
            last = simulation.now
            var seed = 0.0, total = 0.0
            for id in simulation.nodeIDs {
                guard let part = simulation.swarmPart(of: id), !part.departed else { continue }
                total += simulation.node(id).uploadRate
                if part.isSeed { seed += simulation.node(id).uploadRate }
            }
            share = total > 0 ? seed / total : nil
        }
        #expect(sending > 0)
        #expect(Double(aboutAQuarter) > 0.6 * Double(sending), "about a quarter for \(aboutAQuarter) µs of \(sending) µs spent sending")
    }
}
