import Canvas
import NetSim

/// A search on the stage: the asker and every node the question reached carry the hop it
/// came at in front of their names (⓪ the asker, ① its neighbours, ② theirs…), so a
/// learner counts hops by reading numbers rather than tracing lines; the peers a flood
/// never reached carry the `unreached` mark.
extension StageRenderer {
    /// Hops shown as their own glyph; a question further out is drawn as the last.
    static let numberedHops = 20

    /// Draws the icon in front of a node's name at `point`: its hop in the latest search
    /// when it has one and nothing is wrong with it, else the symbol of its mark or role.
    func drawIcon(for node: SceneNode, symbol: StageSymbol, style: Style, at point: Point, into canvas: inout Canvas, ink: inout StageInk) {
        guard node.marks.allSatisfy(\.isSearch), let search = node.search else {
            canvas.put(String(theme.glyph(symbol)), x: point.x, y: point.y, style: style)
            ink.insert(symbol)
            return
        }
        let hop = switch search {
        case .asker: 0
        case let .asked(hop): min(hop, Self.numberedHops)
        }
        var hopStyle = theme.style(.message(.lookup))
        if selection == .node(node.id) { hopStyle.attributes.insert(.reverse) }
        canvas.put(String(hopGlyph(hop)), x: point.x, y: point.y, style: hopStyle)
        if !ink.hops.contains(hop) { ink.hops = (ink.hops + [hop]).sorted() }
    }

    /// ⓪ for the asker, ①…⑳ for the hops; in ASCII "A" and the digits ("+" past nine).
    func hopGlyph(_ hop: Int) -> Character {
        guard theme.unicode else { return hop == 0 ? "A" : hop < 10 ? Character(String(hop)) : "+" }
        let scalar = hop == 0 ? 0x24EA : 0x2460 + UInt32(hop - 1)
        return Character(Unicode.Scalar(scalar)!)
    }

    /// The legend's words for a search: who asked, the hops drawn, who holds what is
    /// asked for, and the peers a flood did not reach.
    func searchLegend(_ ink: StageInk) -> [LegendEntry] {
        let style = theme.style(.message(.lookup))
        var entries: [LegendEntry] = []
        if ink.hops.first == 0 { entries.append(LegendEntry(glyphs: String(hopGlyph(0)), style: style, title: "asker")) }
        let hops = ink.hops.filter { $0 > 0 }
        if !hops.isEmpty {
            entries.append(LegendEntry(glyphs: String(hops.map(hopGlyph)), style: style, title: "asked at hop", shorter: ["hop"]))
        }
        for mark in [StageMark.holder, .unreached] where ink.contains(.mark(mark)) {
            let look = SymbolLook.of(.mark(mark))
            entries.append(LegendEntry(glyphs: String(theme.glyph(.mark(mark))), style: look.style, title: look.word, shorter: look.shorter))
        }
        return entries
    }
}
