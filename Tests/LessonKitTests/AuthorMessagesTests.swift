import Testing
@testable import LessonKit

/// What an author writing a lesson by hand runs into: groups where the network or an
/// action takes nodes, and an id that is already a bundled lesson's.
@Suite struct AuthorMessagesTests {
    private func lesson(links: String, id: String = "edges", path: String = "edges.md") -> LoadOutcome {
        LessonLoader.load(source: """
        ---
        id: \(id)
        title: Edges
        summary: Goal, links to whole groups.
        essay: [4]
        network:
          mesh: false
          nodes:
            origin: { role: server }
            edge: { role: server }
          groups:
            east: { count: 3, prefix: e }
          links:
        \(links)
        ---

        ## Ask the edge
        Each client asks the edge next to it.

        ```sim
        - request: { from: east, to: edge }
        - run: idle
        ```
        """, path: path)
    }

    @Test func aGroupInALinkLinksEachOfItsNodes() throws {
        let outcome = lesson(links: "    - { between: [east, edge], latency: 2ms }\n    - { between: [edge, origin], latency: 40ms }")
        let network = try #require(outcome.lesson).network
        #expect(network.links.map { "\($0.a)-\($0.b) \($0.latency)" } == ["e1-edge 2000", "e2-edge 2000", "e3-edge 2000", "edge-origin 40000"])
    }

    @Test func aGroupLinkedToItselfJoinsEachPairOnce() throws {
        let outcome = lesson(links: "    - { between: [east, east] }\n    - { between: [edge, origin] }")
        let network = try #require(outcome.lesson).network
        #expect(network.links.prefix(3).map { "\($0.a)-\($0.b)" } == ["e1-e2", "e1-e3", "e2-e3"])
    }

    @Test func aSuggestionIsNeverTheWordAsWritten() {
        #expect(Suggestion.closest(to: "east", in: ["east", "edge"]) == nil)
        #expect(Suggestion.closest(to: "eastt", in: ["east", "edge"]) == "east")
        #expect(Suggestion.closest(to: "East", in: ["east", "edge"]) == "east")
    }

    @Test func highlightingAGroupPointsAtEachOfItsNodes() throws {
        let source = lessonSource(id: "group-highlight").replacingOccurrences(of: "## One\nText.\n", with: """
        ## One
        Text.

        ```sim
        - highlight: east
        - highlight: server
        - run: idle
        ```

        """).replacingOccurrences(of: "    server: { role: server }", with: "    server: { role: server }\n  groups:\n    east: { count: 3, prefix: e }")
        let lesson = try #require(LessonLoader.load(source: source, path: "group-highlight.md").lesson)
        var runner = LessonRunner(lesson: lesson)
        runner.finishStep()
        #expect(runner.highlightedNodes == ["e1", "e2", "e3", "server"])
        #expect(PlainTranscript.render(lesson).contains("  * look at east\n"))
    }

    @Test func aLessonWhoseIdIsABundledOnesIsWarnedAboutNamingBothFiles() throws {
        let bundled = Course(files: [Course.SourceFile(path: "Lessons/01-edges.md", contents: Array(lessonSource(id: "cdn").utf8))])
        let mine = Course(files: [Course.SourceFile(path: "mine/cdn-draft.md", contents: Array(lessonSource(id: "cdn").utf8))])
        #expect(mine.shadowing(bundled).map(\.description) == [
            "mine/cdn-draft.md:2:1: warning: the id 'cdn' is already the bundled lesson's in Lessons/01-edges.md; opened from this file, this lesson takes its place in the menu and its progress: choose another id",
        ])
        let editedCopy = Course(files: [Course.SourceFile(path: "Lessons/01-edges.md", contents: Array(lessonSource(id: "cdn").utf8))])
        #expect(editedCopy.shadowing(bundled).isEmpty)
    }

    private func lessonSource(id: String) -> String {
        """
        ---
        id: \(id)
        title: Edges
        summary: Goal, one lesson.
        essay: [4]
        network:
          nodes:
            server: { role: server }
        ---

        ## One
        Text.

        ```quiz
        ask: Which?
        choices:
          - text: One
            explain: Yes.
          - text: Two
            explain: No.
        answer: 1
        ```
        """
    }
}
