import Foundation
import Testing
@testable import LessonKit

@Suite struct ProgressTests {
    @Test func progressSurvivesEncodingAndDecoding() throws {
        var progress = Progress()
        progress.recordStep(3, in: "cs-basics")
        progress.recordAnswer(lesson: "cs-basics", step: 2, quiz: 0, correct: false)
        progress.recordAnswer(lesson: "cs-basics", step: 2, quiz: 0, correct: true)
        progress.markFinished("cs-basics")
        let decoded = try Progress.decode(progress.encoded())
        #expect(decoded == progress)
        #expect(decoded.lessons["cs-basics"]?.quizzes["2.0"] == Progress.QuizResult(firstTryCorrect: false, attempts: 2))
    }

    @Test func garbageIsNotProgress() {
        #expect(throws: Progress.DecodingError.notProgress("not valid JSON")) {
            try Progress.decode(Data("{ not json".utf8))
        }
    }

    @Test func aNewerFormatIsRefusedRatherThanMisread() {
        #expect(throws: Progress.DecodingError.newerFormat(9)) {
            try Progress.decode(Data(#"{"version": 9, "lessons": {}}"#.utf8))
        }
    }
}
