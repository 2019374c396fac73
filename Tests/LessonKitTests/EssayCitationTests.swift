import Foundation
import Testing
@testable import LessonKit

/// The essay is not part of the program, so a citation a student reads must carry the
/// point it cites: "(essay, paragraph 4: a central server is where security rules are
/// enforced)", never a bare paragraph number the student cannot look up.
@Suite struct EssayCitationTests {
    static let lessons = (try? Fixtures.course().lessons) ?? []

    /// Everything a student reads: narration, pauses and asks, quizzes, hints.
    static func studentText(of lesson: Lesson) -> [String] {
        lesson.steps.flatMap { step -> [String] in
            let narration = step.narration.map { paragraph in
                paragraph.spans.map { span -> String in
                    if case let .text(text, _) = span { text } else { "{}" }
                }.joined()
            }
            let prompts = step.script.compactMap { item -> String? in
                switch item.kind {
                case let .pause(text): text
                case let .ask(ask): ask.prompt
                default: nil
                }
            }
            let quizzes = step.quizzes.flatMap { quiz in
                [quiz.question, quiz.explanation ?? ""] + quiz.choices.flatMap { [$0.text, $0.explanation ?? ""] }
            }
            return narration + prompts + quizzes + step.hints
        }
    }

    static let citation = try! NSRegularExpression(pattern: #"essay, paragraphs? ([1-6])(?: and ([1-6]))?: ([^)]+)\)"#)

    /// Any way of pointing at a paragraph: "paragraph 4", "paragraphs 4 and 5", "its fourth paragraph".
    static let mention = try! NSRegularExpression(pattern: #"paragraphs? [0-9]|(first|second|third|fourth|fifth|sixth|last) paragraph"#)

    @Test(arguments: lessons.map(\.id))
    func everyCitationSaysWhatTheParagraphSays(id: String) throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        for text in Self.studentText(of: lesson) {
            let flat = text.replacingOccurrences(of: "\n", with: " ")
            let range = NSRange(flat.startIndex..., in: flat)
            let cited = Self.citation.matches(in: flat, range: range)
            let mentions = Self.mention.numberOfMatches(in: flat, range: range)
            #expect(mentions == cited.count, "a paragraph cited without its point: \(flat)")
            for match in cited {
                let gist = (flat as NSString).substring(with: match.range(at: 3))
                #expect(gist.split(separator: " ").count >= 4, "a point in a few words, not a label: \(gist)")
                let numbers = [1, 2].compactMap { Range(match.range(at: $0), in: flat).map { Int(flat[$0])! } }
                #expect(Set(numbers).isSubset(of: lesson.essay), "\(id) cites paragraph \(numbers) but its front matter lists \(lesson.essay)")
            }
        }
    }
}
