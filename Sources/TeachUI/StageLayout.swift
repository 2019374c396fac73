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

    /// Every frame, in the order of the nodes' ids: never in a dictionary's order, which
    /// Swift seeds afresh in every process (routing breaks ties by the order of the boxes,
    /// so that order would move lines from one run to the next).
    var boxes: [Rect] {
        frames.keys.sorted().compactMap { frames[$0] }
    }

    /// The node whose frame holds the cell, for mouse clicks.
    func node(at point: Point) -> Int? {
        frames.first { $0.value.contains(point) }?.key
    }

    /// A cell where a message or a count can be drawn and read as such: outside every
    /// node, and not right beside a one-line label, where it would read as part of the name.
    func isOpen(_ point: Point) -> Bool {
        frames.values.allSatisfy { frame in
            !frame.contains(point)
                && (form != .compact || !frame.contains(x: point.x - 1, y: point.y) && !frame.contains(x: point.x + 1, y: point.y))
        }
    }
}

/// Places nodes on the stage: hubs (servers, trackers, supernodes) in the middle and the
/// rest on an ellipse around them, as boxes when they fit, as one-line labels when they
/// do not, and as a dense grid when not even those fit or the lesson asks for a grid.
enum StageLayout {
    /// Above this many nodes no ring of labels is readable: straight to the grid.
    static let largestRing = 60

    /// Tries the forms roomiest first and, within a form, every arrangement of the hubs
    /// (see `Strain` for how arrangements are compared). A form is used only when every
    /// link can be drawn clear of the other nodes with room for a message on it; when no
    /// form manages that, the ring with the fewest such failures, and the grid when no
    /// ring fits.
    ///
    /// - Parameter links: the lines to be drawn, so none has to pass through a node.
    /// - Parameter roomy: large boxes may be used (presenting): on a projector the picture
    ///   has to read from the back of the room.
    static func place(
        _ nodes: [SceneNode], links: [SceneLink] = [], kind: StageLayoutKind, in rect: Rect, roomy: Bool = false
    ) -> StagePlacement {
        guard kind != .grid, nodes.count <= largestRing else { return grid(nodes, in: rect) }
        // A column of margin each side for boxes: a box's side against the stage's frame
        // reads as a double line (a one-line label does not, and needs the room more).
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let likely = likelyLinks(nodes)
        var fallback: (placement: StagePlacement, strain: Strain)?
        for form in roomy ? [NodeForm.largeBox, .box, .compact] : [.box, .compact] {
            var best: (placement: StagePlacement, strain: Strain)?
            for hubs in HubArrangement.allCases {
                for (order, turn) in [(false, 0.0), (false, 0.5), (true, 0.0), (true, 0.5)] {
                    let area = form == .compact ? rect : inner
                    guard let frames = ring(nodes, form: form, hubs: hubs, reversed: order, turn: turn, in: area) else { continue }
                    let placement = StagePlacement(form: form, kind: kind, frames: frames, hidden: 0)
                    let strain = Strain(placement, links: links, likely: likely, within: rect)
                    if strain == Strain() { return placement }
                    if best.map({ strain < $0.strain }) ?? true { best = (placement, strain) }
                }
            }
            guard let best else { continue }
            if best.strain.blocked == 0 { return best.placement }
            if fallback.map({ best.strain.blocked < $0.strain.blocked }) ?? true { fallback = best }
        }
        return fallback?.placement ?? grid(nodes, in: rect)
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

    /// Who is likely to talk to whom, whatever the links say: servers to clients,
    /// trackers and supernodes to peers. Placing these pairs in clear sight of each other
    /// keeps the messages of a network without drawn links off the other hubs.
    private static func likelyLinks(_ nodes: [SceneNode]) -> [SceneLink] {
        nodes.filter(\.role.isHub).flatMap { hub in
            nodes.filter { ($0.role == .client) == (hub.role == .server) && !$0.role.isHub }
                .map { SceneLink(a: hub.id, b: $0.id) }
        }
    }

    /// Hubs in the middle (in the lesson's order or `reversed`) and everyone else on an
    /// ellipse around them (turned by `turn` of the spacing between neighbours); nil when
    /// any two frames would touch.
    private static func ring(
        _ nodes: [SceneNode], form: NodeForm, hubs arrangement: HubArrangement, reversed: Bool, turn: Double, in rect: Rect
    ) -> [Int: Rect]? {
        guard !nodes.isEmpty else { return [:] }
        let hubs = reversed ? nodes.filter(\.role.isHub).reversed() : nodes.filter(\.role.isHub)
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
            // One-line labels need a wider gap: a message between them needs a cell of its
            // own with a blank on either side, or it reads as part of a name.
            let gap = form == .compact ? 3 : 2
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
