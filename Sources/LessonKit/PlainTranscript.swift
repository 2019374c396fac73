import NetSim

/// The whole lesson as plain text: narration, what the simulation did at each step
/// (concise event lines and the key figures), interactions taken as done, and every quiz
/// with its answers and explanations. No escape sequences and nothing that varies between
/// runs, so the same lesson and seed always give the same text. It serves screen-reader
/// users, tutors preparing a class, and tests.
public enum PlainTranscript {
    /// Event lines shown per wait before the middle is summarised.
    static let eventsShownAtStart = 12
    static let eventsShownAtEnd = 4

    public static func render(_ lesson: Lesson, seed: UInt64? = nil) -> String {
        play(lesson, seed: seed).text
    }

    /// The transcript and what went wrong on the way, as `netstep check` reports it: the
    /// actions the engine refused and the waits that never came true.
    public static func play(_ lesson: Lesson, seed: UInt64? = nil) -> (text: String, problems: [Diagnostic]) {
        var runner = LessonRunner(lesson: lesson, seed: seed)
        var out: [String] = []
        out.append("\(lesson.title) (\(lesson.id))")
        out.append(lesson.summary)
        var cites: [String] = []
        if !lesson.essay.isEmpty { cites.append("essay " + lesson.essay.map { "¶\($0)" }.joined(separator: ", ")) }
        if !lesson.claims.isEmpty { cites.append("claims " + lesson.claims.joined(separator: ", ")) }
        cites.append("seed \(runner.seed)")
        out.append(cites.joined(separator: " · "))
        for index in lesson.steps.indices {
            runner.jump(to: index)
            out.append("")
            render(step: index, runner: &runner, into: &out)
        }
        out.append("")
        out.append("End of lesson: \(Units.format(duration: runner.simulation.now)) simulated, \(runner.simulation.eventCount) events.")
        let problems = runner.problems.map {
            Diagnostic(path: lesson.sourcePath, location: $0.location, severity: .error, message: $0.message)
        }
        return (out.joined(separator: "\n") + "\n", problems)
    }

    /// One step: narration and what happened, interleaved in file order, so every live
    /// value in a paragraph is read when the script has reached that paragraph.
    private static func render(step index: Int, runner: inout LessonRunner, into out: inout [String]) {
        let step = runner.step
        let heading = "Step \(index + 1) of \(runner.lesson.steps.count): \(step.title)"
        out.append(heading)
        out.append(String(repeating: "=", count: heading.count))
        let problemsBefore = runner.problems.count
        var shown = 0
        var noted = 0
        var log: [String] = []
        func reveal(upTo position: Int, runner: LessonRunner) {
            while shown < step.narration.count, step.narration[shown].revealAt <= position {
                if !log.isEmpty {
                    out += log + [""]
                    log = []
                }
                out.append(text(of: step.narration[shown], runner: runner))
                out.append("")
                shown += 1
            }
            while noted < step.notes.count, step.notes[noted].revealAt <= position {
                log.append("  Note for the tutor: \(step.notes[noted].text)")
                noted += 1
            }
        }
        for (position, item) in step.script.enumerated() {
            reveal(upTo: position, runner: runner)
            switch item.kind {
            case let .act(action):
                log.append("  * \(action.summary)")
                if action.settings(CurveAction.self) != nil, let curve = runner.curve { log += curveLines(curve) }
            case let .run(wait):
                let startTime = runner.simulation.now
                let startEvent = runner.timeline.eventCount
                while runner.scriptPosition == position, case .running = runner.pending {
                    runner.stepEvent()
                }
                let reports = Array(runner.timeline.reports.suffix(runner.timeline.eventCount - startEvent))
                log.append("  * run (\(wait.source)): \(reports.count) event\(reports.count == 1 ? "" : "s"), \(Units.format(duration: startTime)) to \(Units.format(duration: runner.simulation.now))")
                log += eventLines(reports)
            case let .ask(ask):
                log.append("  * [\(ask.key)] \(ask.prompt): \(ask.action.summary)")
                runner.resolveInteraction()
            case let .pause(text):
                log.append("  * pause: \(text)")
                runner.resolveInteraction()
            case let .quiz(quiz):
                log += quizLines(quiz)
                runner.resolveInteraction()
            }
        }
        reveal(upTo: step.script.count, runner: runner)
        if !log.isEmpty { out += log + [""] }
        out += figures(runner)
        for problem in runner.problems.dropFirst(problemsBefore) {
            out.append("  ! \(problem.message)")
        }
        for hint in step.hints { out.append("  Hint: \(hint)") }
    }

    private static func text(of paragraph: Paragraph, runner: LessonRunner) -> String {
        let body = runner.text(of: paragraph)
        switch paragraph.kind {
        case .text: return body
        case .bullet: return "- " + body
        case .heading: return "### " + body
        case .code: return body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
    }

    private static func eventLines(_ reports: [StepReport]) -> [String] {
        func line(_ report: StepReport) -> String {
            "      \(Units.format(duration: report.time))  \(report.summary)"
        }
        guard reports.count > eventsShownAtStart + eventsShownAtEnd + 1 else { return reports.map(line) }
        let hidden = reports.count - eventsShownAtStart - eventsShownAtEnd
        return reports.prefix(eventsShownAtStart).map(line) + ["      ... \(hidden) more events ..."] + reports.suffix(eventsShownAtEnd).map(line)
    }

    /// A curve as the table a screen reader can follow: one row per crowd size.
    private static func curveLines(_ curve: DistributionCurve) -> [String] {
        let setting = curve.setting
        let time = DistributionCurve.time
        var lines = ["      server up \(Units.format(rate: setting.serverUpload)), each peer up \(Units.format(rate: setting.peerUpload)), down \(Units.format(rate: setting.peerDownload))",
                     "      peers   client-server (bound)   peer-to-peer (bound)"]
        for point in curve.points {
            let size = String(point.peers)
            let clientServer = "\(time(point.clientServerSimulated)) (\(time(point.clientServerBound)))"
            lines.append("      " + String(repeating: " ", count: max(0, 5 - size.count)) + size + "   "
                         + clientServer + String(repeating: " ", count: max(1, 24 - clientServer.count))
                         + "\(time(point.peerToPeerSimulated)) (\(time(point.peerToPeerBound)))")
        }
        return lines
    }

    private static func quizLines(_ quiz: Quiz) -> [String] {
        var lines = ["  * quiz: \(quiz.question)\(quiz.multiple ? " (pick all that apply)" : "")"]
        for (index, choice) in quiz.choices.enumerated() {
            let right = quiz.answers.contains(index)
            lines.append("      \(index + 1). \(choice.text)\(right ? "  [right]" : "")")
            if let explanation = choice.explanation { lines.append("         \(explanation)") }
        }
        lines.append("      Answer: " + quiz.answers.sorted().map { String($0 + 1) }.joined(separator: ", "))
        if let explanation = quiz.explanation { lines.append("      \(explanation)") }
        return lines
    }

    /// The key figures after a step: the clock, traffic, trouble, and each busy node.
    private static func figures(_ runner: LessonRunner) -> [String] {
        let simulation = runner.simulation
        let metrics = simulation.metrics
        var summary = ["time \(Units.format(duration: simulation.now))", "events \(simulation.eventCount)",
                       "messages \(metrics.totalMessages)", "answered \(metrics.messages[.response, default: 0])"]
        let trouble = [("dropped", metrics.drops), ("refused", metrics.refusals), ("lost", metrics.lost),
                       ("retried", metrics.retries), ("gave up", metrics.failures)]
        summary += trouble.filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        if let mean = metrics.meanResponseTime {
            summary.append("mean response \(Units.format(duration: SimTime((mean * 1e6).rounded())))")
        }
        var lines = ["  Figures: " + summary.joined(separator: " · ")]
        let completions = metrics.completionTimes.values.sorted()
        if let last = completions.last {
            lines.append("  Finished the file: \(completions.count) node\(completions.count == 1 ? "" : "s"), last at \(Units.format(duration: last))")
        }
        let nodes = simulation.nodeIDs.map(simulation.node)
        let servers = nodes.filter { $0.config.role == .server || ($0.config.role == .tracker && $0.bitsUp > 0) }
        for node in servers {
            var parts = ["queue \(node.queueLength)", "sent \(Units.format(bits: node.bitsUp))"]
            if !node.isUp { parts.insert("down", at: 0) }
            lines.append("    \(node.config.name): " + parts.joined(separator: ", "))
        }
        let uploaders = nodes.filter { $0.config.role != .server && $0.config.role != .tracker && $0.bitsUp > 0 }
        if !completions.isEmpty, let busiest = uploaders.max(by: { ($0.bitsUp, $1.id) < ($1.bitsUp, $0.id) }) {
            lines.append("    most sent by a non-server: \(busiest.config.name), \(Units.format(bits: busiest.bitsUp)) (\(uploaders.count) of them sent data)")
        }
        return lines
    }
}
