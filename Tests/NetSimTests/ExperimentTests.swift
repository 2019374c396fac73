import Testing
@testable import NetSim

@Suite struct DistributionExperimentTests {
    /// (peers, server up, peer up, peer down): the textbook's own figures, a slow server
    /// below what the peers add up to, a fast one above it, and downloads that bind.
    static let settings: [(Int, Double, Double, Double)] = [
        (1, 30e6, 700e3, 2e6), (10, 30e6, 700e3, 2e6), (100, 30e6, 700e3, 2e6),
        (10, 1e6, 700e3, 100e6), (100, 1e6, 700e3, 100e6),
        (10, 100e6, 1e6, 100e6), (100, 100e6, 1e6, 100e6),
        (20, 5e6, 1e6, 1.2e6),
    ]

    @Test(arguments: settings)
    func simulatedTimesAgreeWithTheTextbook(peers: Int, serverUp: Double, peerUp: Double, peerDown: Double) {
        let setting = DistributionSetting(fileBits: 15e9, serverUpload: serverUp, peerDownload: peerDown, peerUpload: peerUp, chunks: 200)
        let result = DistributionExperiment.run(setting, peers: peers)
        #expect(abs(result.clientServerSimulated / result.clientServerBound - 1) < 0.01)
        #expect(result.peerToPeerSimulated >= result.peerToPeerBound * 0.999_999)
        #expect(result.peerToPeerSimulated <= result.peerToPeerBound * 1.10)
    }

    @Test func clientServerGrowsLinearlyWhilePeerToPeerStaysNearlyFlat() {
        let setting = DistributionSetting(fileBits: 15e9, serverUpload: 30e6, peerDownload: 2e6, peerUpload: 700e3, chunks: 200)
        let small = DistributionExperiment.run(setting, peers: 10)
        let large = DistributionExperiment.run(setting, peers: 100)
        #expect(large.clientServerSimulated / small.clientServerSimulated > 6)
        #expect(large.peerToPeerSimulated / small.peerToPeerSimulated < 2.1)
    }

    @Test func theTextbookBoundsAreTheFormulas() {
        let setting = DistributionSetting(fileBits: 15e9, serverUpload: 30e6, peerDownload: 2e6, peerUpload: 700e3, chunks: 10)
        let result = DistributionExperiment.run(setting, peers: 1)
        #expect(result.clientServerBound == 7500)
        #expect(result.peerToPeerBound == 7500)
        #expect(abs(DistributionExperiment.run(setting, peers: 1).clientServerSimulated - 7500) < 1)
    }
}

@Suite struct BottleneckExperimentTests {
    @Test func moreClientsMeanLongerWaitsAndThenDrops() throws {
        let setting = BottleneckSetting(
            serviceTime: 20_000, queueLimit: 8, requestsPerClientPerSecond: 2, duration: 20_000_000,
            serverUpload: 100e6, responseBytes: 10_000
        )
        let results = [1, 10, 40].map { BottleneckExperiment.run(setting, clients: $0) }
        let means = try results.map { try #require($0.meanResponse) }
        #expect(means[0] < means[1] && means[1] < means[2])
        #expect(results[0].dropRate == 0)
        #expect(results[2].dropRate > 0.2)
        #expect(results[2].offeredLoad == 1.6)
        #expect(try #require(results[2].p95Response) >= means[2])
    }
}
