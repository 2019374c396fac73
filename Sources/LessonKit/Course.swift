/// The lessons of a course in teaching order, with every problem found while loading them.
///
/// Course order is file-name order within a folder, so authors order lessons by naming
/// them `01-cs-basics.md`, `02-bottleneck.md`, ...; folders keep the order they were
/// given in (the bundled course before an author's `--lessons` folder). Ids must be
/// unique across the course.
public struct Course: Sendable {
    /// A lesson file as the executable read it.
    public struct SourceFile: Sendable {
        /// The largest lesson file; a reader need not read more than one byte beyond it.
        public static let maximumBytes = SourceGuard.maximumBytes

        public var path: String
        public var contents: [UInt8]
        /// The file's size on disk when `contents` may be cut short, so an enormous file is
        /// refused with its real size without being read whole.
        public var size: Int?

        public init(path: String, contents: [UInt8], size: Int? = nil) {
            self.path = path
            self.contents = contents
            self.size = size
        }
    }

    public private(set) var lessons: [Lesson]
    /// Every diagnostic of every file, file by file in course order.
    public private(set) var diagnostics: [Diagnostic]

    /// Loads `files`; lessons with errors are left out and their errors kept.
    public init(files: [SourceFile]) {
        lessons = []
        diagnostics = []
        var ids: [String: String] = [:]
        for file in Self.courseOrder(files) {
            let outcome = LessonLoader.load(contents: file.contents, path: file.path, size: file.size)
            diagnostics += outcome.diagnostics
            guard let lesson = outcome.lesson else { continue }
            if let other = ids[lesson.id] {
                diagnostics.append(Diagnostic(path: file.path, location: lesson.idLocation, severity: .error,
                                              message: "another lesson already has the id '\(lesson.id)' (\(other)); ids must be unique in a course"))
                continue
            }
            ids[lesson.id] = file.path
            lessons.append(lesson)
        }
    }

    /// The lesson with this id.
    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// Folders in the order they first appear; files by name within each.
    private static func courseOrder(_ files: [SourceFile]) -> [SourceFile] {
        func split(_ path: String) -> (folder: Substring, name: Substring) {
            guard let slash = path.lastIndex(of: "/") else { return ("", path[...]) }
            return (path[..<slash], path[path.index(after: slash)...])
        }
        var folders: [Substring] = []
        for file in files where !folders.contains(split(file.path).folder) {
            folders.append(split(file.path).folder)
        }
        return files.sorted {
            let (a, b) = (split($0.path), split($1.path))
            let (folderA, folderB) = (folders.firstIndex(of: a.folder)!, folders.firstIndex(of: b.folder)!)
            return folderA != folderB ? folderA < folderB : a.name < b.name
        }
    }
}
