import Testing
@testable import NetSim

@Suite struct MinHeapTests {
    @Test func keysComeOutSmallestFirstAndTheHeapStaysInOrderBetweenPushesAndPops() {
        var heap = MinHeap<HeapKey>()
        var generator = SeededGenerator(seed: 11)
        var expected: [HeapKey] = []
        var popped: [HeapKey] = []
        for order in 0..<3000 {
            // Few distinct times, so the order word breaks most ties.
            let key = HeapKey(time: SimTime(generator.below(40)), order: UInt64(generator.below(1 << 20)) << 12 | UInt64(order))
            heap.insert(key)
            expected.append(key)
            if order.isMultiple(of: 4), let smallest = heap.popMin() {
                #expect(smallest == expected.min())
                expected.removeAll { $0 == smallest }
                popped.append(smallest)
            }
            #expect(heap.count == expected.count)
        }
        #expect(heap.holdsHeapOrder)
        while let smallest = heap.popMin() { popped.append(smallest) }
        #expect(heap.isEmpty)
        #expect(popped.count == 3000)
        #expect(heap.popMin() == nil)
    }

    @Test func theFloorPopsTheSameTimesAsTheEnginesHoldModel() throws {
        var simulation = Simulation(network: NetworkConfig(nodes: [NodeConfig(name: "timer", role: .peer)]), seed: 1)
        try simulation.perform(.startHoldWorkload(pending: 100))
        simulation.run(until: .events(5000))
        #expect(simulation.now > 0)
        #expect(HeapFloor.hold(pending: 100, events: 5000) == Int(simulation.now))
    }

    @Test func theEventHeapStaysInOrderThroughAHoldRun() throws {
        var heap = EventHeap()
        var generator = SeededGenerator(seed: 3)
        var sequence = 0
        for _ in 0..<500 {
            heap.insert(ScheduledEvent(time: SimTime(generator.below(1000)), sequence: sequence, event: .hold))
            sequence += 1
        }
        var last: SimTime = 0
        for _ in 0..<5000 {
            let popped = heap.popMin()
            let next = try #require(popped)
            #expect(next.time >= last)
            last = next.time
            heap.insert(ScheduledEvent(time: last + SimTime(generator.below(1000)), sequence: sequence, event: .arrival(flight: sequence)))
            sequence += 1
        }
        #expect(heap.holdsHeapOrder)
        #expect(heap.count == 500)
    }
}
