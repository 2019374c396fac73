import Foundation
import Testing

/// Lesson files as they arrive from colleagues: Windows line ends are fine, and a lesson
/// that fails as it plays makes `play --plain` fail as `check` would.
@Suite("Lesson files from elsewhere")
struct LessonInputTests {
    private let environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]

    private func netstep(_ arguments: [String]) -> Subprocess.Result {
        Subprocess.run(NetstepBinary.path, arguments, environment: environment)
    }

    private func write(_ source: String, named name: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-\(name)-\(UUID().uuidString.prefix(8)).md")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("a lesson with CRLF line ends checks clean and plays as the same lesson with LF")
    func windowsLineEnds() throws {
        let file = try write(FixtureLesson.source.replacingOccurrences(of: "\n", with: "\r\n"), named: "crlf")
        defer { try? FileManager.default.removeItem(at: file) }
        let checked = netstep(["check", file.path])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(!checked.error.contains("front matter"))
        let unix = try write(FixtureLesson.source, named: "lf")
        defer { try? FileManager.default.removeItem(at: unix) }
        let played = netstep(["play", "--plain", file.path])
        #expect(played.status == 0)
        #expect(played.output == netstep(["play", "--plain", unix.path]).output)
    }

    @Test("play --plain exits 1 on a lesson that fails as it plays, with check's message")
    func runTimeFailure() throws {
        let source = FixtureLesson.source.replacingOccurrences(
            of: "reply: 20KB }\n- run: idle", with: "reply: 20KB }\n- run: { until: queue-full }")
        #expect(source != FixtureLesson.source)
        let file = try write(source, named: "fails")
        defer { try? FileManager.default.removeItem(at: file) }
        let played = netstep(["play", "--plain", file.path])
        #expect(played.status == 1)
        #expect(played.output.contains("Step 1 of 3"), "the transcript is still printed")
        let checked = netstep(["check", file.path])
        #expect(checked.status == 1)
        let errors = { (text: String) in text.split(separator: "\n").filter { $0.contains(": error: ") } }
        #expect(!errors(played.error).isEmpty)
        #expect(errors(played.error) == errors(checked.error))
    }
}
