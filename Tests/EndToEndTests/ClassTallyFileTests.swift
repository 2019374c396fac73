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
}
