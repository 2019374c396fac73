import Foundation
import Testing
@testable import LessonKit

/// Damaged and hostile lessons never crash, hang or flood: a seeded mutation fuzzer over
/// every bundled lesson (bytes changed, lines deleted, duplicated or swapped, truncation,
/// huge numbers, unicode and escape sequences, deep nesting, duplicated blocks). Each
/// case loads and, when it loads, is checked to its end; every message must be placed
/// (`file:line:col:` or `file: error:`) and free of control characters, and every run
/// within the lesson budget. A few hundred cases run in `swift test`; set
/// `NETSTEP_FUZZ=100000` for a long run. A failing seed reproduces on its own.
@Suite struct FuzzTests {
    /// A small deterministic generator, so a failure can be reproduced from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("-:{}[]*&!|>'\"#\n\t ,%@`\\0aZ".utf8) + [0xC3, 0xFF, 0x1B]
    /// Numbers and units that probe overflow and absurd sizes.
    static let hugeNumbers = ["9223372036854775807", "99999999999999999999999", "1e308", "-1", "0", "1TB", "1e15Mbps", "0.000001ms",
                              "18446744073709551616b", "nan", "inf", "200000000"]
    /// Text that a terminal or an editor might act on.
    static let hostileText = ["\u{1B}]0;PWN\u{07}", "\u{1B}[2J", "\u{202E}evil", "e\u{301}\u{301}\u{301}", "👩‍👩‍👧‍👦", "\u{9B}31m",
                              "\u{FEFF}", "\u{0}", "\r\n", "\u{85}", "字", "\u{7F}"]

    /// Cases run in `swift test`; `NETSTEP_FUZZ` asks for more.
    static var caseCount: Int {
        ProcessInfo.processInfo.environment["NETSTEP_FUZZ"].flatMap(Int.init) ?? 200
    }

    static func damaged(_ source: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix(state: seed)
        var lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = Int.random(in: 0..<max(1, lines.count), using: &random)
            switch Int.random(in: 0..<9, using: &random) {
            case 0 where !lines.isEmpty: lines.remove(at: at)
            case 1 where !lines.isEmpty: lines.insert(lines.randomElement(using: &random)!, at: at)
            case 2 where lines.count > 1: lines.swapAt(at, Int.random(in: 0..<lines.count, using: &random))
            case 3 where !lines.isEmpty:
                // A number made huge, negative or not a number.
                if let digit = lines[at].firstIndex(where: { (48...57).contains($0) }) {
                    var end = digit
                    while end < lines[at].count, (48...57).contains(lines[at][end]) || lines[at][end] == UInt8(ascii: ".") { end += 1 }
                    lines[at].replaceSubrange(digit..<end, with: Array(hugeNumbers.randomElement(using: &random)!.utf8))
                }
            case 4 where !lines.isEmpty:
                let text = Array(hostileText.randomElement(using: &random)!.utf8)
                lines[at].insert(contentsOf: text, at: Int.random(in: 0...lines[at].count, using: &random))
            case 5 where !lines.isEmpty:
                let depth = Int.random(in: 10...200, using: &random)
                let nesting = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
                lines[at] += Array((" " + nesting).utf8)
            case 6 where !lines.isEmpty:
                // A block of lines repeated: a step, a fenced block or a list many times over.
                let length = Int.random(in: 1...min(12, lines.count - at), using: &random)
                let block = lines[at..<(at + length)]
                for _ in 0..<Int.random(in: 2...40, using: &random) { lines.insert(contentsOf: block, at: at) }
            case 7:
                lines = Array(lines.prefix(at))
            default:
                break
            }
        }
        var bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        for _ in 0..<Int.random(in: 0...6, using: &random) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
        }
        return bytes
    }

    static func courseSources() throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.courseDirectory.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            .map { [UInt8](try Data(contentsOf: Fixtures.courseDirectory.appendingPathComponent($0))) }
    }

    /// `path:line:col: error|warning: ` or `path: error|warning: `, then text without a
    /// control character: what an editor can jump to and a terminal can show.
    static func isPlacedAndClean(_ line: String, path: String) -> Bool {
        guard !line.unicodeScalars.contains(where: { TextSanitizer.isControl($0) || TextSanitizer.isBidiControl($0) }) else { return false }
        guard line.hasPrefix(path + ":") else { return false }
        let rest = line.dropFirst(path.count + 1)
        if rest.hasPrefix(" error: ") || rest.hasPrefix(" warning: ") { return true }
        let parts = rest.split(separator: ":", maxSplits: 2)
        guard parts.count == 3, let row = Int(parts[0]), let column = Int(parts[1]), row >= 1, column >= 1 else { return false }
        return parts[2].hasPrefix(" error: ") || parts[2].hasPrefix(" warning: ")
    }

    @Test func damagedLessonsNeverCrashHangOrPrintRawText() throws {
        let sources = try Self.courseSources()
        var loaded = 0
        for seed in UInt64(1)...UInt64(Self.caseCount) {
            let path = "fuzz-\(seed).md"
            let outcome = LessonLoader.load(contents: Self.damaged(sources[Int(seed) % sources.count], seed: seed), path: path)
            var diagnostics = outcome.diagnostics
            if let lesson = outcome.lesson {
                loaded += 1
                var runner = LessonRunner(lesson: lesson)
                runner.jump(to: lesson.steps.count - 1)
                runner.finishStep()
                #expect(runner.simulation.eventCount <= LessonLimits.lessonEvents + LessonLimits.maximumBudget, "seed \(seed): the run stays within the lesson's budget")
                #expect(runner.timeline.snapshotCount <= runner.timeline.policy.maximumKept, "seed \(seed): memory stays bounded")
                diagnostics += runner.problems.map { Diagnostic(path: path, location: $0.location, severity: .error, message: $0.message) }
            } else {
                #expect(outcome.diagnostics.hasErrors, "seed \(seed): no lesson means at least one error")
            }
            #expect(diagnostics.count <= DiagnosticLog.maximumKept + 1, "seed \(seed): no flood of messages")
            for diagnostic in diagnostics {
                #expect(Self.isPlacedAndClean(diagnostic.description, path: path), "seed \(seed): \(diagnostic.description)")
            }
        }
        #expect(loaded > 0, "some damage leaves a lesson that still loads and plays")
    }
}
