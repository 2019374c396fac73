import Foundation
import Testing

/// `netstep record`: a lesson written as an asciicast v2 file, with no terminal.
@Suite("Recording a lesson")
struct RecordCommandTests {
    private let environment = ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]

    private func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("netstep-e2e-\(UUID().uuidString.prefix(8))-\(name)")
    }

    @Test("a lesson file recorded at 80x24: an asciicast v2 file with its quiz marked, and a line saying what was written")
    func recordsALessonFile() throws {
        let lesson = temporary("lesson.md"), cast = temporary("lesson.cast")
        try FixtureLesson.source.write(to: lesson, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: lesson)
            try? FileManager.default.removeItem(at: cast)
        }
        let result = Subprocess.run(NetstepBinary.path, ["record", lesson.path, "--out", cast.path, "--size", "80x24"], environment: environment)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("wrote \(cast.path)"))
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        #expect(header["height"] as? Int == 24)
        let events = try lines.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
        let markers = events.filter { $0[1] as? String == "m" }.compactMap { $0[2] as? String }
        #expect(markers == ["Quiz: Who answered the request?"])
        let times = events.compactMap { $0[0] as? Double }
        #expect(times.count == events.count)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect((times.last ?? 0) > 10, "a lesson read and played at its pace takes more than a few seconds")
    }

    @Test("one step of a course lesson, by id")
    func recordsOneStep() throws {
        let cast = temporary("step.cast")
        defer { try? FileManager.default.removeItem(at: cast) }
        let result = Subprocess.run(NetstepBinary.path, ["record", "cs-basics", "--step", "1", "--out", cast.path], environment: environment)
        #expect(result.status == 0, "\(result.error)")
        let header = try String(contentsOf: cast, encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.contains("\"width\": 100, \"height\": 30"))
    }

    @Test("a screen too small, a step past the end, an unknown lesson, a folder that is not there: clear refusals, nothing written")
    func refusals() {
        let cast = temporary("refused.cast")
        let cases: [([String], String)] = [
            (["record", "cs-basics", "--out", cast.path, "--size", "40x10"], "--size must be at least"),
            (["record", "cs-basics", "--out", cast.path, "--size", "100by30"], "--size"),
            (["record", "cs-basics", "--out", cast.path, "--step", "99"], "past its end"),
            (["record", "no-such-lesson", "--out", cast.path], "no lesson with id 'no-such-lesson'"),
            (["record", "cs-basics", "--step", "1", "--out", "/no/such/folder/x.cast"], "could not be written"),
        ]
        for (arguments, message) in cases {
            let result = Subprocess.run(NetstepBinary.path, arguments, environment: environment)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
            #expect(!FileManager.default.fileExists(atPath: cast.path))
        }
    }
}
