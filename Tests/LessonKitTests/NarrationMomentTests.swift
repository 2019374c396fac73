import Testing
@testable import LessonKit

/// A paragraph written after a run keeps the figures of the moment that run stopped at.
/// When another run of the same step follows, the paragraph stays on screen while the
/// stage and the gauges move on, so a sentence quoting its figures must speak of that
/// moment as past: a "now" there ("the queue now holds 5") is read beside a gauge that
/// already says 4.
@Suite struct NarrationMomentTests {
    private static func isRun(_ item: ScriptItem) -> Bool {
        if case .run = item.kind { true } else { false }
    }

    @Test func noFrozenFigureIsCalledNowWhileALaterRunPlays() throws {
        var offenders: [String] = []
        for lesson in try Fixtures.course().lessons {
            for (number, step) in lesson.steps.enumerated() {
                for paragraph in step.narration {
                    let frozen = step.script.prefix(paragraph.revealAt).contains(where: Self.isRun)
                    let runsLater = step.script.dropFirst(paragraph.revealAt).contains(where: Self.isRun)
                    guard frozen, runsLater else { continue }
                    // Each sentence that quotes a figure: a figure stands for "\u{1}".
                    let text = paragraph.spans.map { span -> String in
                        if case let .text(text, _) = span { text } else { "\u{1}" }
                    }.joined()
                    let sentences = text.split { ".!?".contains($0) }.filter { $0.contains("\u{1}") }
                    if sentences.contains(where: { $0.lowercased().split { !$0.isLetter }.contains("now") }) {
                        offenders.append("\(lesson.id) step \(number + 1)")
                    }
                }
            }
        }
        #expect(offenders == [])
    }
}
