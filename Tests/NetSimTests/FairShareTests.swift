import Testing
@testable import NetSim

@Suite struct FairShareTests {
    private func shares(_ capacity: Double, _ caps: [Double]) -> [Double] {
        var values = caps
        values.withUnsafeMutableBufferPointer { shareMaxMinFairly(capacity: capacity, $0) }
        return values
    }

    @Test func flowsThatWantLessGetWhatTheyWantAndTheRestSplitTheRemainder() {
        #expect(shares(10, [1, 100, 100]) == [1, 4.5, 4.5])
        #expect(shares(10, [2, 3, 100]) == [2, 3, 5])
        #expect(shares(10, [5, 5]) == [5, 5])
        #expect(shares(12, [.infinity, .infinity, .infinity]) == [4, 4, 4])
        #expect(shares(10, [0, 100]) == [0, 10])
    }

    @Test func unlimitedCapacityGivesEveryFlowItsCap() {
        #expect(shares(.infinity, [3, 7]) == [3, 7])
        #expect(shares(5, [7]) == [5])
    }
}
