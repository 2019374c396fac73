import Foundation
import NetSim
import Testing
@testable import LessonKit

/// The `curve` action: distribution times for several crowd sizes, measured by the engine
/// on the lesson's own rates, agreeing with the textbook, and readable in narration.
@Suite struct CurveTests {
    /// A lesson with `before` in its first sim block ahead of the curve, the curve's
    /// `peers`, `narration` after it, and a second step that runs requests.
    static func source(before: String = "", peers: String = "[2, 4, 8]", narration: String = "Eight peers took {curve.8.p2p}.",
                       wait: String = "idle") -> String {
        """
        ---
        id: curves
        title: Curves
        summary: Goal, measure a curve.
        essay: [5]
        network:
          nodes:
            server: { role: server, upload: 10Mbps, download: 100Mbps }
          groups:
            peers: { count: 2, prefix: p, role: peer, upload: 1Mbps, download: 20Mbps }
        ---

        ## The curve
        Before it.

        ```sim
        \(before)
        - curve: { file: 4Mb, chunks: 100, server: server, peer: p1, peers: \(peers) }
        - run: \(wait)
        - pause: Compare the two lines.
        ```

        \(narration)

        ## Afterwards
        Requests.

        ```sim
        - request: { from: p1, to: server }
        - run: idle
        ```
        """
    }

    private func lesson(_ source: String) throws -> Lesson {
        let outcome = LessonLoader.load(source: source, path: "curves.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        return try #require(outcome.lesson)
    }

    private func errors(_ source: String) -> [String] {
        LessonLoader.load(source: source, path: "curves.md").diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func pointsLandOnTheTextbookModel() throws {
        let runner = LessonRunner(lesson: try lesson(Self.source()))
        let curve = try #require(runner.curve)
        #expect(curve.points.map(\.peers) == [2, 4, 8])
        #expect(curve.setting.serverUpload == 10e6 && curve.setting.peerUpload == 1e6 && curve.setting.peerDownload == 20e6)
        for point in curve.points {
            #expect(abs(point.clientServerSimulated / point.clientServerBound - 1) < 0.01)
            #expect(point.peerToPeerSimulated >= point.peerToPeerBound * 0.999)
            #expect(point.peerToPeerSimulated <= point.peerToPeerBound * 1.1)
        }
        // N·F/u_s: 8 copies of 4 Mb through 10 Mbps.
        #expect(abs(curve.points[2].clientServerBound - 3.2) < 1e-9)
    }

    @Test func ratesComeFromTheNetworkWhenTheCurveIsMeasured() throws {
        let plain = LessonRunner(lesson: try lesson(Self.source()))
        let faster = LessonRunner(lesson: try lesson(Self.source(before: "- capacity: { node: server, upload: 20Mbps }")))
        let (slow, fast) = (try #require(plain.curve), try #require(faster.curve))
        #expect(fast.setting.serverUpload == 20e6)
        #expect(abs(fast.points[2].clientServerSimulated * 2 - slow.points[2].clientServerSimulated) < 0.01)
    }

    @Test func narrationReadsThePoint() throws {
        var runner = LessonRunner(lesson: try lesson(Self.source()))
        runner.finishStep()
        let point = try #require(runner.curve?.point(peers: 8))
        let paragraph = try #require(runner.shownNarration.last?.paragraph)
        #expect(runner.text(of: paragraph) == "Eight peers took \(DistributionCurve.time(point.peerToPeerSimulated)).")
        #expect(DistributionCurve.time(3.2) == "3.20 s")
    }

    @Test func theTranscriptPrintsTheTable() throws {
        let text = PlainTranscript.render(try lesson(Self.source()))
        #expect(text.contains("  * distribution times measured for 2, 4, 8 peers, client-server and peer-to-peer"))
        #expect(text.contains("      peers   client-server (bound)   peer-to-peer (bound)"))
        #expect(text.contains("          8   3.20 s (3.20 s)"))
    }

    @Test func theNetworkComesBackWhenALaterStepChangesTheSimulation() throws {
        var runner = LessonRunner(lesson: try lesson(Self.source()))
        #expect(runner.curveOnStage != nil)
        runner.nextStep()
        #expect(runner.curveOnStage == nil)
        #expect(runner.curve != nil, "narration can still read the latest curve")
        runner.previousStep()
        #expect(runner.curveOnStage != nil)
    }

    @Test func replayingAStepReusesTheMeasuredCurve() throws {
        var runner = LessonRunner(lesson: try lesson(Self.source(wait: "{ events: 3 }")))
        let first = try #require(runner.curve)
        runner.stepEvent()
        runner.stepEventBack()
        runner.resetStep()
        #expect(runner.curve == first)
    }

    @Test func badCurvesAreLocatedErrors() {
        #expect(errors(Self.source(peers: "[8]", narration: "After it.")) == [
            "curves.md:18:69: error: a curve measures 2 to 8 crowd sizes, like 'peers: [5, 10, 20, 40]'",
        ])
        #expect(errors(Self.source(peers: "[4, 2]", narration: "After it.")) == [
            "curves.md:18:73: error: crowd sizes go from smallest to largest, each once: 2 comes after 4",
        ])
        #expect(errors(Self.source(peers: "[2, 500]", narration: "After it.")) == [
            "curves.md:18:73: error: a crowd size must be between 1 and 200, not 500",
        ])
    }

    @Test func liveValuesNameAMeasuredSize() {
        #expect(errors(Self.source(narration: "{curve.3.cs}")) == [
            "curves.md:23:1: error: 'curve.3.cs': the latest curve before this point measured 2, 4, 8 peers",
        ])
        #expect(errors(Self.source(narration: "{curve.8.speed}")) == [
            "curves.md:23:1: error: 'speed' is not a property of a curve's point; expected cs, p2p, cs-bound, p2p-bound",
        ])
        #expect(errors(Self.source(wait: "{ until: \"curve.8.cs > 1\" }")).first?.contains("a wait cannot test it") == true)
    }

    @Test func aCurveValueBeforeAnyCurveIsAnError() {
        let source = Self.source().replacingOccurrences(of: "Before it.", with: "Before it: {curve.2.cs}.")
        #expect(errors(source) == [
            "curves.md:14:12: error: 'curve.2.cs': no curve is measured before this point; add a '- curve:' action earlier in the lesson",
        ])
    }
}
