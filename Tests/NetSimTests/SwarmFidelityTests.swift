import Foundation
import Testing
@testable import NetSim

/// Relay mode against the textbook over a seeded random sample of the whole parameter
/// box a lesson or `experiment distribution` may use (file 1 Mb–50 Gb, server up
/// 1 Mbps–10 Gbps, peer down 100 kbps–1 Gbps, peer up 50 kbps–100 Mbps), not a few hand-
/// picked cases: with 200 chunks P2P stays within 10% of its bound and is never slower
/// than client-server by more than two chunk-times. A chunk-time is client-server's time
/// for one chunk's worth of the file (its time over the number of chunks): the time a
/// chunk takes at a peer's download or at its share of the server, whichever is longer.
/// (A chunk at the download rate alone can be a few microseconds, less than what
/// rounding each of thousands of transfers to the engine's microsecond adds up to.)
///
/// `swift test` covers 1–40 peers, which runs in seconds in a debug build; with
/// NETSTEP_FIDELITY_FULL=1 in the environment the sample spans 1–1000 peers.
@Suite struct SwarmFidelityTests {
    struct Setting: CustomTestStringConvertible {
        let file, serverUp, peerDown, peerUp: Double
        let peers: Int

        var testDescription: String {
            "F \(Units.format(bits: file)), u_s \(Units.format(rate: serverUp)), d \(Units.format(rate: peerDown)), "
                + "u \(Units.format(rate: peerUp)), N \(peers)"
        }
    }

    static let full = ProcessInfo.processInfo.environment["NETSTEP_FIDELITY_FULL"] == "1"

    /// `count` settings drawn log-uniformly from the box (the same ones every run).
    static func sample(count: Int, maxPeers: Int) -> [Setting] {
        var random = SeededGenerator(seed: 2026)
        func logUniform(_ low: Double, _ high: Double) -> Double {
            let unit = Double(random.next() >> 11) / Double(1 << 53)
            return exp(log(low) + unit * (log(high) - log(low)))
        }
        return (0..<count).map { _ in
            Setting(
                file: logUniform(1e6, 50e9), serverUp: logUniform(1e6, 10e9), peerDown: logUniform(100e3, 1e9),
                peerUp: logUniform(50e3, 100e6), peers: Int(logUniform(1, Double(maxPeers)).rounded())
            )
        }
    }

    @Test(arguments: sample(count: 48, maxPeers: full ? 1000 : 40))
    func relayStaysNearItsBoundAndNeverLosesToClientServer(_ setting: Setting) {
        let chunks = DistributionExperiment.defaultChunks
        let result = DistributionExperiment.run(
            DistributionSetting(fileBits: setting.file, serverUpload: setting.serverUp, peerDownload: setting.peerDown,
                                peerUpload: setting.peerUp, chunks: chunks),
            peers: setting.peers
        )
        let chunkTime = result.clientServerSimulated / Double(chunks)
        #expect(result.peerToPeerSimulated >= result.peerToPeerBound * 0.999_999)
        #expect(result.peerToPeerSimulated <= result.peerToPeerBound * 1.10)
        #expect(result.peerToPeerSimulated <= result.clientServerSimulated + 2 * chunkTime)
    }

    /// With few chunks and a server that could feed every peer at its full download
    /// alone, the swarm finishes as client-server does, in F/d: no duplicate request
    /// splits a peer's download at the end, and no slow peer holds up its last chunk.
    @Test(arguments: [3, 10], [(1e9, 10e6), (1e9, 100e6), (10e9, 1e6)])
    func withFewChunksAServerThatCanFeedEveryoneIsNotHeldUp(chunks: Int, rates: (serverUp: Double, peerUp: Double)) {
        let setting = DistributionSetting(fileBits: 100e6, serverUpload: rates.serverUp, peerDownload: 50e6, peerUpload: rates.peerUp, chunks: chunks)
        let result = DistributionExperiment.run(setting, peers: 10)
        let chunkTime = setting.fileBits / Double(chunks) / setting.peerDownload
        #expect(result.peerToPeerBound == 2)
        #expect(result.peerToPeerSimulated <= result.peerToPeerBound + chunkTime / 10)
    }
}
