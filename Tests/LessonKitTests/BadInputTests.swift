import Testing
@testable import LessonKit

/// Input that is not a lesson at all gets one clear error at once, never a crash, a hang
/// or a huge allocation.
@Suite struct BadInputTests {
    private func errors(_ bytes: [UInt8]) -> [String] {
        let outcome = LessonLoader.load(contents: bytes, path: "bad.md")
        #expect(outcome.lesson == nil)
        return outcome.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func anEnormousFileIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        #expect(errors(bytes) == ["bad.md:1:1: error: the file is 52428800 bytes; a lesson may be at most 512 KB"])
    }

    @Test func binaryGarbageIsRefusedWithItsPlace() {
        var bytes = Array("---\nid: x\n".utf8)
        bytes += [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]
        #expect(errors(bytes) == ["bad.md:3:5: error: the file contains binary data (a zero byte), so it is not a lesson"])
    }

    @Test func invalidUTF8IsRefusedWithItsPlace() {
        let bytes = Array("---\nid: caf".utf8) + [0xC3, 0x28]
        #expect(errors(bytes) == ["bad.md:2:8: error: the file is not UTF-8 text, so it is not a lesson"])
    }

    @Test func anEmptyFileSaysWhatALessonStartsWith() {
        #expect(errors([]) == ["bad.md:1:1: error: the file is empty: a lesson starts with front matter between '---' lines"])
    }

    @Test func anAliasBombIsRefusedBeforeExpansion() throws {
        let outcome = try Fixtures.load("alias-bomb.md")
        #expect(outcome.diagnostics.map(\.message).contains { $0.hasPrefix("YAML anchors ('&name') and aliases ('*name') are not allowed") })
    }

    @Test func deepFlowNestingIsRefused() {
        let source = "---\nid: deep\ntitle: Deep\nsummary: x\nnetwork: " + String(repeating: "[", count: 1_000) + "\n---\n"
        let messages = errors(Array(source.utf8))
        #expect(messages.contains("bad.md:5:42: error: YAML is nested more than 32 levels deep"))
    }

    @Test func aHugeYAMLBlockIsRefused() {
        let list = (0..<20_000).map { "  - n\($0)" }.joined(separator: "\n")
        let source = "---\nid: big\ntitle: Big\nsummary: x\nnetwork:\n  nodes:\n" + list + "\n---\n\n## S\nText.\n"
        #expect(errors(Array(source.utf8)).first?.contains("a block may hold at most 64 KB") == true)
    }

    @Test func absurdNodeCountsAreRefused() throws {
        let outcome = try Fixtures.load("absurd-count.md")
        #expect(outcome.diagnostics.map(\.message) == ["count must be between 1 and 200, not 1000000000"])
    }

    @Test func controlCharactersInLessonTextAreRemoved() throws {
        let source = """
        ---
        id: escapes
        title: "Title \\e[2J with escapes"
        summary: Goal, no escapes.
        essay: [2]
        network:
          nodes:
            server: { role: server }
        ---

        ## Step \u{1B}]0;owned\u{07}
        Narration \u{1B}[31mred\u{9B} and a bell\u{07}.

        <!-- note: a note \u{1B}[2J -->
        """
        let outcome = LessonLoader.load(source: source, path: "escapes.md")
        let lesson = try #require(outcome.lesson)
        let texts = [lesson.title, lesson.steps[0].title, lesson.steps[0].narration[0].plainText] + lesson.steps[0].notes.map(\.text)
        for text in texts {
            #expect(!text.unicodeScalars.contains { TextSanitizer.isControl($0) }, "\(text)")
        }
        #expect(lesson.steps[0].narration[0].plainText == "Narration [31mred and a bell.")
    }
}

/// Lessons that are valid text but absurd in size get a short answer, not a flood or a long wait.
@Suite struct AbsurdLessonTests {
    private let header = "---\nid: absurd\ntitle: Absurd\nsummary: Goal, none.\nessay: [2]\nnetwork:\n  nodes:\n    server: { role: server }\n---\n\n"

    @Test func tooManyStepsAreRefused() {
        let source = header + String(repeating: "## s\nText.\n", count: 40_000)
        let outcome = LessonLoader.load(source: source, path: "steps.md")
        #expect(outcome.diagnostics.map(\.message) == ["this lesson has 40000 steps; a lesson may have at most 200"])
    }

    @Test func aFloodOfProblemsIsCutShort() {
        let source = header + "## s\n" + String(repeating: "{x ", count: 100_000) + "\n"
        let outcome = LessonLoader.load(source: source, path: "braces.md")
        #expect(outcome.diagnostics.count == 1)
        let many = header + "## s\n" + String(repeating: "{nowhere.queue} ", count: 20_000) + "\n"
        let diagnostics = LessonLoader.load(source: many, path: "values.md").diagnostics
        #expect(diagnostics.count == DiagnosticLog.maximumKept + 1)
        #expect(diagnostics.last?.message == "\(20_000 - DiagnosticLog.maximumKept) more problems not shown; fix these first")
    }
}
