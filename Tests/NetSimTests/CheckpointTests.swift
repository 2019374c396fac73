import Testing
@testable import NetSim

/// The timeline's history stays bounded however long the run, and stepping back through
/// thinned snapshots still gives exactly the state before each step.
@Suite struct CheckpointTests {
    /// Tiny figures, so a few hundred events thin and forget: snapshots every 4 events,
    /// spacing up to 16, history of at least 64 events.
    static let policy = CheckpointPolicy(spacing: 4, perLevel: 2, widestLevel: 2, horizonSpacings: 16)

    private func swarmTimeline(policy: CheckpointPolicy, chunks: Int = 64) throws -> Timeline {
        var timeline = Timeline(Simulation(network: SwarmTests.network(peers: 8), seed: 9), policy: policy)
        try timeline.perform(.startSwarm(SwarmTests.config(peers: 8, chunks: chunks)))
        return timeline
    }

    /// The states after each event of the same run, from a timeline that forgets nothing.
    private func referenceStates(events: Int) throws -> [Simulation] {
        var reference = try swarmTimeline(policy: .standard)
        var states = [reference.current]
        for _ in 0..<events {
            reference.step()
            states.append(reference.current)
        }
        return states
    }

    @Test func steppingBackThroughThinnedSnapshotsIsExact() throws {
        var timeline = try swarmTimeline(policy: Self.policy)
        timeline.run(until: .events(300))
        #expect(timeline.eventCount == 300)
        let states = try referenceStates(events: 300)
        #expect(timeline.forgottenEvents > 0, "the run is longer than the history")
        #expect(timeline.current == states[300])
        var position = 300
        while timeline.stepBack() {
            position -= 1
            #expect(timeline.current == states[position], "state before event \(position + 1)")
        }
        #expect(position == timeline.forgottenEvents, "stepping back stops at the oldest event kept")
        #expect(position <= 300 - Self.policy.horizon, "the history reaches at least the horizon back")
    }

    @Test func jumpingAnywhereInTheHistoryIsExact() throws {
        var timeline = try swarmTimeline(policy: Self.policy)
        timeline.run(until: .events(300))
        let states = try referenceStates(events: 300)
        for target in [299, 290, 263, 250, 241] where target >= timeline.forgottenEvents {
            timeline.seek(toEvent: target)
            #expect(timeline.current == states[target], "state after event \(target)")
            #expect(timeline.eventCount == target)
        }
        let from = timeline.eventCount
        timeline.run(until: .events(20))
        #expect(timeline.current == states[from + 20], "running on after a jump back gives the same run")
    }

    @Test func snapshotsStayBoundedOverALongRun() throws {
        var timeline = try swarmTimeline(policy: Self.policy, chunks: 256)
        var most = 0
        while timeline.eventCount < 3_000, !timeline.current.isIdle {
            timeline.step()
            most = max(most, timeline.snapshotCount)
            #expect(timeline.reports.count <= Self.policy.horizon + 2 * Self.policy.widest)
        }
        #expect(timeline.eventCount > 1_000, "the swarm runs long enough to tell")
        #expect(most <= Self.policy.maximumKept)
        #expect(CheckpointPolicy.standard.maximumKept <= 60, "the sandbox keeps at most some fifty snapshots")
    }

    @Test func aSnapshotThinnedAwayIsNeverNeededAgain() {
        let policy = Self.policy
        for present in stride(from: 0, through: 400, by: 4) {
            for events in stride(from: 0, through: present, by: 4) where !policy.keeps(events: events, present: present) {
                #expect(!policy.keeps(events: events, present: present + 4), "dropped at \(present), kept later at \(events)")
            }
        }
    }
}
