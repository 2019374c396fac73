import NetSim
import Testing
@testable import LessonKit

/// `role: cache` with `origin`, `ttl` and `capacity` in a lesson's network.
@Suite struct CacheLessonTests {
    private func source(edges: String) -> String {
        """
        ---
        id: caches
        title: Caches
        summary: Goal, see what caches keep.
        essay: [4]
        network:
          nodes:
            origin: { role: server }
          groups:
            edges: { \(edges) }
            clients: { count: 2, prefix: c }
        ---

        ## Ask
        {edge1.hits} hits, {edges.misses} misses, {hits} in all; the origin saw {origin.accesses}.

        ```sim
        - request: { from: clients, to: edge1, what: "GET /video" }
        - run: idle
        ```
        """
    }

    @Test func aCacheGroupGetsItsOriginTimeToLiveAndCapacity() throws {
        let outcome = LessonLoader.load(source: source(edges: "count: 2, prefix: edge, role: cache, origin: origin, ttl: 30s, capacity: 5"), path: "caches.md")
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let lesson = try #require(outcome.lesson)
        let network = NetworkBuilder.config(for: lesson.network)
        let edge = try #require(network.id(named: "edge2"))
        #expect(network.nodes[edge.rawValue].cache == CachePolicy(origin: NodeID(0), timeToLive: 30_000_000, capacity: 5))
        #expect(network.nodes[0].cache == nil)
    }

    @Test func aCacheNeedsAnOriginOnceAndOnlyACacheHasOne() {
        let missing = LessonLoader.load(source: source(edges: "count: 2, prefix: edge, role: cache"), path: "caches.md")
        #expect(missing.diagnostics.filter { $0.severity == .error }.map(\.description)
            == ["caches.md:10:5: error: a cache needs 'origin: NODE', the node it fetches what it lacks from"])
        let misplaced = LessonLoader.load(source: source(edges: "count: 2, prefix: edge, origin: origin"), path: "caches.md")
        #expect(misplaced.diagnostics.filter { $0.severity == .error }.map(\.description)
            == ["caches.md:10:5: error: only a cache has an origin; give this node 'role: cache'"])
    }
}
