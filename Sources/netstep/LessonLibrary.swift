import ArgumentParser
import Foundation
import LessonKit

/// `--lessons DIR`, shared by every command that reads lessons.
struct LessonFolders: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp("Also use the lessons in this folder (repeatable).", valueName: "DIR"))
    var folders: [String] = []

    /// The bundled course plus these folders, or the reason it cannot be found on
    /// standard error and a failing exit.
    func course() throws -> Course {
        do {
            return try LessonLibrary.course(adding: folders)
        } catch {
            printError("netstep: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Finds and reads lesson files: the course bundled inside the program, and authors'
/// folders given with `--lessons`. The only place lesson files are read from disk.
///
/// SwiftPM's generated `Bundle.module` traps when the resource bundle is not beside the
/// executable, so the bundle is looked for by hand and its absence is an ordinary error.
enum LessonLibrary {
    static let bundleName = "netstep_netstep.resources"

    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// The bundled course's folder, if the program was installed with its resources.
    static func bundledFolder() -> URL? {
        var places = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for place in places {
            let folder = place.appendingPathComponent(bundleName).appendingPathComponent("Lessons")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return folder
            }
        }
        return nil
    }

    /// The bundled course alone, if the program was installed with it and it can be read.
    static func bundledCourse() -> Course? {
        guard let folder = bundledFolder(), let files = try? lessonFiles(in: folder, shownAs: "Lessons") else { return nil }
        return Course(files: files)
    }

    /// The course: the bundled lessons, then each `--lessons` folder's, in file-name order within each.
    static func course(adding folders: [String]) throws(NotFound) -> Course {
        Course(files: try courseFiles(adding: folders))
    }

    /// The files of `course(adding:)`, in its order.
    static func courseFiles(adding folders: [String]) throws(NotFound) -> [Course.SourceFile] {
        var files: [Course.SourceFile] = []
        if let bundled = bundledFolder() {
            files += try lessonFiles(in: bundled, shownAs: "Lessons")
        } else if folders.isEmpty {
            throw NotFound(description: "the bundled course was not found beside the program (looked for \(bundleName) next to \(Bundle.main.bundleURL.path)); use --lessons DIR to name a folder of lessons")
        }
        for folder in folders {
            files += try lessonFiles(in: URL(fileURLWithPath: folder), shownAs: folder)
        }
        return files
    }

    /// Every `.md` file in a folder but its README, read (and size-checked) for the loader.
    static func lessonFiles(in folder: URL, shownAs shown: String) throws(NotFound) -> [Course.SourceFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw NotFound(description: "\(shown): cannot read this folder of lessons")
        }
        let base = shown.hasSuffix("/") ? String(shown.dropLast()) : shown
        return try names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted().map { name throws(NotFound) in
            try read(folder.appendingPathComponent(name), shownAs: base + "/" + name)
        }
    }

    /// One lesson file. Reads at most one byte more than a lesson may have, so an enormous
    /// file is refused without being loaded into memory.
    static func read(_ url: URL, shownAs shown: String) throws(NotFound) -> Course.SourceFile {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw NotFound(description: "\(shown): cannot open this file")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        let data = (try? handle.read(upToCount: Course.SourceFile.maximumBytes + 1)) ?? nil
        return Course.SourceFile(path: shown, contents: [UInt8](data ?? Data()), size: size)
    }
}
