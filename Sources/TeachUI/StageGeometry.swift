#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Canvas

/// The stage for one network shape at one size: where every node sits and the path of
/// every link, computed once when the shape or the size changes and reused every frame.
/// Paths for messages between nodes with no drawn link are routed when first needed and
/// kept: they depend on nothing but the placement.
final class StageGeometry: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var shape: StageShape
        var rect: Rect
        var roomy: Bool
    }

    let key: Key
    let placement: StagePlacement
    let router: LineRouter
    /// Each drawn link's route, from the lower id to the higher, every cell of it.
    let linkRoutes: [NodePair: [Point]]
    private let lock = Lock()
    private var trafficRoutes: [NodePair: [Point]] = [:]

    init(_ key: Key) {
        self.key = key
        placement = StageLayout.place(key.shape, in: key.rect, roomy: key.roomy)
        router = LineRouter(around: placement.walls, within: key.rect)
        var routes: [NodePair: [Point]] = [:]
        if placement.form != .dot {
            for pair in placement.drawnLinks {
                guard let a = placement.frames[pair.low], let b = placement.frames[pair.high] else { continue }
                routes[pair] = router.route(from: a.center, to: b.center) ?? LinePath.cells(from: a.center, to: b.center)
            }
        }
        linkRoutes = routes
    }

    /// The route between two nodes, from the lower id to the higher: the link's when one
    /// is drawn, else the way around the other nodes a message takes (straight through
    /// when there is none); nil when either has no place on the stage.
    func route(_ pair: NodePair) -> [Point]? {
        if let route = linkRoutes[pair] { return route }
        guard let a = placement.frames[pair.low], let b = placement.frames[pair.high] else { return nil }
        return lock.holding {
            if let route = trafficRoutes[pair] { return route }
            let (start, end) = placement.form == .compact
                ? (Self.anchor(of: a, toward: b.center), Self.anchor(of: b, toward: a.center))
                : (a.center, b.center)
            let route = placement.form == .dot
                ? LinePath.cells(from: start, to: end)
                : router.route(from: start, to: end) ?? LinePath.cells(from: start, to: end)
            trafficRoutes[pair] = route
            return route
        }
    }

    /// Where a message's path meets a one-line label: when the other end lies above or
    /// below, at the label's cell nearest it across, so the path arrives over or under
    /// the label itself (paths from several places to one label arrive at cells of their
    /// own); at the end of the label that faces the other end when that lies level with
    /// it. Aimed at the middle of the name, a path from the side stopped a row off the
    /// label, a line end in mid-air beside it rather than at it.
    static func anchor(of frame: Rect, toward other: Point) -> Point {
        let dx = other.x - frame.center.x, dy = other.y - frame.y
        guard dy == 0 || abs(dx) >= 4 * abs(dy) else {
            return Point(x: min(max(other.x, frame.x), frame.maxX - 1), y: frame.y)
        }
        return Point(x: dx < 0 ? frame.x : frame.maxX - 1, y: frame.y)
    }
}

/// Remembers the geometry of the last few shapes and sizes drawn. The geometry is a
/// function of its key alone, so a remembered one is exactly what computing it again
/// would give: every cache is equal to every other, and the stage stays a function of
/// the state.
final class StageGeometryCache: @unchecked Sendable, Hashable {
    /// A window resized back and forth, or a click hit-tested beside the drawn stage,
    /// finds its geometry still here.
    private static let capacity = 4
    private let lock = Lock()
    private var recent: [StageGeometry] = []
    /// How many geometries it has computed: frames of an unchanged network compute none.
    private(set) var computed = 0

    init() {}

    func geometry(for key: StageGeometry.Key) -> StageGeometry {
        lock.holding {
            if let index = recent.firstIndex(where: { $0.key == key }) {
                let found = recent.remove(at: index)
                recent.append(found)
                return found
            }
            let made = StageGeometry(key)
            computed += 1
            recent.append(made)
            if recent.count > Self.capacity { recent.removeFirst() }
            return made
        }
    }

    static func == (lhs: StageGeometryCache, rhs: StageGeometryCache) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// A mutual-exclusion lock for the caches (the screen is drawn on one thread, but the
/// state that holds them is Sendable).
final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func holding<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
