import Foundation
import Testing
@testable import LessonKit

/// A lesson saved with Windows line ends (CRLF) is the same lesson: Swift keeps "\r\n"
/// as one Character, so a split on "\n" alone once made a CRLF file one long line and the
/// loader said "a lesson must start with front matter".
@Suite struct LineEndingTests {
    @Test("every bundled lesson with CRLF line ends loads as the same lesson, with the same diagnostics")
    func crlfIsTheSameLesson() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.courseDirectory.path).sorted()
        where name.hasSuffix(".md") && name != "README.md" {
            let source = try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent(name), encoding: .utf8)
            let unix = LessonLoader.load(source: source, path: name)
            let windows = LessonLoader.load(source: source.replacingOccurrences(of: "\n", with: "\r\n"), path: name)
            #expect(windows.lesson != nil, "\(name): \(windows.diagnostics.map(\.description))")
            #expect(windows.lesson == unix.lesson, "\(name)")
            #expect(windows.diagnostics.map(\.description) == unix.diagnostics.map(\.description), "\(name)")
        }
    }
}
