import Foundation
@testable import LessonKit

/// Test access to the broken-lesson corpus in Fixtures/ and to the bundled course in Lessons/.
enum Fixtures {
    static var directory: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("the Fixtures folder is a resource of this test target")
        }
        return url
    }

    static func load(_ name: String) throws -> LoadOutcome {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return LessonLoader.load(contents: [UInt8](data), path: name)
    }

    /// Each line of expected-diagnostics.txt, exactly as the checker prints it.
    static func expectedDiagnostics() throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    static func brokenLessonNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// The repository's Lessons/ folder, found from this source file.
    static var courseDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons")
    }

    static func course() throws -> Course {
        let names = try FileManager.default.contentsOfDirectory(atPath: courseDirectory.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        let files = try names.map { name in
            Course.SourceFile(path: "Lessons/" + name, contents: [UInt8](try Data(contentsOf: courseDirectory.appendingPathComponent(name))))
        }
        return Course(files: files)
    }
}
