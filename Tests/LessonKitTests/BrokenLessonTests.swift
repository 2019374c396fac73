import Foundation
import Testing
@testable import LessonKit

/// Every file of the broken-lesson corpus gives exactly the diagnostics an author should
/// see from `netstep check`, at the right line and column: load errors, warnings, and
/// what went wrong playing the lesson to its end.
@Suite struct BrokenLessonTests {
    @Test(arguments: try Fixtures.brokenLessonNames())
    func brokenLessonGivesItsDiagnostics(name: String) throws {
        let outcome = try Fixtures.load(name)
        let played = outcome.lesson.map { LessonChecker.play($0) } ?? []
        let expected = try Fixtures.expectedDiagnostics().filter { $0.hasPrefix(name + ":") }
        #expect(!expected.isEmpty, "every fixture has its expected diagnostics listed")
        #expect((outcome.diagnostics + played).map(\.description) == expected)
        if outcome.diagnostics.hasErrors {
            #expect(outcome.lesson == nil)
        }
    }

    @Test func aWaitThatNeverComesTrueIsReportedNotHung() throws {
        let lesson = try #require(try Fixtures.load("wait-over-budget.md").lesson)
        #expect(LessonChecker.play(lesson).map(\.message) == ["step 1: `until: server.queue >= 3` did not happen within 3 events (simulated time 0 µs)"])
    }

    @Test func oneFileReportsAllItsErrorsInOneRun() throws {
        let outcome = try Fixtures.load("many-errors.md")
        #expect(outcome.diagnostics.filter { $0.severity == .error }.count == 4)
    }

    @Test func errorsInsideFencedBlocksPointAtTheirLineInTheFile() throws {
        let outcome = try Fixtures.load("unknown-node.md")
        let source = try String(contentsOf: Fixtures.directory.appendingPathComponent("unknown-node.md"), encoding: .utf8)
        let diagnostic = try #require(outcome.diagnostics.first)
        let line = source.split(separator: "\n", omittingEmptySubsequences: false)[diagnostic.line - 1]
        #expect(line.dropFirst(diagnostic.column - 1).hasPrefix("c13"))
    }
}
