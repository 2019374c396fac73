import LessonKit

extension LessonSession {
    /// Shows the class's `moment` (see `LessonRunner.follow(to:)`), keeping the
    /// student's picks; a quiz whose answer the presenter showed shows it here too.
    mutating func follow(_ moment: ClassMoment) {
        let picked = answers
        move { $0.follow(to: moment) }
        answers = picked
        guard let place = pendingQuiz?.1 else { return }
        if moment.revealed {
            answers[place, default: QuizAnswer()].answered = true
        } else if answers[place]?.answered == true {
            // Answered while exploring alone, but the class's quiz is still open: that was
            // practice, and the student's answer to the class is still to give.
            answers[place] = nil
        }
    }

    /// The quiz the class is at, open for answers: on screen and not yet revealed.
    var openClassQuestion: (ClassQuestion, Quiz)? {
        guard let (quiz, place) = pendingQuiz, answers[place]?.answered != true else { return nil }
        return (ClassQuestion(step: place.step, position: place.position), quiz)
    }
}
