import Foundation
import Testing
@testable import LessonKit

/// The bundled course loads with neither errors nor warnings, in file order, with unique ids.
@Suite struct CourseTests {
    @Test func everyBundledLessonLoadsClean() throws {
        let course = try Fixtures.course()
        #expect(course.diagnostics.map(\.description) == [])
        #expect(!course.lessons.isEmpty)
    }

    @Test func courseOrderIsFileNameOrder() throws {
        let course = try Fixtures.course()
        let files = course.lessons.map { $0.sourcePath }
        #expect(files == files.sorted())
    }

    @Test func foldersKeepTheirOrderAndFilesSortByNameWithin() throws {
        let course = try Fixtures.course()
        let sources = try course.lessons.map { lesson in
            try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent(String(lesson.sourcePath.dropFirst("Lessons/".count))), encoding: .utf8)
        }
        func renamed(_ source: String, _ id: String) -> [UInt8] {
            Array(source.replacingOccurrences(of: "\nid: ", with: "\nid: \(id)-").utf8)
        }
        let mixed = Course(files: [
            Course.SourceFile(path: "mine/02-b.md", contents: renamed(sources[0], "b")),
            Course.SourceFile(path: "Lessons/02-y.md", contents: renamed(sources[1], "y")),
            Course.SourceFile(path: "mine/01-a.md", contents: renamed(sources[1], "a")),
            Course.SourceFile(path: "Lessons/01-x.md", contents: renamed(sources[0], "x")),
        ])
        #expect(mixed.lessons.map(\.sourcePath) == ["mine/01-a.md", "mine/02-b.md", "Lessons/01-x.md", "Lessons/02-y.md"])
    }

    @Test func aDuplicateIdIsReportedAtTheSecondLessonsIdField() throws {
        let course = try Fixtures.course()
        let first = try #require(course.lessons.first)
        let copy = try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent(String(first.sourcePath.dropFirst("Lessons/".count))), encoding: .utf8)
        let twice = Course(files: [
            Course.SourceFile(path: "a.md", contents: Array(copy.utf8)),
            Course.SourceFile(path: "b.md", contents: Array(copy.utf8)),
        ])
        #expect(twice.lessons.count == 1)
        #expect(twice.diagnostics.map(\.description) == ["b.md:2:1: error: another lesson already has the id '\(first.id)' (a.md); ids must be unique in a course"])
    }
}

/// Lesson text is ours: no bundled lesson repeats six words in a row of the source essay.
@Suite struct OwnWordsTests {
    /// The essay's paragraphs, from ../shared/SOURCE-ESSAY.md beside the repository (between its two `---` lines).
    static let essay: String? = {
        let url = Fixtures.courseDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/SOURCE-ESSAY.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let parts = text.components(separatedBy: "\n---\n")
        return parts.count >= 3 ? parts[1] : nil
    }()

    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }
    }

    @Test(.enabled(if: essay != nil, "the source essay is not beside the repository (../shared/SOURCE-ESSAY.md)"))
    func noLessonCopiesTheEssay() throws {
        let essayWords = Self.words(try #require(Self.essay))
        let runs = Set((0...(essayWords.count - 6)).map { essayWords[$0..<($0 + 6)].joined(separator: " ") })
        for lesson in try Fixtures.course().lessons {
            let text = try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent(String(lesson.sourcePath.dropFirst("Lessons/".count))), encoding: .utf8)
            let lessonWords = Self.words(text)
            guard lessonWords.count >= 6 else { continue }
            let copied = (0...(lessonWords.count - 6)).map { lessonWords[$0..<($0 + 6)].joined(separator: " ") }.filter(runs.contains)
            #expect(copied == [], "\(lesson.sourcePath) repeats the essay")
        }
    }
}
