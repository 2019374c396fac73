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
        for lesson in course.lessons {
            diagnostics += LessonChecker.play(lesson)
        }
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.path)).union(course.lessons.map(\.sourcePath)).count
        print("checked \(files) lesson file\(files == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode.failure }
    }

    /// The files named on the command line; a folder stands for the lessons in it.
    private func files() throws(LessonLibrary.NotFound) -> [Course.SourceFile] {
        var files: [Course.SourceFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LessonLibrary.NotFound(description: "\(path): no such file or folder")
            }
            let url = URL(fileURLWithPath: path)
            files += isDirectory.boolValue ? try LessonLibrary.lessonFiles(in: url, shownAs: path) : [try LessonLibrary.read(url, shownAs: path)]
        }
        return files
    }
}

/// Writes a line to standard error (diagnostics and failures, never mixed into output),
/// its control characters shown rather than obeyed: it may quote a name from the command
/// line or a lesson.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((VisibleControls.escape(line) + "\n").utf8))
}
