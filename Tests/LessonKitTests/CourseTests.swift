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
