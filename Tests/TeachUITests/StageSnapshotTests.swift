import Canvas
import Foundation
import LessonKit
import Testing
@testable import TeachUI

/// Whole screens, characters and colours, of one bundled stage per layout, compared with
/// the files in Snapshots/. After a change meant to alter them, run the tests once with
/// NETSTEP_RECORD_SNAPSHOTS=1 to write them anew, and read the diff before committing.
@Suite struct StageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["NETSTEP_RECORD_SNAPSHOTS"] == "1"

    /// A lesson at a step, keys pressed, at a size.
    struct Moment: Sendable, CustomStringConvertible {
        var name: String
        var lesson: String
        var step: Int
        var keys: [Key] = []
        var width = 100, height = 30
        var description: String { name }
    }

    static let moments = [
        Moment(name: "star", lesson: "cs-bottleneck", step: 1, keys: [.right, .right, .right]),
        Moment(name: "multi-star", lesson: "cs-bottleneck", step: 3, keys: [.character("a"), .right, .right, .right, .right]),
        Moment(name: "ring-with-chords", lesson: "p2p-discovery", step: 0, width: 160, height: 45),
        Moment(name: "tiers", lesson: "hybrids", step: 0, keys: [.right, .right]),
        Moment(name: "clusters", lesson: "cs-cost", step: 0, keys: [.right, .right, .right], width: 160, height: 45),
        Moment(name: "grid", lesson: "p2p-scaling", step: 0, keys: [.character("1"), .character(" "), .right, .right, .right]),
        Moment(name: "full-mesh-no-lines", lesson: "p2p-peers", step: 0, keys: [.right]),
        Moment(name: "swarm-ring", lesson: "p2p-swarm", step: 2, keys: Array(repeating: .right, count: 12), width: 160, height: 45),
    ]

    static func shot(_ moment: Moment) throws -> String {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == moment.lesson })
        var state = AppState(lessons: [lesson], start: .lesson(id: lesson.id, step: moment.step))
        for key in moment.keys { send(&state, .key(key)) }
        let canvas = render(state, width: moment.width, height: moment.height, capabilities: .full)
        return canvas.text + "\n\n" + colourMap(canvas) + "\n\n" + attributeMap(canvas)
    }

    @Test(arguments: moments)
    func theStageLooksAsRecorded(moment: Moment) throws {
        let file = Self.folder.appendingPathComponent(moment.name + ".txt")
        let shown = try Self.shot(moment)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try shown.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(shown == recorded, "\(moment.name): run with NETSTEP_RECORD_SNAPSHOTS=1 to record\n\(shown)")
    }
}
