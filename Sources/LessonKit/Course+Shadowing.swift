/// An author's lesson whose id is a bundled lesson's: opened from its file, it takes that
/// lesson's place in the menu and its progress, which is rarely what the author meant.
extension Course {
    /// A warning for each lesson of this course whose id is a lesson's of `bundled` from a
    /// file of another name (a file of the same name is an edited copy of that lesson).
    public func shadowing(_ bundled: Course) -> [Diagnostic] {
        lessons.compactMap { lesson in
            guard let original = bundled.lesson(id: lesson.id), Self.fileName(original.sourcePath) != Self.fileName(lesson.sourcePath) else {
                return nil
            }
            return Diagnostic(path: lesson.sourcePath, location: lesson.idLocation, severity: .warning,
                              message: "the id '\(lesson.id)' is already the bundled lesson's in \(original.sourcePath); opened from this file, this lesson takes its place in the menu and its progress: choose another id")
        }
    }

    private static func fileName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? path[...]
    }
}
