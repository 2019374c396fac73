import NetSim
import Testing
@testable import LessonKit

/// A node or group may be far away (`latency:`) and may be called something in the
/// lesson's own words (`label:`).
@Suite struct NodeLatencyAndLabelTests {
    static func lesson(network: String, script: String = "- request: { from: c1, to: origin }\n- run: idle") -> String {
        """
        ---
        id: far-away
        title: Far away
        summary: Goal, see distance.
        essay: [2]
        network:
        \(network)
        ---

        ## One
        A request travels.

        ```sim
        \(script)
        - pause: Look.
        ```
        """
    }

    private func finalTime(_ network: String) throws -> SimTime {
        let outcome = LessonLoader.load(source: Self.lesson(network: network), path: "far.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        var runner = LessonRunner(lesson: try #require(outcome.lesson))
        runner.finishStep()
        return runner.simulation.now
    }

    @Test func aNodesLatencyIsAddedAtItsEndOfEveryPath() throws {
        let near = try finalTime("""
              latency: 10ms
              nodes:
                origin: { role: server }
                c1: { role: client }
            """)
        let far = try finalTime("""
              latency: 10ms
              nodes:
                origin: { role: server, latency: 80ms }
                c1: { role: client }
            """)
        #expect(near == 20_000, "there and back at the network's latency")
        #expect(far == 180_000, "there and back, each way 10 ms plus the origin's 80 ms")
    }

    @Test func aGroupsLatencyIsEachMembersAndALinkStillSaysItsOwn() throws {
        let grouped = try finalTime("""
              latency: 10ms
              nodes:
                origin: { role: server, latency: 80ms }
              groups:
                clients: { count: 2, prefix: c, latency: 5ms }
            """)
        #expect(grouped == 190_000)
        let linked = try finalTime("""
              latency: 10ms
              nodes:
                origin: { role: server, latency: 80ms }
              groups:
                clients: { count: 2, prefix: c, latency: 5ms }
              links:
                - { between: [c1, origin], latency: 1ms }
            """)
        #expect(linked == 2_000, "an explicit link's latency is the whole way")
    }

    @Test func labelsAreTheLessonsOwnNamesForNodesAndGroups() throws {
        let source = Self.lesson(network: """
              nodes:
                origin: { role: server, label: far origin }
              groups:
                clients: { count: 2, prefix: c, label: students in Lyon }
            """, script: "- add-node: { name: e1, role: server, label: edge in Lyon }\n- request: { from: c1, to: origin }\n- run: idle")
        let lesson = try #require(LessonLoader.load(source: source, path: "labels.md").lesson)
        #expect(lesson.nodeLabels == ["origin": "far origin", "e1": "edge in Lyon"])
        #expect(lesson.network.label(of: "c2") == "students in Lyon")
        #expect(lesson.network.label(of: "origin") == "far origin")
    }

    @Test func aLabelTooLongForTheStageIsAnError() {
        let source = Self.lesson(network: """
              nodes:
                origin: { role: server, label: the origin server on the other side of the ocean }
                c1: { role: client }
            """)
        #expect(LessonLoader.load(source: source, path: "long.md").diagnostics.map(\.description) == [
            "long.md:8:36: error: a label is 1 to 24 characters, to fit beside the node on the stage, not 48",
        ])
    }
}
