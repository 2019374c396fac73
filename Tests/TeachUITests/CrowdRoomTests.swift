import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// Crowded swarms at 80x24 stay readable: a message's path, its chunks and its
/// arrowhead keep a blank cell from every one-line label, so a name and its mark never
/// run into the next thing ("◉ c1↑◂■▸◉ c2↑" read as one word).
@Suite struct CrowdRoomTests {
    /// What a travelling message draws: its path's dashes, its heads, a chunk.
    static let traffic: Set<String> = ["◂", "▸", "▴", "▾", "■", "─", "│", "╱", "╲"]

    /// Each step's stage at its start and ten presses of → in (`CourseWalk.stages`).
    @Test(arguments: ["resilience", "cs-cost", "hybrids"])
    func nothingTravellingTouchesALabel(id: String) throws {
        var touching: [String] = []
        for drawn in CourseWalk.drawnStages(id, at: CourseWalk.size("80x24")) where !drawn.scene.packets.isEmpty {
            let (name, canvas, placement, stage) = (drawn.name, drawn.canvas, drawn.hits.placement, drawn.rect)
            guard placement.form == .compact else { continue }
            // Standing links (hybrids' tracker and supernodes) end at their nodes; only
            // the cells no link passes are checked.
            let linked = Set(placement.drawnLinks.flatMap { [$0.low, $0.high] })
            for (id, frame) in placement.frames.sorted(by: { $0.key < $1.key }) where !linked.contains(id) {
                for x in [frame.x - 1, frame.maxX] where stage.contains(Point(x: x, y: frame.y)) {
                    let cell = canvas[x, frame.y].text
                    if Self.traffic.contains(cell) { touching.append("\(name): '\(canvas.row(frame.y))'") }
                }
            }
        }
        #expect(touching.isEmpty, "\(touching.joined(separator: "\n"))")
    }
}
