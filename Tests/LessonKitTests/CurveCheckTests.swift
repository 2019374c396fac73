import Foundation
import Testing
@testable import LessonKit

/// `netstep check` answers quickly on a lesson at every curve limit: it checks what a
/// curve reads but does not make its runs, which is what took minutes.
@Suite struct CurveCheckTests {
    static func lesson(curves: String) -> String {
        """
        ---
        id: curves-at-limit
        title: Curves at the limit
        summary: Goal, check quickly.
        essay: [2]
        network:
          nodes:
            seed: { role: peer, upload: 10Mbps }
          groups:
            peers: { count: 4, prefix: p, role: peer, upload: 1Mbps, download: 5Mbps }
        ---

        ## Curves
        As many curves as a lesson may have, each as large as a curve may be.

        ```sim
        \(curves)
        - pause: Look at the curves.
        ```
        """
    }

    @Test func aLessonAtEveryCurveLimitChecksWithinTenSeconds() throws {
        let chunks = LessonLimits.curveDeliveries / 200
        let curve = "- curve: { file: 400Mb, chunks: \(chunks), server: seed, peer: p1, peers: [50, 150] }"
        let source = Self.lesson(curves: Array(repeating: curve, count: LessonLimits.curves).joined(separator: "\n"))
        let outcome = LessonLoader.load(source: source, path: "curves-at-limit.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        let start = ContinuousClock.now
        #expect(LessonChecker.play(lesson).map(\.description) == [])
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func playingMeasuresTheCurveTheCheckLeftOut() throws {
        let source = Self.lesson(curves: "- curve: { file: 40Mb, chunks: 10, server: seed, peer: p1, peers: [5, 10] }")
        let lesson = try #require(LessonLoader.load(source: source, path: "curve.md").lesson)
        var runner = LessonRunner(lesson: lesson)
        runner.finishStep()
        #expect(runner.curve?.points.map(\.peers) == [5, 10])
    }
}
