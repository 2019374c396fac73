import Testing
@testable import LessonKit

/// A quiz a student can answer from the screen: the figures its answer rests on are
/// given before it is asked, and it is the one question in front of the student.
@Suite struct QuizQuestionTests {
    static let lessons = (try? Fixtures.course().lessons) ?? []

    /// The swarm prediction's answer adds the peers' uploads to the seed's: both rates
    /// must be in the question, not only in the explanation shown after answering.
    @Test func theSwarmPredictionGivesTheRatesItsAnswerAdds() throws {
        let lesson = try #require(Self.lessons.first { $0.id == "p2p-swarm" })
        let step = try #require(lesson.steps.first { $0.title == "Predict: the same file as a swarm" })
        let quiz = try #require(step.quizzes.first)
        let question = quiz.question.replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(question.contains("10 Mbps"), "the seed's upload")
        #expect(question.contains("5 Mbps"), "each peer's upload")
        let peers = try #require(lesson.network.groups.first { $0.name == "peers" })
        let uploads = lesson.network.nodes.filter { peers.members.contains($0.name) }.map(\.upload)
        #expect(uploads == Array(repeating: 5_000_000, count: 6), "six peers at 5 Mbps, as the question says")
        #expect(lesson.network.nodes.first { $0.name == "seed" }?.upload == 10_000_000)
        let right = try #require(quiz.answers.first.flatMap { quiz.choices[$0].explanation })
        #expect(right.contains("30 Mbps"), "the right answer adds up what the question gave")
    }

    /// Narration that asks a question just before a quiz asks it twice: once in the text
    /// and again in the quiz. The quiz is the question; the text shown with it (since the
    /// last run before it) sets it up without asking one of its own.
    @Test func noQuizRepeatsAQuestionTheNarrationJustAsked() throws {
        var offenders: [String] = []
        for lesson in Self.lessons {
            for (number, step) in lesson.steps.enumerated() {
                var lastRun = -1
                for (index, item) in step.script.enumerated() {
                    if case .run = item.kind { lastRun = index }
                    guard case .quiz = item.kind else { continue }
                    let leadIn = step.narration.filter { $0.kind == .text && $0.revealAt > lastRun && $0.revealAt <= index }
                    for paragraph in leadIn where Self.plain(paragraph).contains("?") {
                        offenders.append("\(lesson.id) step \(number + 1): \(Self.plain(paragraph))")
                    }
                }
            }
        }
        #expect(offenders == [])
    }

    static func plain(_ paragraph: Paragraph) -> String {
        paragraph.spans.map { span -> String in
            if case let .text(text, _) = span { text } else { "{}" }
        }.joined()
    }
}
