import Foundation
import Testing
@testable import LessonKit

/// The class protocol's lines: every message survives the trip, and hostile bytes give an
/// error, never a trap, a hang or unbounded memory.
@Suite struct ClassWireTests {
    static let moment = ClassMoment(started: true, step: 2, scriptPosition: 3, eventsInStep: 41, revealed: false)
    static let question = ClassQuestion(step: 2, position: 3)

    @Test("every kind of message comes out of a line as it went in")
    func roundTrip() {
        let messages: [ClassMessage] = [
            .hello(code: "K7M2QX", student: "c0ffee"),
            .welcome(lessonID: "cs-basics", source: "---\nid: x\n---\n## A \"step\"\nline\u{1B}[2J", moment: Self.moment),
            .moment(Self.moment),
            .answer(Self.question, choices: [0, 2]),
            .presence(following: false),
            .tally(ClassTally(question: Self.question, counts: [3, 0, 9], answered: 12, present: 14)),
            .refused(reason: "wrong code"),
        ]
        var reader = ClassLineReader(limit: ClassWire.hostLineBytes)
        let bytes = messages.flatMap(ClassWire.encode)
        #expect(bytes.filter { $0 == UInt8(ascii: "\n") }.count == messages.count, "one line per message, whatever the text holds")
        let decoded = reader.feed(bytes).compactMap { try? $0.get() }
        #expect(decoded == messages)
    }

    @Test("a line split across reads is put back together")
    func splitLine() {
        let line = ClassWire.encode(.answer(Self.question, choices: [1]))
        var reader = ClassLineReader(limit: ClassWire.studentLineBytes)
        #expect(reader.feed(line.prefix(7)).isEmpty)
        #expect(reader.feed(line.dropFirst(7)).compactMap { try? $0.get() } == [.answer(Self.question, choices: [1])])
    }

    @Test("a line over the limit is an error as soon as the limit is passed, without waiting for its end")
    func oversized() {
        var reader = ClassLineReader(limit: ClassWire.studentLineBytes)
        let results = reader.feed([UInt8](repeating: UInt8(ascii: "a"), count: ClassWire.studentLineBytes * 3))
        #expect(results.count == 1)
        #expect(results.first.map { if case .failure(.tooLong) = $0 { true } else { false } } == true)
    }

    @Test("another version is refused by name")
    func otherVersion() {
        let line = Array(#"{"v":2,"kind":"presence","following":true}"#.utf8)
        #expect(ClassWire.decode(line) == .failure(.version(2)))
    }

    @Test("garbage, wrong shapes and values out of range are errors, never traps")
    func hostileLines() {
        let lines = [
            "", "\u{0}\u{1}\u{2}", "{", "[]", "null", "1e999999", #"{"v":1}"#, #"{"v":1,"kind":"nonsense"}"#,
            #"{"v":"1","kind":"presence","following":true}"#, #"{"v":1,"kind":"presence"}"#,
            #"{"v":1,"kind":"answer","question":{"step":-1,"position":0},"choices":[0]}"#,
            #"{"v":1,"kind":"answer","question":{"step":0,"position":0},"choices":[]}"#,
            #"{"v":1,"kind":"answer","question":{"step":0,"position":0},"choices":[99999999999999999999]}"#,
            #"{"v":1,"kind":"moment","moment":{"started":true,"step":9999999,"scriptPosition":0,"eventsInStep":0,"revealed":false}}"#,
            #"{"v":1,"kind":"hello","code":"x","student":""}"#,
            String(repeating: "[", count: 100_000),
            "{\"v\":1,\"kind\":\"hello\",\"code\":\"\(String(repeating: "k", count: 200))\",\"student\":\"s\"}",
        ]
        for line in lines {
            if case .success = ClassWire.decode(Array(line.utf8)) { Issue.record("decoded: \(line.prefix(80))") }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var line = ClassWire.encode(.tally(ClassTally(question: Self.question, counts: [1, 2], answered: 3, present: 4))).dropLast().map { $0 }
            for _ in 0..<3 { line[Int.random(in: 0..<line.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = ClassWire.decode(line)
        }
    }
}
