import LessonKit
import Testing
@testable import TeachUI

/// `netstep open ID` opens a lesson where the learner stopped: the status line says so
/// and how to start over (play-test: a lesson opened at step 4 without a word).
@Suite struct ResumeNoteTests {
    static func opened(step: Int?) throws -> AppState {
        let lesson = try NarrationScrollTests.basics()
        var progress = Progress()
        progress.recordStep(3, in: lesson.id)
        var state = AppState(lessons: [lesson], progress: progress, start: .lesson(id: lesson.id, step: step))
        send(&state, .resize(width: 80, height: 24))
        return state
    }

    @Test func openingWhereYouStoppedSaysSo() throws {
        var state = try Self.opened(step: nil)
        #expect(state.lesson?.runner.stepIndex == 3)
        #expect(screen(state, width: 80, height: 24).contains("step 4/4"))
        #expect(screen(state, width: 80, height: 24).contains("resumed here; R restarts the lesson"), "whole at 80 columns")
        send(&state, .key(.right))
        #expect(!screen(state, width: 100, height: 30).contains("resumed"), "said once, until the next key")
    }

    @Test func aStepAskedForIsNotAResume() throws {
        let state = try Self.opened(step: 3)
        #expect(!screen(state, width: 100, height: 30).contains("resumed"))
    }
}
