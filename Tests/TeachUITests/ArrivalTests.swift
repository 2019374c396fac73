import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// An answer is drawn where it arrived at the moment it arrives, and is gone once the
/// lesson moves on: a step that has not run yet shows nothing travelling.
@Suite struct ArrivalTests {
    @Test func theNextStepShowsNoAnswerFromTheStepBefore() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-basics" })
        let state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: 2))
        let rect = state.lessonLayout(width: 80, height: 24).stage
        let rows = screen(state).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let stage = rows[rect.y..<rect.maxY].joined(separator: "\n")
        #expect(state.lesson?.stage.frame.inFlight.isEmpty == true)
        #expect(!stage.contains("◆"), "\(stage)")
    }

    /// cs-bottleneck's step 2 starts the instant step 1's answer arrives: its first
    /// moments of play show the new requests, not that answer still drawn at c1.
    @Test func aStepsFirstMomentsShowNoAnswerFromTheStepBefore() throws {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == "cs-bottleneck" })
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: 1))
        send(&state, .key(.enter))
        for _ in 0..<20 {
            send(&state, .tick(elapsedMicroseconds: 200_000))
            let session = try #require(state.lesson)
            let arrived = state.lessonView(session, theme: Theme(.full)).scene.packets.filter(\.arrived)
            #expect(arrived.isEmpty, "t \(session.stage.frame.time): \(arrived)")
        }
    }
}
