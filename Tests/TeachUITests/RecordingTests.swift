import Canvas
import Foundation
import LessonKit
import Testing
@testable import TeachUI

/// `netstep record`'s recording: a valid asciicast v2 whose replay ends on the lesson's
/// last screen, with a marker at every quiz.
@Suite struct RecordingTests {
    /// The recording of a lesson as `netstep record` writes it, and every screen it made.
    struct Cast {
        var lines: [String]
        var screens: [(time: Int64, canvas: Canvas)]
        var problem: String?
    }

    static func record(_ lessons: [Lesson], id: String, step: Int? = nil, width: Int = 100, height: Int = 30) throws -> Cast {
        var recording = try #require(LessonRecording(lessons: lessons, id: id, step: step, width: width, height: height))
        var writer = AsciicastWriter(width: width, height: height)
        let title = try #require(lessons.first { $0.id == id }).title
        var cast = Cast(lines: [writer.header(title: title)], screens: [])
        var end: Int64 = 0
        while let event = recording.next() {
            end = event.time
            if case let .screen(canvas) = event.kind { cast.screens.append((event.time, canvas)) }
            if let line = writer.line(for: event) { cast.lines.append(line) }
        }
        cast.lines.append(writer.finish(at: end))
        cast.problem = recording.problem
        return cast
    }

    /// The events of a cast, parsed as a player parses them: [seconds, code, text].
    static func events(_ cast: Cast) throws -> [(time: Double, code: String, data: String)] {
        try cast.lines.dropFirst().map { line in
            let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(array.count == 3, "\(line)")
            let time = try #require(array[0] as? Double ?? (array[0] as? Int).map(Double.init))
            let code = try #require(array[1] as? String), data = try #require(array[2] as? String)
            return (time, code, data)
        }
    }

    @Test("the header says asciicast v2 at the recorded size, and every event is [seconds, o or m, text] in time order")
    func castIsWellFormed() throws {
        let cast = try Self.record(TestLessons.course, id: "test-request", width: 90, height: 28)
        #expect(cast.problem == nil)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(cast.lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 90)
        #expect(header["height"] as? Int == 28)
        #expect(header["title"] as? String == "One request")
        let events = try Self.events(cast)
        #expect(events.count > 10)
        #expect(events.allSatisfy { $0.code == "o" || $0.code == "m" })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(events.first?.time == 0)
    }

    @Test("replaying the output through a terminal ends on the lesson's last screen, colours and all")
    func replayEndsOnTheLastScreen() throws {
        let cast = try Self.record(TestLessons.course, id: "test-request")
        var terminal = TestTerminal(width: 100, height: 30)
        for event in try Self.events(cast) where event.code == "o" { terminal.feed(event.data) }
        let last = try #require(cast.screens.last?.canvas)
        #expect(terminal.canvas.text == last.text)
        #expect(terminal.canvas == last)
        #expect(terminal.surprises.isEmpty)
        // The last screen is the lesson finished, on its last step with the quiz answered.
        #expect(last.text.contains("step 2/2"))
        #expect(last.text.contains("lesson done"))
        #expect(last.text.contains("✓"))
    }

    @Test("a marker at every quiz, when the quiz is on screen, named by its question")
    func markersAtQuizzes() throws {
        let cast = try Self.record(TestLessons.course, id: "test-request")
        let events = try Self.events(cast)
        let markers = events.filter { $0.code == "m" }
        #expect(markers.map(\.data) == ["Quiz: Who answers the request?"])
        var terminal = TestTerminal(width: 100, height: 30)
        for event in events {
            if event.code == "m" {
                #expect(terminal.canvas.text.contains("Who answers the request?"))
                #expect(!terminal.canvas.text.contains("✓"), "marked before it is answered")
                break
            }
            terminal.feed(event.data)
        }
    }
}
