import Foundation
import Testing

/// What happens before the screen opens: refusals that must read clearly in a plain shell.
@Suite("Before the screen opens")
struct NoTerminalTests {
    private let environment = ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]

    @Test("stdout to a pipe: a clear message pointing to the plain mode, and a failing exit")
    func stdoutIsAPipe() {
        let result = Subprocess.run(NetstepBinary.path, [], environment: environment)
        #expect(result.status != 0)
        #expect(result.error.hasPrefix("netstep: the full-screen course needs a terminal"))
        #expect(result.error.contains("netstep play --plain"))
        #expect(result.output.isEmpty)
    }

    @Test("an unknown lesson id names the lessons there are")
    func unknownLesson() {
        let result = Subprocess.run(NetstepBinary.path, ["present", "no-such-lesson"], environment: environment)
        #expect(result.status == 1)
        #expect(result.error.contains("no lesson with id 'no-such-lesson'"))
        #expect(result.error.contains("the lessons are "))
    }

    @Test("a broken lesson file: file:line:col errors and a failing exit, before any screen")
    func brokenLessonFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-e2e-broken-\(UUID().uuidString.prefix(8)).md")
        try FixtureLesson.source.replacingOccurrences(of: "layout: star", with: "layout: [star").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = Subprocess.run(NetstepBinary.path, ["present", file.path], environment: environment)
        #expect(result.status == 1)
        #expect(result.error.contains("\(file.path):"))
        #expect(result.error.contains(": error: "))
        #expect(result.output.isEmpty)
    }
}
