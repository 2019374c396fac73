import ArgumentParser
import Foundation
import LessonKit

/// The lesson named on a command line: an id in the course, or the path of an author's
/// lesson file, which is then watched and reloaded on every save.
struct LessonChoice {
    /// The lessons the app is given: the course, with an author's file in place of the
    /// course's lesson of the same id, or after the course's lessons.
    var lessons: [Lesson]
    var id: String
    /// The author's file and the path it is shown as, for hot reload.
    var file: (url: URL, shown: String)?

    /// The lesson chosen, its number in the course, and `step`: what the screen shows
    /// while the lesson opens.
    func opening(step: Int?) -> (lesson: Lesson, number: Int, step: Int?)? {
        lessons.firstIndex { $0.id == id }.map { (lessons[$0], $0 + 1, step) }
    }

    /// `resolve` for a command that cannot go on without its lesson: what went wrong is
    /// said on standard error, and the command ends with a failure status.
    static func resolveOrFail(_ argument: String, folders: [String]) throws -> LessonChoice {
        do {
            return try resolve(argument, folders: folders)
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
    }

    /// Finds `argument` as a file (it exists or ends in .md) or as an id in the course.
    /// A file with errors prints them, like `netstep check`, and is refused. A folder is
    /// never a lesson: `open cdn` beside a folder named `cdn` opens the course's lesson.
    static func resolve(_ argument: String, folders: [String]) throws(LessonLibrary.NotFound) -> LessonChoice {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder)
        if argument.hasSuffix(".md") || (exists && !isFolder.boolValue) {
            let url = URL(fileURLWithPath: argument)
            let course = Course(files: [try LessonLibrary.read(url, shownAs: argument)])
            for diagnostic in course.diagnostics { printError(diagnostic.description) }
            guard let lesson = course.lessons.first else {
                throw LessonLibrary.NotFound(description: "\(argument) has errors; fix them and run it again (`netstep check \(argument)` lists them)")
            }
            // Without a bundled course or --lessons folders the file is the whole course.
            var lessons = LessonLibrary.bundledFolder() == nil && folders.isEmpty ? [] : try LessonLibrary.course(adding: folders).lessons
            if let same = lessons.firstIndex(where: { $0.id == lesson.id }) { lessons[same] = lesson } else { lessons.append(lesson) }
            return LessonChoice(lessons: lessons, id: lesson.id, file: (url, argument))
        }
        let course = try LessonLibrary.course(adding: folders)
        guard let lesson = course.lesson(id: argument) else {
            if isFolder.boolValue {
                throw LessonLibrary.NotFound(description: "\(argument) is a folder, not a lesson: name a lesson file in it, or add its lessons with --lessons \(argument)")
            }
            let ids = course.lessons.map(\.id).joined(separator: ", ")
            throw LessonLibrary.NotFound(description: "no lesson with id '\(argument)'; the lessons are \(ids) (see `netstep list`)")
        }
        return LessonChoice(lessons: course.lessons, id: lesson.id, file: nil)
    }

    /// Reloads the author's file when it is saved; nil for a course lesson.
    func reload() -> LessonFileReload? {
        guard let file, let watch = FileWatch(file: file.url) else { return nil }
        return LessonFileReload(watch: watch) {
            // A file caught between an editor's delete and rename is left for the next save.
            guard let source = try? LessonLibrary.read(file.url, shownAs: file.shown) else { return nil }
            return LessonLoader.load(contents: source.contents, path: file.shown)
        }
    }
}
