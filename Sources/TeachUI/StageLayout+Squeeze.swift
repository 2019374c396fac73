import Canvas

extension StageLayout {
    /// The nodes placed as in `arranged` (the stage a screen usually has), then squeezed
    /// or stretched into `rect` (the same stage narrowed beside a quiz): a node keeps its
    /// place relative to the others, so nothing jumps when the quiz goes. Laying out the
    /// narrower stage afresh could pick another arrangement (four clients round a server
    /// becoming a row under it). Falls back to a fresh layout only when the squeezed
    /// nodes would touch even as one-line labels.
    static func place(_ shape: StageShape, in rect: Rect, arrangedIn arranged: Rect, roomy: Bool = false) -> StagePlacement {
        guard arranged != rect, !arranged.isEmpty, !rect.isEmpty else { return place(shape, in: rect, roomy: roomy) }
        let placement = place(shape, in: arranged, roomy: roomy)
        // A grid's blocks flow into the room they have, each with its "+N more" where it
        // has no cell for some: laid out afresh.
        guard placement.form != .dot else { return place(shape, in: rect, roomy: roomy) }
        let units = StageUnit.units(of: shape)
        let captions = placement.captions.isEmpty ? [] : captions(shape, units: units, in: rect, grid: false)
        return squeezed(placement, captions: captions, shape: shape, from: arranged, to: rect) ?? place(shape, in: rect, roomy: roomy)
    }

    /// `placement` moved from `from` to `to`, each node's centre where it was in
    /// proportion; in the same form when the nodes still stand apart, else in a smaller
    /// one; nil when none keeps them apart and clear of the units' `captions` (those of
    /// `to`, each over its unit's region there, as a layout made in `to` has them).
    private static func squeezed(
        _ placement: StagePlacement, captions: [StageCaption], shape: StageShape, from: Rect, to: Rect
    ) -> StagePlacement? {
        let names = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.name) })
        let forms: [NodeForm] = switch placement.form {
        case .largeBox: [.largeBox, .box, .compact]
        case .box: [.box, .compact]
        case .compact: [.compact]
        case .dot: [.dot]
        }
        // Left to right as arranged: a node kept off the stage's edge (a tracker's label
        // in the corner) must not pass one scaled towards that edge.
        let order = placement.frames.keys.sorted { (placement.frames[$0]!.center.x, $0) < (placement.frames[$1]!.center.x, $1) }
        for form in forms {
            var frames: [Int: Rect] = [:]
            for (id, frame) in placement.frames {
                let size = form == placement.form ? (frame.width, frame.height) : size(of: names[id] ?? "", form: form)
                frames[id] = moved(frame, width: size.0, height: size.1, from: from, to: to)
            }
            frames = spread(frames, order: order, within: to)
            let boxes = frames.keys.sorted().compactMap { frames[$0] }
            guard separated(boxes), boxes.allSatisfy({ to.intersection($0) == $0 }), !boxes.contains(where: { box in captions.contains { $0.frame.intersects(box) } }) else { continue }
            var squeezed = placement
            squeezed.form = form
            squeezed.frames = frames
            squeezed.captions = captions
            return squeezed
        }
        return nil
    }

    /// A frame of the new size at the same relative place: its centre moved in proportion
    /// (so no two nodes change order, left to right or top to bottom), then kept inside.
    private static func moved(_ frame: Rect, width: Int, height: Int, from: Rect, to: Rect) -> Rect {
        func axis(_ centre: Int, _ fromStart: Int, _ fromSize: Int, _ toStart: Int, _ toSize: Int, _ size: Int) -> Int {
            let scaled = toStart + Int((Double(centre - fromStart) * Double(toSize) / Double(fromSize)).rounded(.down))
            return min(max(toStart, scaled - size / 2), toStart + toSize - size)
        }
        let centre = frame.center
        return Rect(x: axis(centre.x, from.x, from.width, to.x, to.width, width),
                    y: axis(centre.y, from.y, from.height, to.y, to.height, height),
                    width: width, height: height)
    }

    /// The frames pushed apart sideways where squeezing made them touch (a blank column
    /// between nodes side by side), right first and then, where that ran out of room, left,
    /// without any node passing another: left to right (`order`, as they were arranged),
    /// every node stays where it was among the others.
    private static func spread(_ frames: [Int: Rect], order: [Int], within rect: Rect) -> [Int: Rect] {
        var frames = frames
        func level(_ a: Rect, _ b: Rect) -> Bool { a.y < b.maxY && b.y < a.maxY }
        for (index, id) in order.enumerated() {
            var frame = frames[id]!
            for earlier in order[..<index] {
                let other = frames[earlier]!
                let least = level(frame, other) ? other.maxX + 1 : other.center.x - frame.width / 2
                frame.x = max(frame.x, least)
            }
            frames[id] = frame
        }
        guard order.contains(where: { frames[$0]!.maxX > rect.maxX }) else { return frames }
        for (index, id) in order.enumerated().reversed() {
            var frame = frames[id]!
            frame.x = min(frame.x, rect.maxX - frame.width)
            for later in order[(index + 1)...] {
                let other = frames[later]!
                let most = level(frame, other) ? other.x - 1 - frame.width : other.center.x - frame.width / 2
                frame.x = min(frame.x, most)
            }
            frames[id] = frame
        }
        return frames
    }
}
