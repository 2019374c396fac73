import Foundation
import LessonKit

extension LessonChoice {
    /// The chosen lesson's file as it is on disk now, for a class to load: the author's
    /// file, or the course file the lesson came from.
    func source(folders: [String]) -> String? {
        let contents: [UInt8]?
        if let file {
            contents = try? LessonLibrary.read(file.url, shownAs: file.shown).contents
        } else {
            guard let lesson = lessons.first(where: { $0.id == id }) else { return nil }
            var files: [Course.SourceFile] = []
            if let bundled = LessonLibrary.bundledFolder() { files += (try? LessonLibrary.lessonFiles(in: bundled, shownAs: "Lessons")) ?? [] }
            for folder in folders {
                files += (try? LessonLibrary.lessonFiles(in: URL(fileURLWithPath: folder), shownAs: folder)) ?? []
            }
            contents = files.first { $0.path == lesson.sourcePath }?.contents
        }
        return contents.map { String(decoding: $0, as: UTF8.self) }
    }
}
