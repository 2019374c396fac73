import Foundation
@testable import LessonKit
import Testing
@testable import netstep

/// `--tally FILE`: one row per choice, lesson text quoted and made harmless.
@Suite struct ClassTallyFileTests {
    @Test("each choice is a row with its count; quotes, formulas and escape sequences in lesson text stay text")
    func csvRows() {
        let quiz = Quiz(question: "Who \"answered\"?\u{1B}[2J", choices: [
            Quiz.Choice(text: "=HYPERLINK(\"x\")", explanation: nil), Quiz.Choice(text: "The server", explanation: nil),
        ], answers: [1], multiple: false, explanation: nil)
        let tally = ClassTally(question: ClassQuestion(step: 1, position: 0), counts: [3, 9], answered: 12, present: 14)
        let csv = ClassTallyFile.csv([(tally, quiz)], lesson: "cs-basics")
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows[0] == ClassTallyFile.header)
        #expect(rows[2] == "\"cs-basics\",2,0,\"Who \"\"answered\"\"?\\e[2J\",2,\"The server\",yes,9,12,14")
        #expect(rows[1].contains(",\"'=HYPERLINK(\"\"x\"\")\",no,3,"))
        #expect(!csv.contains("\u{1B}"))
    }

    @Test("a second class with the same --tally file keeps the first class's rows; a file that is not a tally is refused")
    func earlierClassesAreKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tally.csv")
        let quiz = Quiz(question: "Who answers?", choices: [
            Quiz.Choice(text: "A client", explanation: nil), Quiz.Choice(text: "The server", explanation: nil),
        ], answers: [1], multiple: false, explanation: nil)
        let first = ClassTally(question: ClassQuestion(step: 0, position: 0), counts: [1, 2], answered: 3, present: 3)
        try ClassTallyFile(file: file).write([(first, quiz)], lesson: "cs-basics")
        let second = ClassTally(question: ClassQuestion(step: 0, position: 0), counts: [0, 5], answered: 5, present: 6)
        try ClassTallyFile(file: file).write([(second, quiz)], lesson: "cs-basics")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.count == 5, "one header, then two rows per class")
        #expect(rows[0] == ClassTallyFile.header)
        #expect(rows[2].hasSuffix(",yes,2,3,3") && rows[4].hasSuffix(",yes,5,5,6"))

        let notes = folder.appendingPathComponent("notes.txt")
        try Data("my lecture notes\n".utf8).write(to: notes)
        #expect(throws: ClassTallyFile.Problem.self) { try ClassTallyFile(file: notes) }
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my lecture notes\n")
    }
}
