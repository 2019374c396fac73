import ArgumentParser
import Foundation
import LessonKit

/// `netstep check [PATH...]`: validates lessons and plays each to its end, printing every
/// problem as `path:line:col: error: message`; exit 0 when there is no error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check lesson files (default: the bundled course) and play each to its end.",
        discussion: "Problems are printed as path:line:col: error|warning: message. Exits 0 when no lesson has an error, 1 otherwise."
    )

    @Argument(help: ArgumentHelp("Lesson files or folders of lessons.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var folders: LessonFolders

    func run() throws {
        let course: Course
        do {
            course = paths.isEmpty ? try LessonLibrary.course(adding: folders.folders) : Course(files: try files())
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
        var diagnostics = course.diagnostics
        if !paths.isEmpty, let bundled = LessonLibrary.bundledCourse() {
            diagnostics += course.shadowing(bundled)
        }
        var progress = CheckProgress()
        for (number, lesson) in course.lessons.enumerated() {
            diagnostics += LessonChecker.play(lesson) { step, steps in
                progress.show("checking \(TextSanitizer.clean(lesson.sourcePath)) (lesson \(number + 1) of \(course.lessons.count)): step \(step + 1) of \(steps)")
            }
        }
        progress.clear()
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.path)).union(course.lessons.map(\.sourcePath)).count
        print("checked \(files) lesson file\(files == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }

    /// The files named on the command line; a folder stands for the lessons in it, and a
    /// name that is no file is a lesson of the course (`netstep check cdn`).
    private func files() throws(LessonLibrary.NotFound) -> [Course.SourceFile] {
        var files: [Course.SourceFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                files.append(try courseFile(id: path))
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                files.append(try LessonLibrary.read(url, shownAs: path))
                continue
            }
            let lessons = try LessonLibrary.lessonFiles(in: url, shownAs: path)
            if lessons.isEmpty {
                throw LessonLibrary.NotFound(description: "\(path): this folder holds no lesson files (*.md)")
            }
            files += lessons
        }
        return files
    }

    /// The file of the course's lesson `id`, for a name on the command line that is no file.
    private func courseFile(id: String) throws(LessonLibrary.NotFound) -> Course.SourceFile {
        let files = try LessonLibrary.courseFiles(adding: folders.folders)
        guard let lesson = Course(files: files).lesson(id: id), let file = files.first(where: { $0.path == lesson.sourcePath }) else {
            throw LessonLibrary.NotFound(description: "\(id): no such file or folder, and no lesson with that id (see `netstep list`)")
        }
        return file
    }
}

/// Writes a line to standard error (diagnostics and failures, never mixed into output),
/// its control characters shown rather than obeyed: it may quote a name from the command
/// line or a lesson.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TextSanitizer.cleanLines(line) + "\n").utf8))
}
