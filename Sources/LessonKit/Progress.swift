import Foundation

/// What a learner has done, kept between runs: lessons finished, the step they were on,
/// and how their quizzes went. Pure data; the executable reads and writes the file.
public struct Progress: Codable, Sendable, Hashable {
    /// Bumped when the format changes incompatibly, so an old program refuses a newer file.
    public static let formatVersion = 1

    public struct LessonProgress: Codable, Sendable, Hashable {
        /// 0-based index of the step the learner was on.
        public var step: Int = 0
        public var finished: Bool = false
        /// Keyed by "STEP.QUIZ" (0-based), e.g. "2.0" for the first quiz of the third step.
        public var quizzes: [String: QuizResult] = [:]

        public init() {}
    }

    public struct QuizResult: Codable, Sendable, Hashable {
        /// Whether the first answer was right.
        public var firstTryCorrect: Bool
        public var attempts: Int

        public init(firstTryCorrect: Bool, attempts: Int) {
            self.firstTryCorrect = firstTryCorrect
            self.attempts = attempts
        }
    }

    /// Why a progress file could not be read.
    public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        case notProgress(String)
        case newerFormat(Int)

        public var description: String {
            switch self {
            case let .notProgress(why): "it is not a netstep progress file (\(why))"
            case let .newerFormat(version): "it was written by a newer netstep (format \(version))"
            }
        }
    }

    public var version: Int = Progress.formatVersion
    /// By lesson id.
    public var lessons: [String: LessonProgress] = [:]

    public init() {}

    public mutating func recordStep(_ step: Int, in lesson: String) {
        precondition(step >= 0, "steps are 0-based")
        lessons[lesson, default: LessonProgress()].step = step
    }

    public mutating func markFinished(_ lesson: String) {
        lessons[lesson, default: LessonProgress()].finished = true
    }

    /// Counts an answer; only the first one decides `firstTryCorrect`.
    public mutating func recordAnswer(lesson: String, step: Int, quiz: Int, correct: Bool) {
        let key = "\(step).\(quiz)"
        var entry = lessons[lesson, default: LessonProgress()]
        if var result = entry.quizzes[key] {
            result.attempts += 1
            entry.quizzes[key] = result
        } else {
            entry.quizzes[key] = QuizResult(firstTryCorrect: correct, attempts: 1)
        }
        lessons[lesson] = entry
    }

    /// This progress with what another process saved meanwhile: `base` is what this one
    /// last read or wrote, `saved` what the file holds now. A lesson only one side changed
    /// takes that side's state; one both changed keeps this side's step (the learner's
    /// latest move here), is finished if either finished it, and keeps every quiz answer.
    public func merged(into saved: Progress, since base: Progress) -> Progress {
        var result = saved
        result.version = max(version, saved.version)
        for (id, mine) in lessons where mine != base.lessons[id] {
            guard let theirs = saved.lessons[id], theirs != base.lessons[id] else {
                result.lessons[id] = mine
                continue
            }
            var both = mine
            both.finished = mine.finished || theirs.finished
            both.quizzes = theirs.quizzes.merging(mine.quizzes) { theirAnswer, myAnswer in
                myAnswer.attempts >= theirAnswer.attempts ? myAnswer : theirAnswer
            }
            result.lessons[id] = both
        }
        return result
    }

    /// Stable JSON (sorted keys), so the file diffs cleanly and tests can compare it.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            preconditionFailure("progress is plain data and always encodes: \(error)")
        }
    }

    public static func decode(_ data: Data) throws(DecodingError) -> Progress {
        let progress: Progress
        do {
            progress = try JSONDecoder().decode(Progress.self, from: data)
        } catch {
            throw .notProgress(Self.reason(error))
        }
        guard progress.version <= formatVersion else { throw .newerFormat(progress.version) }
        guard progress.lessons.values.allSatisfy({ $0.step >= 0 }) else { throw .notProgress("a negative step number") }
        return progress
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case Swift.DecodingError.dataCorrupted: "not valid JSON"
        case let Swift.DecodingError.keyNotFound(key, _): "no '\(key.stringValue)'"
        case let Swift.DecodingError.typeMismatch(_, context), let Swift.DecodingError.valueNotFound(_, context):
            "a wrong value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "unreadable"
        }
    }
}
