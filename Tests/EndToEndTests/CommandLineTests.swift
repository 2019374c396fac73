import Foundation
import Testing

/// The headless commands as a script or a tutor uses them: their output formats, exit
/// codes and the messages bad arguments get.
@Suite("Headless commands")
struct CommandLineTests {
    private let environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]

    private func netstep(_ arguments: [String]) -> Subprocess.Result {
        Subprocess.run(NetstepBinary.path, arguments, environment: environment)
    }

    @Test("new writes a starter lesson that passes check, and never replaces a file; check warns when a lesson's id is a bundled one's")
    func newWritesAStarterLesson() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-new-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cdn-edges.md").path
        #expect(netstep(["new", "cdn-edges", "--file", file]).status == 0)
        let check = netstep(["check", file])
        #expect(check.status == 0)
        #expect(check.output.contains("0 errors, 0 warnings"), "\(check.output)")
        let again = netstep(["new", "cdn-edges", "--file", file])
        #expect(again.status == 1)
        #expect(again.error.contains("already exists; nothing was written"))
        let bad = netstep(["new", "CDN_edges", "--file", folder.appendingPathComponent("bad.md").path])
        #expect(bad.status == 1)
        #expect(bad.error.contains("'CDN_edges' is not a lesson id"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.md").path))

        let shadow = folder.appendingPathComponent("my-basics.md")
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "id: cdn-edges", with: "id: cs-basics")
            .write(to: shadow, atomically: true, encoding: .utf8)
        let shadowed = netstep(["check", shadow.path])
        #expect(shadowed.status == 0, "a warning, not an error")
        #expect(shadowed.error.contains("my-basics.md:2:1: warning: the id 'cs-basics' is already the bundled lesson's in Lessons/01-client-server-basics.md"),
                "\(shadowed.error)")
    }

    @Test("distribution JSON: client-server on its formula, peer-to-peer just above its bound")
    func distributionJSONAgreesWithTheTextbook() throws {
        let result = netstep([
            "experiment", "distribution", "--file", "1Gb", "--server-up", "30Mbps", "--peer-down", "2Mbps",
            "--peer-up", "700kbps", "--peers", "2,10,40", "--format", "json",
        ])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Double]])
        #expect(rows.map { $0["peers"] } == [2, 10, 40])
        for row in rows {
            let csBound = try #require(row["cs_bound_s"]), csSim = try #require(row["cs_sim_s"])
            let p2pBound = try #require(row["p2p_bound_s"]), p2pSim = try #require(row["p2p_sim_s"])
            #expect(abs(csSim - csBound) <= csBound * 0.01)
            #expect(p2pSim >= p2pBound * 0.9999 && p2pSim <= p2pBound * 1.10)
        }
        // N = 40: N·F/u_s = 40 × 1e9 / 30e6 s, against the P2P bound N·F/(u_s + N·u).
        let csBound40: Double = try #require(rows[2]["cs_bound_s"])
        let p2pBound40: Double = try #require(rows[2]["p2p_bound_s"])
        let expectedP2P: Double = 40e9 / (30e6 + 40 * 700e3)
        #expect(abs(csBound40 - 40e9 / 30e6) < 0.01)
        #expect(abs(p2pBound40 - expectedP2P) < 0.01)
    }

    @Test("distribution --plot: both simulated lines on axes from zero, client-server on top")
    func distributionPlotDrawsBothLines() throws {
        let result = netstep([
            "experiment", "distribution", "--file", "1Gb", "--server-up", "30Mbps", "--peer-down", "2Mbps",
            "--peer-up", "700kbps", "--peers", "2,10,40", "--plot",
        ])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.hasPrefix("time to give every peer the file") })
        let chart = Array(lines[(top + 1)...])
        #expect(chart.first?.hasPrefix("1500 s |") == true, "40 copies of 1 Gb at 30 Mbps take 1333 s; the axis rounds up")
        #expect(chart.contains { $0.hasPrefix("   0 s |") })
        #expect(chart.contains { $0.contains("0") && $0.hasSuffix("40") && !$0.contains("|") }, "peers from 0 to 40 along the bottom")
        // For 2 and 10 peers both models take 500 s (F/d_min): one mark stands for both.
        #expect(chart.last?.trimmingCharacters(in: .whitespaces) == "c client-server   p peer-to-peer   * both")
        #expect(chart.contains { $0.contains("*") && $0.contains("|") })
        // The last client-server point is the highest mark; the swarm's last point sits far below it.
        let cRow = try #require(chart.lastIndex { $0.hasSuffix("c") })
        let pRow = try #require(chart.lastIndex { $0.hasSuffix("p") })
        #expect(cRow < pRow)
    }

    @Test("distribution --plot with sizes out of order draws them in order along the axis")
    func distributionPlotSortsSizes() {
        let result = netstep([
            "experiment", "distribution", "--file", "1Gb", "--server-up", "30Mbps", "--peer-down", "2Mbps",
            "--peer-up", "700kbps", "--peers", "40,2", "--plot",
        ])
        #expect(result.status == 0, "it used to trap drawing a line from 40 back to 2")
        let axis = result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(axis.contains { $0.hasPrefix("0  2") && $0.hasSuffix("40") })
    }

    @Test("a size that is not a size: the reason and an example, and a failing exit")
    func badSizeIsRefused() {
        let result = netstep([
            "experiment", "distribution", "--file", "15Gx", "--server-up", "30Mbps", "--peer-down", "2Mbps",
            "--peer-up", "300kbps", "--peers", "10",
        ])
        #expect(result.status != 0)
        #expect(result.error.contains("'15Gx' is not a size"))
        #expect(result.error.contains("like 15Gb"))
    }

    @Test("bench engine JSON carries events, seconds, rate and peak memory")
    func benchEngineJSON() throws {
        let result = netstep(["bench", "engine", "--model", "hold", "--n", "1000", "--events", "20000", "--format", "json"])
        #expect(result.status == 0)
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Double])
        #expect(figures["events"] == 20000)
        #expect(try #require(figures["seconds"]) > 0)
        #expect(try #require(figures["events_per_s"]) > 0)
        #expect(try #require(figures["peak_memory_mb"]) > 0)
    }

    @Test("check: the bundled course is clean; a broken file fails with file:line:col")
    func checkExitCodes() throws {
        let clean = netstep(["check"])
        #expect(clean.status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-cli-broken-\(UUID().uuidString.prefix(8)).md")
        try FixtureLesson.source.replacingOccurrences(of: "layout: star", with: "layout: [star").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let broken = netstep(["check", file.path])
        #expect(broken.status == 1)
        #expect(broken.error.range(of: "\(file.path):[0-9]+:[0-9]+: error: ", options: .regularExpression) != nil)
    }

    @Test("a lesson id is the course's lesson even beside a folder of that name; a folder is never opened as a lesson; check takes ids")
    func idsAndFoldersOnTheCommandLine() throws {
        let place = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-ids-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: place.appendingPathComponent("cdn"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: place) }
        let besideFolder = Subprocess.run("/bin/sh", ["-c", #"cd "$0" && exec "$1" play cdn --plain"#, place.path, NetstepBinary.path], environment: environment)
        #expect(besideFolder.status == 0, "\(besideFolder.error)")
        #expect(besideFolder.output.contains("A CDN"), "the bundled cdn lesson plays")
        let folder = netstep(["play", place.appendingPathComponent("cdn").path, "--plain"])
        #expect(folder.status == 1)
        #expect(folder.error.contains("is a folder, not a lesson"), "\(folder.error)")
        let checkID = netstep(["check", "cdn"])
        #expect(checkID.status == 0, "\(checkID.error)")
        #expect(checkID.output.contains("checked 1 lesson file: 0 errors, 0 warnings"), "\(checkID.output)")
        let emptyFolder = netstep(["check", place.appendingPathComponent("cdn").path])
        #expect(emptyFolder.status == 1)
        #expect(emptyFolder.error.contains("this folder holds no lesson files"), "\(emptyFolder.error)")
        let unknown = netstep(["check", "no-such-lesson"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("no such file or folder, and no lesson with that id"), "\(unknown.error)")
    }

    @Test("play --plain prints the same text twice, without escape sequences")
    func plainTranscriptIsStable() {
        let first = netstep(["play", "cs-basics", "--plain"])
        let second = netstep(["play", "cs-basics", "--plain"])
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("Step 1 of"))
        #expect(!first.output.unicodeScalars.contains { $0.value == 0x1B })
    }
}
