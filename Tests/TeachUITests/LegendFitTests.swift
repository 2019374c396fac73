import Canvas
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// The legend as the learner reads it, on the stage's borders of the whole screen: every
/// glyph drawn on the stage has its entry there, at every size a learner uses, for every
/// step of every bundled lesson. (`LegendTests` checks what the renderer means to explain;
/// this checks that it fits: at 80x24 "▣ corrupt" was cut off the border while the
/// narration sent students to it.)
@Suite struct LegendFitTests {
    private static let theme = Theme(.full)

    /// The glyphs that need a legend entry: every symbol's, and a search's hops.
    static let explained: Set<Character> = {
        var glyphs = Set(StageSymbol.all.map(theme.glyph))
        let renderer = StageRenderer(scene: Scene(nodes: [], layout: .star), theme: theme)
        for hop in 0...StageRenderer.numberedHops { glyphs.insert(renderer.hopGlyph(hop)) }
        return glyphs
    }()

    /// The stage's border box on a drawn lesson screen: the first box under the title.
    static func stage(on canvas: Canvas) -> Rect? {
        guard canvas[0, 1].text == "┌", let right = (1..<canvas.width).first(where: { canvas[$0, 1].text == "┐" }),
              let bottom = (2..<canvas.height).first(where: { canvas[0, $0].text == "└" }) else { return nil }
        return Rect(x: 0, y: 1, width: right + 1, height: bottom)
    }

    /// What the learner sees missing on a lesson screen (its stage drew `hits`): each glyph on the stage with no entry on its borders
    /// ("■" drawn, no "■ …" in the legend), a count beside a message with no "at once",
    /// and an arrowhead with nothing of its path beside it (it needs no entry at the end
    /// of its line, but alone it read as a stray glyph).
    static func missing(_ canvas: Canvas, stage hits: StageHits?) -> [String] {
        guard let hits, let stage = stage(on: canvas) else { return [] }
        let row = { (y: Int) in (stage.x..<stage.maxX).map { canvas[$0, y].text }.joined() }
        let legend = row(stage.y) + row(stage.maxY - 1)
        let captions = hits.placement.captions.map(\.frame)
        let messages = Set(MessageKind.allCases.filter { $0 != .control }.map { theme.glyph($0) })
        let light = theme.glyphs.light
        let lines: Set<Character> = [light.horizontal, light.vertical, light.cross, theme.glyphs.rising, theme.glyphs.falling, "╳"]
        let heads: Set<Character> = ["▸", "◂", "▴", "▾"]
        var missing: [String] = []
        for y in stage.y + 1..<stage.maxY - 1 {
            for x in stage.x + 1..<stage.maxX - 1 where !captions.contains(where: { $0.contains(x: x, y: y) }) {
                guard let glyph = canvas[x, y].text.first else { continue }
                if heads.contains(glyph) {
                    // A head ends a line, a message with its count, or a head of a path beside it.
                    let attached = (y - 1...y + 1).contains { ny in
                        (x - 1...x + 1).contains { nx in
                            guard let near = canvas[nx, ny].text.first else { return false }
                            let count = (near == "+" || near.isNumber) && canvas[nx - 1, ny].text.first.map(messages.contains) == true
                            return lines.contains(near) || messages.contains(near) || heads.contains(near) || count
                        }
                    }
                    if !attached, !missing.contains("lone \(glyph)") {
                        missing.append("lone \(glyph)")
                    }
                    // Every head, whichever way it points, is the legend's "▸".
                    if !legend.contains("▸ to"), !missing.contains("arrowhead") { missing.append("arrowhead") }
                }
                guard explained.contains(glyph) else { continue }
                if !legend.contains(glyph), !missing.contains(String(glyph)) { missing.append(String(glyph)) }
                let next = canvas[x + 1, y].text
                if messages.contains(glyph), next == "+" || ("2"..."9").contains(next), !legend.contains("at once"),
                   !missing.contains("count") {
                    missing.append("count")
                }
            }
        }
        let picture = (stage.y..<stage.maxY).map(row).joined(separator: "\n")
        return missing.isEmpty ? [] : missing + ["stage:\n\(picture)"]
    }

    /// Each step of each lesson played as a learner would at each size
    /// (`CourseWalk.played`), looked at three times while each play runs (when most is in
    /// flight) and at each stop.
    @Test(arguments: CoursePlayTests.lessons.map(\.id))
    func everyGlyphOnTheStageHasItsEntryOnTheBorders(id: String) throws {
        for size in CourseWalk.sizes {
            for look in CourseWalk.played(id, at: size) {
                let missing = Self.missing(look.screen, stage: look.screenStage)
                #expect(missing.isEmpty, "\(look.name) at \(size): \(missing)")
            }
        }
    }
}
