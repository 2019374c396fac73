import Foundation
import Testing
@testable import LessonKit

/// Damaged lessons never crash the loader or the checker: random edits of a real lesson
/// (bytes changed, lines deleted, duplicated or swapped) give diagnostics or a lesson.
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

    static func damaged(_ source: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix(state: seed)
        var bytes = source
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !lines.isEmpty: lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
            case 1 where !lines.isEmpty: lines.insert(lines.randomElement(using: &random)!, at: Int.random(in: 0...lines.count, using: &random))
            case 2 where lines.count > 1: lines.swapAt(Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
            default: break
            }
        }
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        for _ in 0..<Int.random(in: 0...6, using: &random) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
        }
        return bytes
    }

    @Test func damagedLessonsNeverCrash() throws {
        let course = try Fixtures.course()
        let sources = try ["cs-basics", "cs-bottleneck", "p2p-swarm"].map { id in
            let lesson = try #require(course.lesson(id: id))
            return [UInt8](try Data(contentsOf: Fixtures.courseDirectory.appendingPathComponent(String(lesson.sourcePath.dropFirst("Lessons/".count)))))
        }
        var loaded = 0
        for seed in UInt64(1)...150 {
            let source = sources[Int(seed) % sources.count]
            let outcome = LessonLoader.load(contents: Self.damaged(source, seed: seed), path: "fuzz-\(seed).md")
            if let lesson = outcome.lesson {
                loaded += 1
                _ = LessonChecker.play(lesson)
            } else {
                #expect(outcome.diagnostics.hasErrors, "seed \(seed): no lesson means at least one error")
            }
        }
        #expect(loaded > 0, "some damage leaves a lesson that still loads and plays")
    }
}
