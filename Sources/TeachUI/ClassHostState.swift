import LessonKit

/// A presenter's class: the command students type to join, who is there, and their
/// answers. Students are anonymous tokens; an answer is kept per token, so a student who
/// answers again or reconnects is still counted once.
public struct ClassHostState: Sendable, Hashable {
    /// `netstep join HOST:PORT CODE`, one per address the class can be reached at.
    public var joinCommands: [String]
    /// The presenter has left the join card.
    public internal(set) var started = false
    /// The students connected now, and whether each follows the class.
    var present: [String: Bool] = [:]
    /// The last choices each student sent for each quiz while it was open.
    var answers: [ClassQuestion: [String: [Int]]] = [:]

    public init(joinCommands: [String]) {
        self.joinCommands = joinCommands
    }

    var joined: Int { present.count }

    /// How the class answered `question`, a quiz with `choices` choices.
    func tally(_ question: ClassQuestion, choices: Int) -> ClassTally {
        let given = answers[question] ?? [:]
        var counts = [Int](repeating: 0, count: choices)
        for picked in given.values {
            for choice in picked where counts.indices.contains(choice) { counts[choice] += 1 }
        }
        return ClassTally(question: question, counts: counts, answered: given.count, present: max(present.count, given.count))
    }

    mutating func handle(_ event: ClassEvent, open: (ClassQuestion, Quiz)?) {
        switch event {
        case let .joined(student):
            present[student] = present[student] ?? true
        case let .left(student):
            present[student] = nil
        case let .presence(student, following):
            if present[student] != nil { present[student] = following }
        case let .answered(student, question, choices):
            // Only the quiz on the projector, still open, takes answers, and only choices it has.
            guard let (openQuestion, quiz) = open, openQuestion == question, present[student] != nil else { return }
            let picked = Array(Set(choices)).sorted()
            guard !picked.isEmpty, picked.allSatisfy({ quiz.choices.indices.contains($0) }), quiz.multiple || picked.count == 1 else { return }
            answers[question, default: [:]][student] = picked
        case .moment, .tally, .connected, .ended:
            break
        }
    }
}
