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
