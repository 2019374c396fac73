import Canvas
import NetSim

/// What is singled out on the stage: a node or a message in flight.
enum Selection: Hashable, Sendable {
    case node(Int)
    case packet(Int)
}

/// Where things ended up on a drawn stage, for finding what a mouse click hit.
struct StageHits {
    var placement: StagePlacement
    /// The cell each message in flight was drawn at (the last drawn wins a shared cell).
    var packets: [Point: Int]

    /// The message or node drawn at a cell; messages first, as they are drawn on top.
    func selection(at point: Point) -> Selection? {
        if let packet = packets[point] { return .packet(packet) }
        return placement.node(at: point).map { .node($0) }
    }
}

/// Draws a scene into a rectangle: links first, then nodes on top, then the messages
/// in flight at their positions along the links.
struct StageRenderer {
    let scene: Scene
    let theme: Theme
    var selection: Selection?
    /// Presenting: large node boxes where they fit.
    var roomy = false

    /// Draws the stage and says where everything went (for hit testing and tests).
    @discardableResult
    func draw(into canvas: inout Canvas, rect: Rect) -> StageHits {
        let geometry = scene.geometry(in: rect, roomy: roomy)
        let placement = geometry.placement
        drawCaptions(into: &canvas, placement: placement)
        let paths = drawLinks(into: &canvas, geometry: geometry, within: rect)
        for node in scene.nodes {
            guard let frame = placement.frames[node.id] else { continue }
            drawNode(node, frame: frame, form: placement.form, into: &canvas)
        }
        let packets = drawPackets(into: &canvas, paths: paths, placement: placement)
        if placement.form == .dot, placement.hidden > 0 {
            let note = " +\(placement.hidden) more "
            canvas.put(note, x: rect.maxX - DisplayWidth.of(note), y: rect.maxY - 1, style: theme.dim)
        }
        return StageHits(placement: placement, packets: packets)
    }

    private func drawNode(_ node: SceneNode, frame: Rect, form: NodeForm, into canvas: inout Canvas) {
        let selected = selection == .node(node.id)
        let style = theme.style(node, selected: selected)
        let label = String(marker(for: node)) + " " + node.name
        switch form {
        case .box, .largeBox:
            var border = style
            border.attributes.remove(.reverse)
            canvas.fill(frame)
            canvas.box(frame, weight: theme.border(node, selected: selected), glyphs: theme.glyphs, style: border)
            let inset = form == .largeBox ? 3 : 1
            canvas.put(label, x: frame.x + inset, y: frame.y + frame.height / 2, style: style)
            if let badge = workBadge(for: node, width: frame.width - 2) {
                canvas.put(badge, x: frame.x + 1 + (frame.width - 2 - DisplayWidth.of(badge)) / 2, y: frame.maxY - 1, style: border)
            }
        case .compact:
            canvas.put(label, x: frame.x, y: frame.y, style: style)
        case .dot where frame.width > 1:
            canvas.put(label, x: frame.x, y: frame.y, style: style)
        case .dot:
            canvas.put(String(dot(for: node)), x: frame.x, y: frame.y, style: style)
        }
    }

    /// What a server is doing, set into its box's bottom border: "working" (or "busy"
    /// in a narrower box) while it handles a request, and "+3" for the requests waiting
    /// behind it; nothing when no form fits.
    private func workBadge(for node: SceneNode, width: Int) -> String? {
        guard node.isUp, node.isWorking || node.waiting > 0 else { return nil }
        let queue = node.waiting > 0 ? "+\(node.waiting)" : ""
        func form(_ word: String, padded: Bool) -> String {
            let text = [word, queue].filter { !$0.isEmpty }.joined(separator: " ")
            return padded ? " \(text) " : text
        }
        let forms = node.isWorking
            ? [form("working", padded: true), form("busy", padded: true), form("busy", padded: false), form(theme.glyphs.ellipsis, padded: false)]
            : [form("", padded: true), form("", padded: false)]
        return forms.first { DisplayWidth.of($0) <= width }
    }

    /// The glyph in front of a node's name: its state when something is wrong, else its role.
    private func marker(for node: SceneNode) -> Character {
        if !node.isUp { return theme.deadGlyph }
        if node.isOverloaded { return theme.overloadMark }
        if node.isMalicious { return theme.maliciousMark }
        return theme.glyph(node.role)
    }

    /// In a grid, a peer's cell shows how much of the file it holds.
    private func dot(for node: SceneNode) -> Character {
        if !node.isUp || node.isOverloaded || node.isMalicious || node.role.isHub { return marker(for: node) }
        guard let share = node.share else { return theme.glyph(node.role) }
        let shades = theme.glyphs.shades
        return shades[Self.shade(of: share, among: shades.count)]
    }

    /// Which of `count` shades, lightest first, stands for a share of the file: the
    /// lightest only for none of it and the darkest only for all of it, so a node with
    /// a few chunks never looks empty and one a chunk short never looks done; the
    /// shades between split the rest evenly.
    static func shade(of share: Double, among count: Int) -> Int {
        guard share > 0 else { return 0 }
        guard share < 1 else { return count - 1 }
        return 1 + min(count - 3, Int((share * Double(count - 2)).rounded(.down)))
    }
}
