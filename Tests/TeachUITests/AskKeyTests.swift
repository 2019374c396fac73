import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// A step's own key (an ask) never collides with a key the lesson screen uses itself.
@Suite struct AskKeyTests {
    /// Whether the lesson screen does anything with `key` itself, at a step that runs,
    /// at a quiz, presenting or not.
    private func screenUses(_ key: Character) -> Bool {
        [(0, false), (0, true), (1, false), (1, true)].contains { step, presenting in
            var session = LessonSession(index: 0, lesson: TestLessons.request, step: step)
            if case .ignored = session.handle(.character(key), presenting: presenting, stage: Rect(x: 0, y: 1, width: 48, height: 14)) { return false }
            return true
        }
    }

    private func loadsAsAskKey(_ key: Character) -> Bool {
        let source = TestLessons.requestSource.replacingOccurrences(
            of: "- run: idle", with: "- ask: { key: \(key), prompt: \"Press it\", do: { fail: server } }\n- run: idle")
        return LessonLoader.load(source: source, path: "01-request.md").lesson != nil
    }

    @Test func theLoaderRefusesEveryKeyTheLessonScreenUses() {
        let keys = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        let clashing = keys.filter { screenUses($0) && loadsAsAskKey($0) }
        #expect(clashing.isEmpty, "ask keys the screen takes for itself: \(String(clashing))")
        #expect(screenUses("g") && !loadsAsAskKey("g"))
        #expect(loadsAsAskKey("k") && !screenUses("k"))
    }
}
