import Foundation

/// The answer of a quiz the learner answers with a number (`answer: 50 ± 5`): its value
/// and how far from it an answer may be and still count.
public struct NumericAnswer: Sendable, Hashable {
    public var value: Double
    /// The largest distance from `value` that still counts as right (0: exactly).
    public var tolerance: Double
    /// What the number counts, shown beside the learner's input: "requests/s".
    public var unit: String?
    /// As written: "50 ± 5", "12.5 ± 10%".
    public var source: String
    /// Why a first answer above the range is wrong, and below it (`too-high`, `too-low`):
    /// said with "too high" or "too low" before the second try, without giving the answer.
    public var tooHigh: String?
    public var tooLow: String?

    /// Whether `answer` counts as right. The tolerance's edges count, and so does a
    /// difference too small to see in the digits written.
    public func accepts(_ answer: Double) -> Bool {
        abs(answer - value) <= tolerance + 1e-9 * max(1, abs(value))
    }

    /// "50 ± 5 requests/s": the answer as the learner is told it.
    public var shown: String {
        source + (unit.map { " " + $0 } ?? "")
    }

    /// The number a learner typed ("12.5", "-3", "1,5" with a decimal comma, "1 000"),
    /// nil when it is not one.
    public static func number(typed text: String) -> Double? {
        let cleaned = text.filter { $0 != " " && $0 != "_" }.replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Reads `50`, `50 ± 5`, `50 +- 5` or `50 ± 10%` (a tolerance relative to the value).
    static func parse(_ text: String) -> NumericAnswer? {
        let normalized = text.replacingOccurrences(of: "+/-", with: "±").replacingOccurrences(of: "+-", with: "±")
        let parts = normalized.split(separator: "±", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
        guard (1...2).contains(parts.count), let value = Double(parts[0]), value.isFinite else { return nil }
        var tolerance = 0.0
        if parts.count == 2 {
            let written = parts[1]
            if written.hasSuffix("%") {
                guard let percent = Double(written.dropLast().trimmingCharacters()), percent.isFinite, percent >= 0 else { return nil }
                tolerance = abs(value) * percent / 100
            } else {
                guard let absolute = Double(written), absolute.isFinite, absolute >= 0 else { return nil }
                tolerance = absolute
            }
        }
        let source = parts.count == 2 ? "\(parts[0]) ± \(parts[1])" : parts[0]
        return NumericAnswer(value: value, tolerance: tolerance, unit: nil, source: source)
    }
}
