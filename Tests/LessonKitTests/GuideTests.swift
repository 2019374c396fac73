import Foundation
import Testing
@testable import LessonKit

/// The author's guide (Lessons/README.md) stays true: its example lesson loads clean and
/// every `sim` entry it shows as an example is accepted.
@Suite struct GuideTests {
    private func guide() throws -> String {
        try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func theExampleLessonLoadsClean() throws {
        let text = try guide()
        let start = try #require(text.range(of: "````markdown\n"))
        let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
        let outcome = LessonLoader.load(source: String(text[start.upperBound..<end.lowerBound]), path: "guide-example.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        #expect(LessonChecker.play(lesson).map(\.description) == [])
    }

    @Test func everySimEntryInTheGuideIsAccepted() throws {
        let entries = try guide().split(separator: "`").map(String.init).filter {
            $0.hasPrefix("- ") && $0.dropFirst(2).first?.isLetter == true && $0.contains(":") && !$0.contains("\n")
        }
        #expect(entries.count >= 30, "the guide shows an example for every entry")
        let source = """
        ---
        id: guide-entries
        title: Every entry in the guide
        summary: Goal, keep the guide honest.
        essay: [2]
        network:
          nodes:
            server: { role: server, queue: 5 }
            seed: { role: peer }
            tracker: { role: tracker }
          groups:
            clients: { count: 12, prefix: c }
            peers: { count: 8, prefix: p }
        ---

        ## All of them
        Every example.

        ```sim
        \(entries.joined(separator: "\n"))
        ```
        """
        let outcome = LessonLoader.load(source: source, path: "guide-entries.md")
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    }
}
