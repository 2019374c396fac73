import Canvas

/// How much room each node gets on the stage.
enum NodeForm: Hashable, Sendable {
    /// A roomy bordered box: small networks on a large stage when presenting.
    case largeBox
    /// A bordered box with the role glyph and the name: small networks.
    case box
    /// The role glyph and the name on one row: medium networks.
    case compact
    /// One cell, shaded by the node's share of the file: large swarms, as a grid summary.
    case dot
}

/// Where every node sits on the stage, and in which form.
struct StagePlacement: Hashable, Sendable {
    var form: NodeForm
    /// The layout actually used: a lesson's star or ring becomes a grid when it cannot fit.
    var kind: StageLayoutKind
    var frames: [Int: Rect]
    /// Nodes a grid had no room for.
    var hidden: Int

    /// The node whose frame holds the cell, for mouse clicks.
    func node(at point: Point) -> Int? {
        frames.first { $0.value.contains(point) }?.key
    }
}

/// Places nodes on the stage: hubs (servers, trackers, supernodes) in the middle and the
/// rest on an ellipse around them, as boxes when they fit, as one-line labels when they
/// do not, and as a dense grid when not even those fit or the lesson asks for a grid.
enum StageLayout {
    /// Above this many nodes no ring of labels is readable: straight to the grid.
    static let largestRing = 60

    /// - Parameter roomy: large boxes may be used (presenting): on a projector the picture
    ///   has to read from the back of the room.
    static func place(_ nodes: [SceneNode], kind: StageLayoutKind, in rect: Rect, roomy: Bool = false) -> StagePlacement {
        if kind != .grid, nodes.count <= largestRing {
            for form in roomy ? [NodeForm.largeBox, .box, .compact] : [.box, .compact] {
                for hubs in HubArrangement.allCases {
                    for turn in [0.0, 0.5] {
                        if let frames = ring(nodes, form: form, hubs: hubs, turn: turn, in: rect) {
                            return StagePlacement(form: form, kind: kind, frames: frames, hidden: 0)
                        }
                    }
                }
            }
        }
        return grid(nodes, in: rect)
    }

    /// The frame size of a node in a form.
    static func size(of node: SceneNode, form: NodeForm) -> (width: Int, height: Int) {
        let name = DisplayWidth.of(node.name)
        switch form {
        case .largeBox: return (name + 8, 5)
        case .box: return (name + 4, 3)
        case .compact: return (name + 2, 1)
        case .dot: return (1, 1)
        }
    }

    /// How several hubs share the middle of a ring.
    private enum HubArrangement: CaseIterable {
        case row, column, innerRing
    }

    /// Hubs in the middle and everyone else on an ellipse around them (turned by `turn`
    /// of the spacing between neighbours); nil when any two frames would touch.
    private static func ring(
        _ nodes: [SceneNode], form: NodeForm, hubs arrangement: HubArrangement, turn: Double, in rect: Rect
    ) -> [Int: Rect]? {
        guard !nodes.isEmpty else { return [:] }
        let hubs = nodes.filter(\.role.isHub)
        let others = nodes.filter { !$0.role.isHub }
        let sizes = nodes.map { size(of: $0, form: form) }
        let widest = sizes.map(\.width).max() ?? 0, tallest = sizes.map(\.height).max() ?? 0
        guard widest <= rect.width, tallest <= rect.height else { return nil }
        var frames: [Int: Rect] = [:]
        let centre = rect.center
        let rx = Double(rect.width - widest) / 2, ry = Double(rect.height - tallest) / 2

        func put(_ node: SceneNode, at point: Point) {
            let (w, h) = size(of: node, form: form)
            let left = min(max(rect.x, point.x - w / 2), rect.maxX - w)
            let top = min(max(rect.y, point.y - h / 2), rect.maxY - h)
            frames[node.id] = Rect(x: left, y: top, width: w, height: h)
        }

        // Hubs in the middle, or alone on the ring when there is nobody else.
        let middle = others.isEmpty ? [] : hubs
        switch arrangement {
        case .row:
            let gap = 2
            let width = middle.reduce(0) { $0 + size(of: $1, form: form).width } + gap * max(0, middle.count - 1)
            guard width <= rect.width else { return nil }
            var x = centre.x - width / 2
            for hub in middle {
                let (w, h) = size(of: hub, form: form)
                frames[hub.id] = Rect(x: x, y: centre.y - h / 2, width: w, height: h)
                x += w + gap
            }
        case .column:
            guard middle.count > 1 else { return nil }
            let height = middle.reduce(0) { $0 + size(of: $1, form: form).height }
            guard height <= rect.height else { return nil }
            var y = centre.y - height / 2
            for hub in middle {
                let (w, h) = size(of: hub, form: form)
                frames[hub.id] = Rect(x: centre.x - w / 2, y: y, width: w, height: h)
                y += h
            }
        case .innerRing:
            guard middle.count > 2 else { return nil }
            for (hub, point) in zip(middle, Ellipse.points(count: middle.count, center: centre, rx: rx * 0.45, ry: ry * 0.45)) {
                put(hub, at: point)
            }
        }

        let around = others.isEmpty ? hubs : others
        let points = around.count == 1 && middle.isEmpty
            ? [centre]
            : Ellipse.points(count: around.count, center: centre, rx: rx, ry: ry, turn: turn)
        for (node, point) in zip(around, points) { put(node, at: point) }
        return separated(Array(frames.values)) ? frames : nil
    }

    /// No two frames touch: at least one blank column between them side by side.
    private static func separated(_ frames: [Rect]) -> Bool {
        for i in frames.indices {
            let padded = Rect(x: frames[i].x - 1, y: frames[i].y, width: frames[i].width + 2, height: frames[i].height)
            for j in frames.indices where j > i && padded.intersects(frames[j]) { return false }
        }
        return true
    }

    /// Spacings tried for a grid, roomiest first; columns are twice as far apart as
    /// rows because terminal cells are about twice as tall as wide.
    private static let gridPitches = [(6, 3), (4, 2), (3, 2), (2, 2), (3, 1), (2, 1)]

    /// Hubs centred on the top row (named when there is room), everyone else row by row
    /// below them, one cell each, spaced as widely as the stage allows and centred on it.
    private static func grid(_ nodes: [SceneNode], in rect: Rect) -> StagePlacement {
        let hubs = nodes.filter(\.role.isHub), others = nodes.filter { !$0.role.isHub }
        guard !rect.isEmpty else { return StagePlacement(form: .dot, kind: .grid, frames: [:], hidden: nodes.count) }
        let hubRows = hubs.isEmpty || others.isEmpty ? 0 : 1
        let members = hubRows == 0 ? hubs + others : others
        var chosen = (x: 2, y: 1)
        for (px, py) in gridPitches {
            let columns = (rect.width - 1) / px + 1
            let rows = (rect.height - 1 - hubRows * py) / py + 1
            if rows > 0, columns * rows >= members.count {
                chosen = (px, py)
                break
            }
        }
        let columns = max(1, (rect.width - 1) / chosen.x + 1)
        let rows = max(0, (rect.height - 1 - hubRows * chosen.y) / chosen.y + 1)
        let shown = min(members.count, columns * rows)
        let usedColumns = min(columns, shown), usedRows = (shown + columns - 1) / max(1, columns)
        let blockHeight = (usedRows + hubRows - 1) * chosen.y + 1
        let left = rect.x + (rect.width - ((usedColumns - 1) * chosen.x + 1)) / 2
        let top = rect.y + max(0, (rect.height - blockHeight) / 2)
        var frames: [Int: Rect] = [:]
        if hubRows > 0 {
            // Hubs keep their names (as one-line labels) when the row has room for them.
            let labelled = hubs.reduce(0) { $0 + size(of: $1, form: .compact).width + 2 } - 2 <= rect.width
            let widths = hubs.map { labelled ? size(of: $0, form: .compact).width : 1 }
            var x = rect.x + max(0, (rect.width - (widths.reduce(0, +) + 2 * (hubs.count - 1))) / 2)
            for (hub, width) in zip(hubs, widths) where x + width <= rect.maxX {
                frames[hub.id] = Rect(x: x, y: top, width: width, height: 1)
                x += width + 2
            }
        }
        let firstRow = top + hubRows * chosen.y
        for (index, node) in members.prefix(shown).enumerated() {
            frames[node.id] = Rect(x: left + (index % columns) * chosen.x, y: firstRow + (index / columns) * chosen.y, width: 1, height: 1)
        }
        return StagePlacement(form: .dot, kind: .grid, frames: frames, hidden: nodes.count - frames.count)
    }
}
