import Foundation
import LessonKit

/// `present --class --tally FILE`: how the class answered each quiz, as CSV, one row per
/// choice, rewritten (atomically) whenever a count changes. Lesson text is sanitised and
/// quoted: a spreadsheet opening it sees text, never a formula or an escape sequence.
final class ClassTallyFile {
    let file: URL
    private var written: String?

    init(file: URL) {
        self.file = file
    }

    static let header = "lesson,step,quiz_position,question,choice,choice_text,correct,count,answered,present"

    func write(_ tallies: [(tally: ClassTally, quiz: Quiz)], lesson: String?) throws {
        let text = Self.csv(tallies, lesson: lesson ?? "")
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
