import Testing
@testable import LessonKit

/// Latency, service time and timeout are read from the network, so a lesson never types
/// in a figure the simulation could contradict.
@Suite struct LatencyValueTests {
    private let source = """
    ---
    id: far-and-near
    title: Far and near
    summary: Goal, read delays from the network.
    essay: [4]
    network:
      latency: 40ms
      nodes:
        origin: { role: server, service: 30ms }
        edge: { role: server, service: 5ms }
      groups:
        east: { count: 2, prefix: e, timeout: 1.5s }
      links:
        - { between: [east, edge], latency: 2ms }
    ---

    ## Who is near
    The origin is {latency.e1.origin} away and the edge {latency.e1.edge}; any two others
    are {latency} apart. The origin works {origin.service} on a request, the edge
    {edge.service}. A client waits {e1.timeout} before it asks again; the origin never
    gives up: {origin.timeout}.

    ## Cut off
    The edge's links go down.

    ```sim
    - fail-link: [east, edge]
    - run: idle
    ```

    Now e2 and the edge: {latency.e2.edge}; e1 and the origin: {latency.e1.origin}.

    ```quiz
    ask: Which is nearer to e1?
    choices:
      - text: The edge
        explain: Yes, its link is short.
      - text: The origin
        explain: It is across the network.
    answer: 1
    ```
    """

    @Test func delaysAndTimesAreReadFromTheNetworkAndALinkToAGroupIsCutWhole() throws {
        let outcome = LessonLoader.load(source: source, path: "far.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let transcript = PlainTranscript.render(try #require(outcome.lesson))
        #expect(transcript.contains("The origin is 40.0 ms away and the edge 2.00 ms; any two others are 40.0 ms apart."))
        #expect(transcript.contains("The origin works 30.0 ms on a request, the edge 5.00 ms. A client waits 1.50 s before it asks again; the origin never gives up: none."))
        #expect(transcript.contains("  * the links e1, e2–edge are cut"), "a group at one end cuts each of its links")
        #expect(transcript.contains("Now e2 and the edge: cut; e1 and the origin: 40.0 ms."))
    }

    @Test(arguments: [
        ("{latency.e1}", "'latency.e1' names the two ends of a way through the network, like 'latency.c1.server'"),
        ("{latency.east.edge}", "'east' stands for several nodes, but each end of 'latency.A.B' is one node"),
        ("{latency.e1.edgee}", "unknown node 'edgee' in 'latency.e1.edgee' (did you mean 'edge'?); the nodes are origin, edge, e1, e2"),
    ])
    func aMisnamedWayIsReportedSayingWhatFits(value: String, message: String) {
        let broken = source.replacingOccurrences(of: "{latency.e2.edge}", with: value)
        #expect(LessonLoader.load(source: broken, path: "far.md").diagnostics.map(\.message) == [message])
    }
}
