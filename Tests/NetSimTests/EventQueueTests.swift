import Testing
@testable import NetSim

@Suite struct EventQueueTests {
    @Test func eventsComeOutByTimeThenByOrderScheduledWhereverTheyWait() {
        var queue = EventQueue()
        queue.schedule(.arrival(flight: 1), at: 10)
        queue.schedule(.hold, at: 5)
        queue.schedule(.arrival(flight: 2), at: 10)
        // Earlier than the last arrival waiting, so it waits in the heap.
        queue.schedule(.arrival(flight: 3), at: 7)
        queue.schedule(.hold, at: 10)
        #expect(queue.liveCount == 5)
        var order: [Event] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == [.hold, .arrival(flight: 3), .arrival(flight: 1), .arrival(flight: 2), .hold])
        #expect(queue.liveCount == 0)
    }
}

extension EventQueueTests {
    @Test func manyEventsComeOutInTimeThenSequenceOrderWithTiesAndEventsTakenBetween() {
        var queue = EventQueue()
        var generator = SeededGenerator(seed: 7)
        var expected: [(time: SimTime, flight: Int)] = []
        var popped: [(time: SimTime, flight: Int)] = []
        var now: SimTime = 0
        for flight in 0..<5000 {
            // Few distinct times, so most events tie and only the order scheduled decides.
            let time = now + SimTime(generator.below(50))
            queue.schedule(.transmitted(transfer: flight, version: 0), at: time)
            expected.append((time, flight))
            if flight.isMultiple(of: 3), let next = queue.popMin() {
                guard case let .transmitted(transfer, _) = next.event else { Issue.record("wrong event"); return }
                popped.append((next.time, transfer))
                now = next.time
            }
        }
        while let next = queue.popMin() {
            guard case let .transmitted(transfer, _) = next.event else { Issue.record("wrong event"); return }
            popped.append((next.time, transfer))
        }
        #expect(popped.count == expected.count)
        // Each pop is the earliest of what was waiting, ties broken by the order scheduled.
        for (earlier, later) in zip(popped, popped.dropFirst()) where earlier.time == later.time {
            #expect(earlier.flight < later.flight)
        }
        #expect(zip(popped, popped.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test func runningOutOfSequenceNumbersKeepsTheOrder() {
        var queue = EventQueue(firstSequence: EventHeap.sequenceLimit - 3)
        for flight in 0..<8 {
            queue.schedule(.transmitted(transfer: flight, version: 0), at: 100)
            queue.schedule(.arrival(flight: flight), at: 50)
        }
        var order: [Event] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == (0..<8).map { Event.arrival(flight: $0) } + (0..<8).map { Event.transmitted(transfer: $0, version: 0) })
    }
}

extension EventQueueTests {
    /// A server sending 600 answers of different sizes at once: each that ends speeds up
    /// all the others, which each get a new completion event. The old ones are dropped
    /// once they outnumber the live ones, rather than piling up (about 180,000 here, and
    /// millions for an overloaded server in `experiment bottleneck`, which then ran out
    /// of room in the heap).
    @Test func staleCompletionsOfASharedUploadDoNotPileUp() {
        let clients = 600
        let network = NetworkConfig(
            nodes: [NodeConfig(name: "server", role: .server, upload: 100e6, download: 1e9)]
                + (1...clients).map { NodeConfig(name: "c\($0)", role: .client, upload: 10e6, download: 1e9) },
            defaultLatency: 5_000
        )
        var sim = Simulation(network: network, seed: 1)
        for client in 1...clients {
            sim.send(.file, from: NodeID(0), to: NodeID(client), bits: Double(client) * 10_000, label: "file", payload: .file)
        }
        sim.applyPendingRerates()
        var mostStale = 0
        while sim.step() != nil { mostStale = max(mostStale, sim.queue.staleCount) }
        #expect(mostStale < 2 * 4096)
        #expect((1...clients).allSatisfy { sim.metrics.completionTimes[NodeID($0)] != nil })
    }
}
