import Canvas

/// How badly a placement suits the lines to be drawn on it, for choosing among the
/// arrangements of one form; compared in order of what a learner would notice most.
struct Strain: Comparable, Sendable {
    /// Links that cannot be drawn clear of the other nodes with an open cell for a
    /// message: what travels on them would pass through a node, or not show at all.
    var blocked = 0
    /// Links that have to bend around a node.
    var bent = 0
    /// Likely pairs (a server and a client) whose straight line crosses another node:
    /// their messages would have to bend around it when they come.
    var crossed = 0
    /// Likely pairs so close that their straight line has fewer than `roomForMessages`
    /// open cells: several messages between them would pile up on one cell, or find
    /// none and not be seen travelling at all.
    var cramped = 0

    /// Open cells a likely pair's line needs so that a message on it is seen moving.
    static let roomForMessages = 3

    init() {}

    init(_ placement: StagePlacement, links: [SceneLink], likely: [SceneLink], within rect: Rect) {
        let router = LineRouter(around: placement.walls, within: rect)
        for link in links {
            guard let a = placement.frames[link.a], let b = placement.frames[link.b] else { continue }
            guard let route = router.route(from: a.center, to: b.center), route.contains(where: placement.isOpen) else {
                blocked += 1
                continue
            }
            if route != LinePath.cells(from: a.center, to: b.center) { bent += 1 }
        }
        for link in likely {
            guard let a = placement.frames[link.a], let b = placement.frames[link.b] else { continue }
            if !router.isClear(from: a.center, to: b.center) {
                crossed += 1
            } else if LinePath.cells(from: a.center, to: b.center).count(where: placement.isOpen) < Self.roomForMessages {
                cramped += 1
            }
        }
    }

    /// Nothing a learner would notice: a placement to keep at once.
    var isClean: Bool { blocked == 0 && crossed == 0 && cramped == 0 }

    static func < (lhs: Strain, rhs: Strain) -> Bool {
        (lhs.blocked, lhs.bent, lhs.crossed, lhs.cramped) < (rhs.blocked, rhs.bent, rhs.crossed, rhs.cramped)
    }
}
