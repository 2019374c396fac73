import Foundation
import LessonKit

/// `present --class --tally FILE`: how the class answered each quiz, as CSV, one row per
/// choice, rewritten (atomically) whenever a count changes. Lesson text is sanitised and
/// quoted: a spreadsheet opening it sees text, never a formula or an escape sequence.
/// A tally file from an earlier class keeps its rows, this class's come after them: a
/// tutor teaching two groups with the same command loses neither.
final class ClassTallyFile {
    let file: URL
    /// The rows of earlier classes found in the file when this one started.
    private let earlierRows: String
    private var written: String?

    /// Refuses a file that is not a tally (it would be overwritten), or cannot be read.
    init(file: URL) throws(ClassTallyFile.Problem) {
        self.file = file
        earlierRows = try Self.earlierRows(in: file)
    }

    enum Problem: Error, CustomStringConvertible {
        case notATally(String), unreadable(String)

        var description: String {
            switch self {
            case let .notATally(path):
                "\(TextSanitizer.clean(path)) is not a class tally (its first line is not netstep's header); choose another --tally file"
            case let .unreadable(path):
                "cannot read \(TextSanitizer.clean(path)) to keep its earlier classes; choose another --tally file"
            }
        }
    }

    private static func earlierRows(in file: URL) throws(Problem) -> String {
        guard FileManager.default.fileExists(atPath: file.path) else { return "" }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { throw .unreadable(file.path) }
        if text.isEmpty { return "" }
        guard text.hasPrefix(header + "\n") else { throw .notATally(file.path) }
        return String(text.dropFirst(header.count + 1))
    }

    static let header = "lesson,step,quiz_position,question,choice,choice_text,correct,count,answered,present"

    func write(_ tallies: [(tally: ClassTally, quiz: Quiz)], lesson: String?) throws {
        let rows = Self.csv(tallies, lesson: lesson ?? "").dropFirst(Self.header.count + 1)
        let text = Self.header + "\n" + earlierRows + rows
        guard text != written else { return }
        try Data(text.utf8).write(to: file, options: .atomic)
        written = text
    }

    static func csv(_ tallies: [(tally: ClassTally, quiz: Quiz)], lesson: String) -> String {
        var rows = [header]
        for (tally, quiz) in tallies {
            for (index, choice) in quiz.choices.enumerated() {
                let count = tally.counts.indices.contains(index) ? tally.counts[index] : 0
                rows.append([quoted(lesson), "\(tally.question.step + 1)", "\(tally.question.position)", quoted(quiz.question),
                             "\(index + 1)", quoted(choice.text), quiz.answers.contains(index) ? "yes" : "no", "\(count)",
                             "\(tally.answered)", "\(tally.present)"].joined(separator: ","))
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A CSV field: sanitised, in quotes, and a leading =, +, - or @ made plain text.
    static func quoted(_ text: String) -> String {
        var clean = TextSanitizer.clean(text)
        if let first = clean.first, "=+-@".contains(first) { clean = "'" + clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
