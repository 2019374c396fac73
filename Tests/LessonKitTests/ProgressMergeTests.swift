import Testing
@testable import LessonKit

/// Two netstep processes on one account: each save merges what the other saved meanwhile.
@Suite struct ProgressMergeTests {
    @Test("lessons changed in another process are kept; lessons changed here are taken from here")
    func eachSideKeepsItsLessons() {
        var base = Progress()
        base.recordStep(1, in: "cs-basics")
        var mine = base
        mine.recordStep(4, in: "p2p-swarm")
        var theirs = base
        theirs.recordStep(3, in: "cs-basics")
        theirs.markFinished("cs-cost")
        let merged = mine.merged(into: theirs, since: base)
        #expect(merged.lessons["p2p-swarm"]?.step == 4)
        #expect(merged.lessons["cs-basics"]?.step == 3, "this side never moved in cs-basics")
        #expect(merged.lessons["cs-cost"]?.finished == true)
    }

    @Test("a lesson both changed keeps this side's step, either side's finish and every quiz answer")
    func bothChangedOneLesson() {
        let base = Progress()
        var mine = base
        mine.recordStep(2, in: "cs-basics")
        mine.recordAnswer(lesson: "cs-basics", step: 1, quiz: 0, correct: true)
        var theirs = base
        theirs.recordStep(5, in: "cs-basics")
        theirs.markFinished("cs-basics")
        theirs.recordAnswer(lesson: "cs-basics", step: 3, quiz: 0, correct: false)
        let lesson = mine.merged(into: theirs, since: base).lessons["cs-basics"]
        #expect(lesson?.step == 2)
        #expect(lesson?.finished == true)
        #expect(lesson?.quizzes.keys.sorted() == ["1.0", "3.0"])
    }
}
