import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// Long random sessions: whatever a learner presses, at whatever window size, the app
/// keeps a consistent state and draws a whole screen (debug builds check the invariants).
@Suite struct RobustnessTests {
    /// A small deterministic generator, so a failure replays exactly.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Keys a learner might press, except those that leave (q, Esc), so sessions run long.
    private static let keys: [Key] = [
        .right, .left, .enter, .tab, .backspace, .pageUp, .pageDown, .up, .down, .home, .end,
        .click(x: 20, y: 6), .click(x: 3, y: 3),
    ] + Array("  nprRgehi?123+-.bkxaumvfs").map { .character($0) }

    private func randomSession(start: AppState.Start, presenting: Bool, seed: UInt64) {
        var random = Generator(state: seed)
        var state = AppState(lessons: TestLessons.course + [TestLessons.failure], start: start, presenting: presenting)
        var size = (width: 80, height: 24)
        for _ in 0..<400 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                size = (Int.random(in: 20...200, using: &random), Int.random(in: 5...70, using: &random))
                send(&state, .resize(width: size.width, height: size.height))
            case 1, 2:
                send(&state, .tick(elapsedMicroseconds: Int64.random(in: 1...2_000_000, using: &random)))
            default:
                send(&state, .key(Self.keys.randomElement(using: &random)!))
            }
            let canvas = render(state, width: size.width, height: size.height, capabilities: .full)
            #expect(canvas.width == size.width && canvas.height == size.height)
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomKeysInALessonNeverBreakIt(seed: UInt64) {
        randomSession(start: .lesson(id: "test-failure", step: 0), presenting: false, seed: seed)
        randomSession(start: .lesson(id: "test-request", step: 0), presenting: true, seed: seed)
    }

    @Test(arguments: [5, 6] as [UInt64])
    func randomKeysInTheSandboxAndMenuNeverBreakThem(seed: UInt64) {
        randomSession(start: .sandbox(.clientServer, nodes: 5), presenting: false, seed: seed)
        randomSession(start: .menu, presenting: false, seed: seed)
    }
}
