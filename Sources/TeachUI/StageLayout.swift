#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas
import NetSim

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

/// A unit's caption on the stage: "small · 5 clients".
struct StageCaption: Hashable, Sendable {
    var text: String
    var frame: Rect
    /// The nodes its count counts (its unit's members, or its hubs when it has no others).
    var counted: [Int] = []
    /// The region its unit is laid out in, under it.
    var region: Rect? = nil
    /// How many of its unit's nodes the grid had no cell for: said beside its block
    /// ("+2 more", one of `StagePlacement.notes`), so what the caption counts is what it
    /// shows and that note added up.
    var hidden = 0
}

/// Where every node sits on the stage, and in which form.
struct StagePlacement: Hashable, Sendable {
    var form: NodeForm
    /// The layout actually used: a lesson's star or ring becomes a grid when it cannot fit.
    var kind: StageLayoutKind
    /// Every node the network has had, those that left included (they keep their place).
    var frames: [Int: Rect]
    /// Nodes a grid had no room for.
    var hidden: Int
    /// Each unit's caption, when the stage holds several units or a grid.
    var captions: [StageCaption] = []
    /// A grid's "+N more" beside each block with nodes it had no cell for.
    var notes: [StageCaption] = []
    /// The configured links drawn as lines: all but those inside a unit whose nodes are
    /// all linked to each other.
    var drawnLinks: [NodePair] = []

    /// Every frame, in the order of the nodes' ids: never in a dictionary's order, which
    /// Swift seeds afresh in every process (routing breaks ties by the order of the boxes,
    /// so that order would move lines from one run to the next).
    var boxes: [Rect] {
        frames.keys.sorted().compactMap { frames[$0] }
    }

    /// What lines must keep out of: the nodes, the captions and the notes.
    var walls: [Rect] { boxes + captions.map(\.frame) + notes.map(\.frame) }

    /// What a message's path is drawn clear of: the walls, one-line labels with a blank
    /// cell either side (the cells the router keeps other lines out of), so a path's
    /// dashes and arrowhead never touch a name or its mark: "◉ c1↑ ◂■▸ ◉ c2↑" where
    /// "◉ c1↑◂■▸◉ c2↑" ran labels, marks and chunk heads together.
    var pathClearances: [Rect] {
        guard form == .compact else { return walls }
        return boxes.map { Rect(x: $0.x - 1, y: $0.y, width: $0.width + 2, height: $0.height) }
            + captions.map(\.frame) + notes.map(\.frame)
    }

    /// The node whose frame holds the cell, for mouse clicks.
    func node(at point: Point) -> Int? {
        frames.keys.sorted().first { frames[$0]!.contains(point) }
    }

    /// A cell where a message or a count can be drawn and read as such: outside every
    /// node, and not right beside a one-line label, where it would read as part of the name.
    func isOpen(_ point: Point) -> Bool {
        frames.values.allSatisfy { frame in
            !frame.contains(point)
                && (form != .compact || !frame.contains(x: point.x - 1, y: point.y) && !frame.contains(x: point.x + 1, y: point.y))
        } && !captions.contains { $0.frame.contains(point) } && !notes.contains { $0.frame.contains(point) }
    }
}

/// Places nodes on the stage. The network is split into units (`StageUnit`: a server's
/// star, a tracker's swarm, a group), each unit gets a region of the stage (where the
/// lesson put it, else side by side in order) and is laid out there: hubs in the middle
/// and the rest on an ellipse around them (a ring keeps linked neighbours side by side),
/// or hubs on a row above the rest (tiers). Nodes are boxes when they fit, one-line
/// labels when they do not, and a labelled grid of cells when not even those fit or the
/// lesson asks for a grid.
enum StageLayout {
    /// Above this many nodes no ring of labels is readable: straight to the grid.
    static let largestRing = 60

    /// Tries the forms roomiest first and, within a form, every arrangement of the hubs
    /// (see `Strain` for how arrangements are compared). A form is used only when every
    /// link can be drawn clear of the other nodes with room for a message on it; when no
    /// form manages that, the one with the fewest such failures, and the grid when none
    /// fits.
    ///
    /// - Parameter roomy: large boxes may be used (presenting): on a projector the picture
    ///   has to read from the back of the room.
    static func place(_ shape: StageShape, in rect: Rect, roomy: Bool = false) -> StagePlacement {
        let units = StageUnit.units(of: shape)
        let drawn = drawnLinks(shape, units: units)
        let captioned = units.count > 1
        guard shape.layout != .grid, shape.nodes.count <= largestRing, !units.contains(where: { $0.layout == .grid }) else {
            return grid(shape, units: units, drawn: drawn, in: rect)
        }
        // A ring's order is searched once here, not for every arrangement tried.
        let ringed = units.map { unit in
            var unit = unit
            if let ring = closedRing(unit.members, links: shape.links) {
                unit.members = ring
                unit.ringClosed = true
            }
            return unit
        }
        let likely = likelyLinks(ringed, shape: shape)
        let links = drawn.map { SceneLink(a: $0.low, b: $0.high) }
        var fallback: (placement: StagePlacement, strain: Strain)?
        let allVariants = HubArrangement.allCases.flatMap { hubs in
            [(false, 0.0), (false, 0.5), (true, 0.0), (true, 0.5)].map { Variant(hubs: hubs, reversed: $0.0, turn: $0.1) }
        }
        /// A ring never turned: an overlay's, and a swarm's, whose seed is on top (the
        /// chunks start from there).
        func keepsItsTop(_ unit: StageUnit) -> Bool {
            isOverlay(unit) || unit.members.contains(where: shape.seeds.contains)
        }
        /// The variants a unit may take on its own: a turn of half a place only off a ring
        /// that keeps its top, hubs in a column or an inner ring only when it has that many.
        func variants(for unit: StageUnit) -> [Variant] {
            allVariants.filter { variant in
                let hubsFit = switch variant.hubs {
                case .row: true
                case .column: unit.hubs.count > 1
                case .innerRing: unit.hubs.count > 2
                }
                return hubsFit && (variant.turn == 0 || !keepsItsTop(unit))
            }
        }
        for form in roomy ? [NodeForm.largeBox, .box, .compact] : [.box, .compact] {
            var best: (placement: StagePlacement, strain: Strain, variants: [Variant])?
            func consider(_ chosen: [Variant]) -> StagePlacement? {
                guard var placement = arrange(shape, units: ringed, form: form, variants: chosen, captioned: captioned, in: rect) else { return nil }
                placement.drawnLinks = drawn
                let strain = Strain(placement, links: links, likely: likely, within: rect)
                if strain == Strain() { return placement }
                if best.map({ strain < $0.strain }) ?? true { best = (placement, strain, chosen) }
                return nil
            }
            // Every unit arranged alike first, then each unit on its own tried every other
            // way while the rest keep theirs: a star of clients may read best as a ring
            // while the swarm beside it reads best in rows.
            for variant in allVariants where variant.turn == 0 || !ringed.contains(where: keepsItsTop) {
                if let clean = consider(Array(repeating: variant, count: ringed.count)) { return clean }
            }
            if ringed.count > 1, let start = best?.variants {
                for index in ringed.indices {
                    for variant in variants(for: ringed[index]) {
                        var chosen = best?.variants ?? start
                        chosen[index] = variant
                        if let clean = consider(chosen) { return clean }
                    }
                }
            }
            guard let best else { continue }
            // A smaller form is tried while the messages' straight ways would cross nodes
            // or leave them no room: a swarm's paths bent round boxes read as a tangle,
            // straight ones between one-line labels can be followed, and a request needs
            // a few cells between a client and its server to be seen travelling.
            func rank(_ strain: Strain) -> (Int, Int) { (strain.blocked, strain.crossed + strain.cramped) }
            if fallback.map({ rank(best.strain) < rank($0.strain) }) ?? true { fallback = (best.placement, best.strain) }
            if best.strain.isClean { return best.placement }
        }
        return fallback?.placement ?? grid(shape, units: units, drawn: drawn, in: rect)
    }

    /// A hand-made scene's nodes and links (tests, small examples).
    static func place(
        _ nodes: [SceneNode], links: [SceneLink] = [], kind: StageLayoutKind, in rect: Rect, roomy: Bool = false
    ) -> StagePlacement {
        place(StageShape(nodes, links: links, layout: kind, anyReachesAny: links.isEmpty), in: rect, roomy: roomy)
    }

    /// The frame size of a node in a form. A one-line label keeps the two cells after its
    /// name for its marks (`StageRenderer.markSlot`), so no line, message or neighbour
    /// takes them: the icon, a space, the name and the slot.
    static func size(of name: String, form: NodeForm) -> (width: Int, height: Int) {
        let name = DisplayWidth.of(name)
        switch form {
        case .largeBox: return (name + 8, 5)
        case .box: return (name + 4, 3)
        case .compact: return (name + 2 + StageRenderer.markSlot, 1)
        case .dot: return (1, 1)
        }
    }

    /// How several hubs share the middle of a ring.
    private enum HubArrangement: CaseIterable {
        case row, column, innerRing
    }

    /// One way of arranging a unit, tried against the others.
    private struct Variant: Equatable {
        var hubs: HubArrangement
        var reversed: Bool
        var turn: Double
    }

    /// Links inside a unit whose nodes are all linked to each other are not drawn.
    private static func drawnLinks(_ shape: StageShape, units: [StageUnit]) -> [NodePair] {
        var meshedUnit: [Int: Int] = [:]
        for (index, unit) in units.enumerated() where unit.meshed {
            for node in unit.nodes { meshedUnit[node] = index }
        }
        return shape.links.filter { link in
            guard let unit = meshedUnit[link.low] else { return true }
            return meshedUnit[link.high] != unit
        }
    }

    /// Who is likely to talk to whom, whatever the links say: each hub to the nodes of
    /// its unit. Placing these pairs in clear sight of each other keeps the messages of
    /// a network without drawn links off the other nodes.
    /// Peers with no links drawn among them, or the members of a unit that holds the
    /// swarm's nodes (whatever they were set up as, they pass chunks on), are likely to
    /// talk to each other; a server's clients beside a swarm only to their server.
    private static func likelyLinks(_ units: [StageUnit], shape: StageShape) -> [SceneLink] {
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        let swarm = Set(shape.swarm)
        return units.flatMap { unit in
            let fromHubs = unit.hubs.flatMap { hub in unit.members.map { SceneLink(a: hub, b: $0) } }
            let members = unit.members
            let trading = members.contains(where: swarm.contains) || members.allSatisfy { roles[$0] == .peer }
            guard shape.anyReachesAny || unit.meshed, trading else { return fromHubs }
            let among = members.indices.flatMap { i in members[(i + 1)...].map { SceneLink(a: members[i], b: $0) } }
            return fromHubs + among
        }
    }

    // MARK: regions

    /// A region of the stage for each unit: units placed at the top or the bottom share
    /// a band there; the others stand side by side in the middle, left ones first, then
    /// centre and unplaced ones in order, then right ones; units placed alike share a
    /// column, one above the other. Sizes follow how many nodes each unit holds; where
    /// `least` says how many rows a unit needs at a width (a grid's block), units stacked
    /// in a column give rows they can spare to those short of them.
    /// `narrowest` says how many columns a unit needs (tiers whose rows would otherwise
    /// break); units side by side give columns they can spare to those short of them.
    static func regions(
        for units: [StageUnit], in rect: Rect, least: ((Int, Int) -> Int)? = nil, narrowest: ((Int) -> Int)? = nil
    ) -> [Rect] {
        func weight(_ index: Int) -> Double { max(4, 2 + Double(units[index].nodes.count)) }
        var regions = Array(repeating: rect, count: units.count)
        let top = units.indices.filter { units[$0].place == .top }
        let bottom = units.indices.filter { units[$0].place == .bottom }
        let middle = units.indices.filter { units[$0].place != .top && units[$0].place != .bottom }
        // Columns of the middle band, each a list of units stacked in it.
        var columns: [[Int]] = []
        func column(for place: StagePlace) -> [Int] { middle.filter { units[$0].place == place } }
        if !column(for: .left).isEmpty { columns.append(column(for: .left)) }
        for index in middle where units[index].place == nil { columns.append([index]) }
        if !column(for: .centre).isEmpty {
            let centre = column(for: .centre)
            columns.insert(centre, at: columns.isEmpty ? 0 : min(columns.count, (columns.count + 1) / 2))
        }
        if !column(for: .right).isEmpty { columns.append(column(for: .right)) }

        // Each band a list of cells side by side, each cell units stacked in it.
        let bands = [top.map { [$0] }, columns, bottom.map { [$0] }]
        let heights = split(rect.height, by: bands.map { cells in cells.map { $0.map(weight).reduce(0, +) }.max() ?? 0 })
        var y = rect.y
        for (cells, height) in zip(bands, heights) {
            var widths = split(rect.width, by: cells.map { $0.map(weight).max() ?? 0 })
            if let narrowest { widths = lent(widths, needs: cells.map { $0.map(narrowest).max() ?? 0 }) }
            var x = rect.x
            for (stack, width) in zip(cells, widths) {
                var stackY = y
                var heights = split(height, by: stack.map(weight))
                if let least { heights = lent(heights, needs: stack.map { least($0, width) }) }
                for (index, stackHeight) in zip(stack, heights) {
                    regions[index] = Rect(x: x, y: stackY, width: width, height: stackHeight)
                    stackY += stackHeight
                }
                x += width
            }
            y += height
        }
        return regions
    }

    /// `heights` with rows moved, one at a time, from the one with most to spare to one
    /// short of its `needs`, while one is short and another can spare one.
    private static func lent(_ heights: [Int], needs: [Int]) -> [Int] {
        var heights = heights
        while let short = heights.indices.first(where: { heights[$0] < needs[$0] }),
              let spare = heights.indices.filter({ heights[$0] > needs[$0] }).max(by: { heights[$0] - needs[$0] < heights[$1] - needs[$1] }) {
            heights[short] += 1
            heights[spare] -= 1
        }
        return heights
    }

    /// `total` cells shared out in proportion to `weights` (zero weights get none).
    private static func split(_ total: Int, by weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var shares: [Int] = []
        var before = 0.0
        for weight in weights {
            let start = Int((Double(total) * before / sum).rounded())
            before += weight
            shares.append(Int((Double(total) * before / sum).rounded()) - start)
        }
        return shares
    }

    /// Each unit's caption on the top row of its region: every block of a grid has one;
    /// else a unit among others, unless it is a lone node (its name says it all) that the
    /// lesson gave no label.
    static func captions(_ shape: StageShape, units: [StageUnit], in rect: Rect, grid: Bool) -> [StageCaption] {
        captions(shape, units: units, regions: regions(for: units, in: rect), grid: grid)
    }

    /// Each unit's caption over its region.
    static func captions(_ shape: StageShape, units: [StageUnit], regions: [Rect], grid: Bool) -> [StageCaption] {
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        return zip(units, regions).compactMap { unit, region in
            let labelled = unit.nodes.count > 1 || unit.nodes.contains { id in shape.nodes.contains { $0.id == id && $0.label != nil } }
            guard region.height > 2, grid || labelled else { return nil }
            var caption = caption(unit.labels(in: shape, roles: roles, counting: grid), in: region)
            caption.counted = unit.counted(in: shape)
            caption.region = region
            return caption
        }
    }

    /// A caption on the top row of a region, centred, the longest of `texts` that fits;
    /// its cells are kept clear of lines.
    private static func caption(_ texts: [String], in region: Rect) -> StageCaption {
        let room = max(0, region.width - 2)
        let text = texts.first { DisplayWidth.of($0) <= room } ?? texts.last ?? ""
        let width = min(DisplayWidth.of(text), room)
        return StageCaption(text: text, frame: Rect(x: region.x + (region.width - width) / 2, y: region.y, width: width, height: 1))
    }

    // MARK: arranging units

    /// The units arranged in their regions, widened for tiers that need it (`tiersWidth`)
    /// when the others still fit beside them, else as they come.
    private static func arrange(
        _ shape: StageShape, units: [StageUnit], form: NodeForm, variants: [Variant], captioned: Bool, in rect: Rect
    ) -> StagePlacement? {
        let names = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.name) })
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        let widened = regions(for: units, in: rect, narrowest: { index in
            tiersWidth(units[index], layout: layout(of: units[index], shape: shape, roles: roles), names: names, form: form)
        })
        let plain = regions(for: units, in: rect)
        return arrange(shape, units: units, form: form, variants: variants, captioned: captioned, regions: widened, in: rect)
            ?? (widened == plain ? nil : arrange(shape, units: units, form: form, variants: variants, captioned: captioned, regions: plain, in: rect))
    }

    private static func arrange(
        _ shape: StageShape, units: [StageUnit], form: NodeForm, variants: [Variant], captioned: Bool, regions: [Rect], in rect: Rect
    ) -> StagePlacement? {
        let names = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.name) })
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        var frames: [Int: Rect] = [:]
        for ((unit, region), variant) in zip(zip(units, regions), variants) {
            var area = region
            if captioned {
                guard region.height > 2 else { return nil }
                area = Rect(x: region.x, y: region.y + 1, width: region.width, height: region.height - 1)
            }
            // A column of margin at the stage's frame, where a label reads as part of it
            // ("│◈ tracker"), and between boxes, whose sides side by side read as a
            // double line; one-line labels beside a neighbour's keep their columns (a
            // narrow group of five clients lost its names to margins it did not need).
            let left = region.x <= rect.x || form != .compact ? 1 : 0
            let right = region.maxX >= rect.maxX || form != .compact ? 1 : 0
            area = Rect(x: area.x + left, y: area.y, width: area.width - left - right, height: area.height)
            let layout = layout(of: unit, shape: shape, roles: roles)
            if layout == .ring { area = overlayArea(for: unit, in: area) }
            let placed: [Int: Rect]?
            if layout == .tiers {
                placed = tiers(unit, shape: shape, names: names, form: form, in: area)
            } else {
                // A region too small for a ring around its hubs may still hold them in rows.
                placed = around(unit, shape: shape, names: names, form: form, variant: variant, in: area).map { isOverlay(unit) ? $0 : filling($0, area) }
                    ?? (!unit.meshed && linksAmong(unit.members, shape.links) ? nil : tiers(unit, shape: shape, names: names, form: form, in: area))
            }
            guard let placed else { return nil }
            frames.merge(placed) { first, _ in first }
        }
        guard separated(frames.keys.sorted().compactMap { frames[$0] }) else { return nil }
        return StagePlacement(form: form, kind: shape.layout, frames: frames, hidden: 0,
                              captions: captioned ? captions(shape, units: units, regions: regions, grid: false) : [])
    }

    /// The layout a unit is drawn in: the lesson's for it, else the lesson's for the
    /// stage, else one chosen from what it holds.
    private static func layout(of unit: StageUnit, shape: StageShape, roles: [Int: Role]) -> StageLayoutKind {
        unit.layout ?? (shape.layout == .auto ? automaticLayout(unit, roles: roles) : shape.layout)
    }

    /// The columns tiers need to keep a few members on one row under their hubs (alice
    /// and bob under sn1 and sn2): broken over two rows, the lines from the hubs to the
    /// lower one ran round the upper one's label, a tangle at 80x24. Zero for other
    /// layouts, and for a crowd that takes several rows anyway.
    private static func tiersWidth(_ unit: StageUnit, layout: StageLayoutKind, names: [Int: String], form: NodeForm) -> Int {
        guard layout == .tiers, unit.members.count <= 4 else { return 0 }
        let gap = form == .compact ? 3 : 2
        /// Slots as wide as the widest of them, as `tiers` lays a row out.
        func row(_ ids: [Int]) -> Int {
            ids.count * (ids.map { size(of: names[$0] ?? "", form: form).width }.max() ?? 0) + gap * max(0, ids.count - 1)
        }
        // The margin each side (`arrange`).
        return max(row(unit.hubs), row(unit.members)) + 2
    }

    /// Whether any two of `members` are linked: their ring keeps neighbours side by side,
    /// which rows would not (unless those links are not drawn: a unit all linked).
    private static func linksAmong(_ members: [Int], _ links: [NodePair]) -> Bool {
        let inUnit = Set(members)
        return links.contains { inUnit.contains($0.low) && inUnit.contains($0.high) }
    }

    /// Tiers for supernodes with their peers; a ring for everything else (a tracker's
    /// swarm is a ring of its peers, the tracker set apart in a corner).
    private static func automaticLayout(_ unit: StageUnit, roles: [Int: Role]) -> StageLayoutKind {
        let tiered = unit.hubs.contains { roles[$0] == .supernode } && !unit.members.isEmpty
        return tiered ? .tiers : .ring
    }

    /// The members in an order their links close a ring through (each to its next), so
    /// ring neighbours sit side by side and the other links are chords across; nil when
    /// no such ring is found. Of the rings the links allow, the one whose chords cross
    /// each other least, then are shortest, so a chord can be followed from end to end
    /// (a learner reads a node's neighbours off them). Only a sparse unit is searched
    /// through (a DHT or flooding overlay, a few links a node); a dense one keeps the
    /// first ring found, and every search is bounded.
    private static func closedRing(_ members: [Int], links: [NodePair]) -> [Int]? {
        guard members.count > 3 else { return nil }
        let inUnit = Set(members)
        let own = links.filter { inUnit.contains($0.low) && inUnit.contains($0.high) }
        var neighbours: [Int: [Int]] = [:]
        for link in own {
            neighbours[link.low, default: []].append(link.high)
            neighbours[link.high, default: []].append(link.low)
        }
        for id in neighbours.keys { neighbours[id]?.sort() }
        var best: (score: (Int, Int), order: [Int])?
        var order = [members[0]], visited: Set<Int> = [members[0]]
        var budget = 20_000
        func score(_ ring: [Int]) -> (Int, Int) {
            var position: [Int: Int] = [:]
            for (index, id) in ring.enumerated() { position[id] = index }
            let count = ring.count
            let chords = own.compactMap { link -> (Int, Int)? in
                let (a, b) = (position[link.low]!, position[link.high]!)
                let span = abs(a - b)
                return span == 1 || span == count - 1 ? nil : (min(a, b), max(a, b))
            }
            var crossings = 0
            for i in chords.indices {
                for j in chords.indices where j > i {
                    let (a, b) = chords[i], (c, d) = chords[j]
                    let shared = a == c || a == d || b == c || b == d
                    if !shared, (a < c && c < b) != (a < d && d < b) { crossings += 1 }
                }
            }
            let length = chords.reduce(0) { $0 + min($1.1 - $1.0, count - $1.1 + $1.0) }
            return (crossings, length)
        }
        func extend() {
            guard budget > 0 else { return }
            budget -= 1
            if order.count == members.count {
                guard neighbours[order.last!]?.contains(order[0]) == true else { return }
                let ring = score(order)
                if best.map({ ring < $0.score }) ?? true { best = (ring, order) }
                if own.count > 2 * members.count { budget = 0 }
                return
            }
            for next in neighbours[order.last!] ?? [] where !visited.contains(next) {
                order.append(next)
                visited.insert(next)
                extend()
                visited.remove(next)
                order.removeLast()
            }
        }
        extend()
        return best?.order
    }

    /// A hub the ring is not built around: a tracker (it only introduces peers, who
    /// then talk among themselves), or any hub of members linked in a ring of their own
    /// (a directory beside a ring of peers). It stands in a corner, out of the ring, so
    /// the paths and chords between ring members cross a clear middle.
    private static func standsApart(_ role: Role?, ringClosed: Bool) -> Bool {
        role == .tracker || ringClosed
    }

    /// Hubs in the middle (in the lesson's order or `reversed`) and the members on an
    /// ellipse around them (turned by `turn` of the spacing between neighbours); nil when
    /// anything would not fit.
    private static func around(
        _ unit: StageUnit, shape: StageShape, names: [Int: String], form: NodeForm, variant: Variant, in rect: Rect
    ) -> [Int: Rect]? {
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        let apart = unit.members.isEmpty ? [] : unit.hubs.filter { standsApart(roles[$0], ringClosed: unit.ringClosed) }
        // Roles follow the exchange: a hub seeding its unit's swarm (a server whose clients
        // now share a file) is one of the swarm, on top of its ring where the chunks start
        // from, not the middle of a star.
        let seeding = unit.members.contains(where: shape.swarm.contains) ? unit.hubs.filter(shape.seeds.contains) : []
        let centred = unit.hubs.filter { !apart.contains($0) && !seeding.contains($0) }
        let hubs = variant.reversed ? centred.reversed() : centred
        let others = seedOnTop(seeding + unit.members, seeds: shape.seeds)
        func size(_ id: Int) -> (width: Int, height: Int) { StageLayout.size(of: names[id] ?? "", form: form) }
        let sizes = unit.nodes.map(size)
        let widest = sizes.map(\.width).max() ?? 0, tallest = sizes.map(\.height).max() ?? 0
        guard widest <= rect.width, tallest <= rect.height else { return nil }
        var frames: [Int: Rect] = [:]
        let centre = rect.center
        let rx = Double(rect.width - widest) / 2, ry = Double(rect.height - tallest) / 2

        func put(_ id: Int, at point: Point) {
            let (w, h) = size(id)
            let left = min(max(rect.x, point.x - w / 2), rect.maxX - w)
            let top = min(max(rect.y, point.y - h / 2), rect.maxY - h)
            frames[id] = Rect(x: left, y: top, width: w, height: h)
        }

        // Hubs in the middle, or alone on the ring when there is nobody else.
        let middle = others.isEmpty ? [] : hubs
        switch variant.hubs {
        case .row:
            // One-line labels need a wider gap: a message between them needs a cell of its
            // own with a blank on either side, or it reads as part of a name.
            let gap = form == .compact ? 3 : 2
            let width = middle.reduce(0) { $0 + size($1).width } + gap * max(0, middle.count - 1)
            guard width <= rect.width else { return nil }
            var x = centre.x - width / 2
            for hub in middle {
                let (w, h) = size(hub)
                frames[hub] = Rect(x: x, y: centre.y - h / 2, width: w, height: h)
                x += w + gap
            }
        case .column:
            guard middle.count > 1 else { return nil }
            let height = middle.reduce(0) { $0 + size($1).height }
            guard height <= rect.height else { return nil }
            var y = centre.y - height / 2
            for hub in middle {
                let (w, h) = size(hub)
                frames[hub] = Rect(x: centre.x - w / 2, y: y, width: w, height: h)
                y += h
            }
        case .innerRing:
            guard middle.count > 2 else { return nil }
            for (hub, point) in zip(middle, Ellipse.points(count: middle.count, center: centre, rx: rx * 0.45, ry: ry * 0.45)) {
                put(hub, at: point)
            }
        }

        let ring = others.isEmpty ? hubs : others
        // The ring stretched until its outermost places reach the area's edges: four
        // clients turned half a place sit in the corners, not on a circle that leaves the
        // rows above and below empty and brings them level with the hub, where the way
        // from a corner of one box to the other's is a stub of two cells.
        let angles = (0..<ring.count).map { 2 * Double.pi * (Double($0) + variant.turn) / Double(ring.count) }
        func reach(_ most: Double?) -> Double { max(0.5, most ?? 1) }
        let points = ring.count == 1 && middle.isEmpty
            ? [centre]
            : Ellipse.points(count: ring.count, center: centre, rx: rx / reach(angles.map { abs(sin($0)) }.max()),
                              ry: ry / reach(angles.map { abs(cos($0)) }.max()), turn: variant.turn)
        for (node, point) in zip(ring, points) { put(node, at: point) }
        guard separated(frames.keys.sorted().compactMap { frames[$0] }) else { return nil }
        for hub in apart {
            guard let frame = corner(for: hub, size: size(hub), among: frames, links: shape.links, in: rect) else { return nil }
            frames[hub] = frame
        }
        return frames
    }

    /// The ring's members with the first seed on top (the ring's first place), keeping
    /// their order round the ring.
    private static func seedOnTop(_ ring: [Int], seeds: [Int]) -> [Int] {
        guard let first = ring.firstIndex(where: seeds.contains) else { return ring }
        return Array(ring[first...] + ring[..<first])
    }

    /// A corner of `rect` for a hub standing apart, clear of the nodes placed: the one
    /// nearest the nodes it is linked to (the top left when it has no links), else the
    /// next nearest; nil when none is clear.
    private static func corner(
        for hub: Int, size: (width: Int, height: Int), among frames: [Int: Rect], links: [NodePair], in rect: Rect
    ) -> Rect? {
        let linked = links.compactMap { link -> Rect? in
            link.low == hub ? frames[link.high] : link.high == hub ? frames[link.low] : nil
        }
        let target = linked.isEmpty
            ? Point(x: rect.x, y: rect.y)
            : Point(x: linked.map(\.center.x).reduce(0, +) / linked.count, y: linked.map(\.center.y).reduce(0, +) / linked.count)
        let corners = [
            Rect(x: rect.x, y: rect.y, width: size.width, height: size.height),
            Rect(x: rect.maxX - size.width, y: rect.y, width: size.width, height: size.height),
            Rect(x: rect.x, y: rect.maxY - size.height, width: size.width, height: size.height),
            Rect(x: rect.maxX - size.width, y: rect.maxY - size.height, width: size.width, height: size.height),
        ]
        func distance(_ frame: Rect) -> Int {
            abs(frame.center.x - target.x) + 2 * abs(frame.center.y - target.y)
        }
        let placed = frames.keys.sorted().compactMap { frames[$0] }
        return corners.enumerated()
            .sorted { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }
            .map(\.element)
            .first { separated(placed + [$0]) }
    }

    /// Hubs on a row at the top, the members on rows below, each under the hubs it is
    /// linked to where it can be (so lines from a hub fan out instead of crossing).
    private static func tiers(
        _ unit: StageUnit, shape: StageShape, names: [Int: String], form: NodeForm, in rect: Rect
    ) -> [Int: Rect]? {
        func size(_ id: Int) -> (width: Int, height: Int) { StageLayout.size(of: names[id] ?? "", form: form) }
        let gap = form == .compact ? 3 : 2
        let tallest = unit.nodes.map { size($0).height }.max() ?? 0
        /// How many of `ids` fit on a row, each in a slot as wide as the widest of them.
        func perRow(_ ids: [Int]) -> Int {
            max(1, (rect.width + gap) / ((ids.map { size($0).width }.max() ?? 0) + gap))
        }
        guard (unit.nodes.map { size($0).width }.max() ?? 0) <= rect.width else { return nil }
        let hubsPerRow = perRow(unit.hubs), membersPerRow = perRow(unit.members)
        let hubRows = (unit.hubs.count + hubsPerRow - 1) / hubsPerRow
        let memberRows = (unit.members.count + membersPerRow - 1) / membersPerRow
        let rows = hubRows + memberRows
        guard rows > 0, rows * tallest <= rect.height else { return nil }
        // A blank row between rows, so the lines between them show, spread evenly. A crowd
        // no standing line reaches (a swarm of one-line labels) may have its rows packed
        // where blanks do not fit: a blank row under each hub row still, and the blanks
        // left shared out between the members' rows, names of a crowd rather than its grid.
        let blanks = rect.height - rows * tallest
        /// The blank rows above row `index`.
        let blanksAbove: (Int) -> Int
        if blanks >= rows - 1 {
            blanksAbove = { rows == 1 ? 0 : $0 * blanks / (rows - 1) }
        } else {
            let members = Set(unit.members)
            let reached = drawnLinks(shape, units: [unit]).contains { members.contains($0.low) || members.contains($0.high) }
            let underHubs = memberRows > 0 ? hubRows : hubRows - 1
            guard !reached, blanks >= underHubs else { return nil }
            let packedGaps = rows - 1 - underHubs, spare = blanks - underHubs
            blanksAbove = { min($0, underHubs) + max(0, $0 - underHubs) * spare / max(1, packedGaps) }
        }
        var frames: [Int: Rect] = [:]
        func lay(_ row: [Int], at index: Int) {
            let y = rows == 1 ? rect.y + (rect.height - tallest) / 2 : rect.y + index * tallest + blanksAbove(index)
            for (slot, id) in row.enumerated() {
                let (w, h) = size(id)
                let centre = rect.x + (2 * slot + 1) * rect.width / (2 * row.count)
                frames[id] = Rect(x: min(max(rect.x, centre - w / 2), rect.maxX - w), y: y, width: w, height: h)
            }
        }
        for row in 0..<hubRows {
            lay(Array(unit.hubs[(row * hubsPerRow)..<min(unit.hubs.count, (row + 1) * hubsPerRow)]), at: row)
        }
        // Members under the mean position of the hubs they are linked to.
        let hubSlot = Dictionary(uniqueKeysWithValues: unit.hubs.enumerated().map { ($1, Double($0)) })
        var linkedHubs: [Int: [Double]] = [:]
        for link in shape.links {
            if let slot = hubSlot[link.low] { linkedHubs[link.high, default: []].append(slot) }
            if let slot = hubSlot[link.high] { linkedHubs[link.low, default: []].append(slot) }
        }
        let middle = Double(unit.hubs.count - 1) / 2
        let members = unit.members.enumerated().sorted { a, b in
            let slotA = linkedHubs[a.element].map { $0.reduce(0, +) / Double($0.count) } ?? middle
            let slotB = linkedHubs[b.element].map { $0.reduce(0, +) / Double($0.count) } ?? middle
            return (slotA, a.offset) < (slotB, b.offset)
        }.map(\.element)
        for row in 0..<memberRows {
            lay(Array(members[(row * membersPerRow)..<min(members.count, (row + 1) * membersPerRow)]), at: hubRows + row)
        }
        return separated(frames.keys.sorted().compactMap { frames[$0] }) ? frames : nil
    }

    /// A unit's nodes spread down its area where they fill less than three quarters of its
    /// height (a star of one client: the client on top, the server in the middle and the
    /// lower half empty): the centres stretched apart from the middle of the area, as far
    /// as every node stays inside it and apart from the others, so each keeps its place
    /// relative to the rest. Only up and down: across, a ring already reaches the sides of
    /// its area, and a unit stretched to them would touch the unit beside it.
    static func filling(_ frames: [Int: Rect], _ area: Rect) -> [Int: Rect] {
        guard frames.count > 1 else { return frames }
        let ids = frames.keys.sorted()
        let all = ids.compactMap { frames[$0] }
        let minY = all.map(\.y).min()!, maxY = all.map(\.maxY).max()!
        guard 4 * (maxY - minY) < 3 * area.height else { return frames }
        let middle = Double(minY + maxY) / 2, areaMiddle = Double(area.y + area.maxY) / 2
        func spread(_ stretch: Double) -> [Int: Rect]? {
            var spread: [Int: Rect] = [:]
            for id in ids {
                var frame = frames[id]!
                let centre = Double(frame.y) + Double(frame.height) / 2
                frame.y = Int((areaMiddle + (centre - middle) * stretch - Double(frame.height) / 2).rounded())
                guard area.intersection(frame) == frame else { return nil }
                spread[id] = frame
            }
            return separated(ids.compactMap { spread[$0] }) ? spread : nil
        }
        // The largest stretch that fits, in tenths.
        for tenths in stride(from: 100, through: 10, by: -1) {
            if let spread = spread(Double(tenths) / 10) { return spread }
        }
        return frames
    }

    /// No two frames touch: at least one blank column between them side by side.
    static func separated(_ frames: [Rect]) -> Bool {
        for i in frames.indices {
            let padded = Rect(x: frames[i].x - 1, y: frames[i].y, width: frames[i].width + 2, height: frames[i].height)
            for j in frames.indices where j > i && padded.intersects(frames[j]) { return false }
        }
        return true
    }

    // MARK: grid

    /// Spacings tried for a grid, roomiest first; columns are twice as far apart as
    /// rows because terminal cells are about twice as tall as wide.
    private static let gridPitches = [(6, 3), (4, 2), (3, 2), (2, 2), (3, 1), (2, 1)]

    /// Each unit a block of cells in its region under a caption that says how many of
    /// what it shows ("peers · 200 peers"): hubs on the top row (named when there is
    /// room), the rest row by row below, spaced as widely as the region allows. A block
    /// with no cell for some of its nodes says how many beside its last row ("+2 more"),
    /// so its caption's count is what it shows and that note added up.
    private static func grid(_ shape: StageShape, units: [StageUnit], drawn: [NodePair], in rect: Rect) -> StagePlacement {
        let names = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.name) })
        var frames: [Int: Rect] = [:]
        guard !rect.isEmpty else { return StagePlacement(form: .dot, kind: .grid, frames: [:], hidden: shape.nodes.count) }
        let regions = regions(for: units, in: rect) { index, width in gridHeight(units[index], names: names, width: width) }
        var captions = captions(shape, units: units, regions: regions, grid: true)
        var notes: [StageCaption] = []
        for (unit, region) in zip(units, regions) {
            var area = region
            if region.height > 2 {
                area = Rect(x: region.x + 1, y: region.y + 1, width: max(0, region.width - 2), height: region.height - 1)
            }
            let (placed, note) = block(hubs: unit.hubs, members: unit.members, names: names, in: area)
            frames.merge(placed) { first, _ in first }
            guard let note else { continue }
            notes.append(note)
            if let caption = captions.firstIndex(where: { $0.region == region }) { captions[caption].hidden = note.hidden }
        }
        return StagePlacement(form: .dot, kind: .grid, frames: frames, hidden: shape.nodes.count - frames.count,
                              captions: captions, notes: notes, drawnLinks: drawn)
    }

    /// The rows a unit's block needs in a region `width` wide at the grid's densest
    /// spacing: its caption, its hubs' row, and its members' rows.
    private static func gridHeight(_ unit: StageUnit, names: [Int: String], width: Int) -> Int {
        let (px, _) = gridPitches.last!
        let hubRows = unit.hubs.isEmpty || unit.members.isEmpty ? 0 : 1
        let members = hubRows == 0 ? unit.nodes.count : unit.members.count
        let columns = max(1, (width - 3 - px) / px + 1)
        return 1 + hubRows + (members + columns - 1) / columns
    }

    /// A block of cells in `rect`, and its "+N more" after its last cell when not every
    /// node has a cell.
    private static func block(hubs: [Int], members others: [Int], names: [Int: String], in rect: Rect) -> ([Int: Rect], StageCaption?) {
        guard !rect.isEmpty else { return ([:], nil) }
        let hubRows = hubs.isEmpty || others.isEmpty ? 0 : 1
        let members = hubRows == 0 ? hubs + others : others
        /// How many rows of cells fit under the hubs' row at a spacing of `py` (none when
        /// not even the first does: it would spill into the region below, over its caption).
        func rowsFitting(_ py: Int) -> Int {
            let below = rect.height - 1 - hubRows * py
            return below < 0 ? 0 : below / py + 1
        }
        /// Columns of cells `px` apart, a pitch short of the block's width: half a pitch
        /// of margin each side keeps a block apart from the one beside it (two blocks
        /// each reaching their regions' edges ran together into one row).
        func columnsFitting(_ px: Int) -> Int { max(1, (rect.width - 1 - px) / px + 1) }
        var chosen = (x: 2, y: 1)
        for (px, py) in gridPitches {
            let columns = columnsFitting(px)
            if columns * rowsFitting(py) >= members.count {
                chosen = (px, py)
                break
            }
        }
        // Hubs keep their names (as one-line labels) when the row has room for them.
        var hubFrames: [Int: Rect] = [:]
        if hubRows > 0 {
            let labelled = hubs.reduce(0) { $0 + size(of: names[$1] ?? "", form: .compact).width + 2 } - 2 <= rect.width
            let widths = hubs.map { labelled ? size(of: names[$0] ?? "", form: .compact).width : 1 }
            var x = rect.x + max(0, (rect.width - (widths.reduce(0, +) + 2 * (hubs.count - 1))) / 2)
            for (hub, width) in zip(hubs, widths) where x + width <= rect.maxX {
                hubFrames[hub] = Rect(x: x, y: 0, width: width, height: 1)
                x += width + 2
            }
        }
        let fitting = columnsFitting(chosen.x)
        var shown = min(members.count, fitting * rowsFitting(chosen.y))
        let columns = fitting
        let left = rect.x + (rect.width - ((min(columns, max(1, shown)) - 1) * chosen.x + 1)) / 2
        /// Where the note goes after `count` cells: a blank after the last one.
        func noteX(after count: Int) -> Int {
            count == 0 ? rect.x : left + ((count - 1) % columns) * chosen.x + 2
        }
        let hiddenHubs = hubRows * (hubs.count - hubFrames.count)
        func note(after count: Int) -> String { "+\(members.count - count + hiddenHubs) more" }
        // Cells given up at the end of the last row until the note fits after it.
        if shown < members.count || hiddenHubs > 0 {
            while shown > 0, noteX(after: shown) + DisplayWidth.of(note(after: shown)) > rect.maxX { shown -= 1 }
        }
        let usedRows = max(1, (shown + columns - 1) / columns)
        let blockHeight = (usedRows + hubRows - 1) * chosen.y + 1
        let top = rect.y + max(0, (rect.height - blockHeight) / 2)
        var frames = hubFrames.mapValues { Rect(x: $0.x, y: top, width: $0.width, height: 1) }
        let firstRow = top + hubRows * chosen.y
        for (index, node) in members.prefix(shown).enumerated() {
            frames[node] = Rect(x: left + (index % columns) * chosen.x, y: firstRow + (index / columns) * chosen.y, width: 1, height: 1)
        }
        guard shown < members.count || hiddenHubs > 0 else { return (frames, nil) }
        let text = note(after: shown), x = noteX(after: shown)
        let frame = Rect(x: x, y: firstRow + (usedRows - 1) * chosen.y, width: max(0, min(DisplayWidth.of(text), rect.maxX - x)), height: 1)
        return (frames, StageCaption(text: text, frame: frame, hidden: members.count - shown + hiddenHubs))
    }
}
