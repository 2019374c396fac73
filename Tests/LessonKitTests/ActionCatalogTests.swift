import Foundation
import Testing
@testable import LessonKit

/// The table of actions stays one table: each entry name belongs to one definition, and
/// every action a lesson may use is shown in the author's guide.
@Suite struct ActionCatalogTests {
    @Test func eachEntryNameBelongsToOneAction() {
        var owners: [String: Int] = [:]
        for (index, definition) in ActionCatalog.definitions.enumerated() {
            for name in definition.names { owners[name, default: 0] += 1 }
            #expect(!definition.names.isEmpty, "definition \(index) has no entry name")
        }
        #expect(owners.filter { $0.value > 1 }.keys.sorted() == [])
        #expect(!ActionCatalog.names.contains("run") && !ActionCatalog.names.contains("ask") && !ActionCatalog.names.contains("pause"),
                "run, ask and pause are the script's own entries")
    }

    @Test func everyActionHasAnExampleInTheGuide() throws {
        let guide = try String(contentsOf: Fixtures.courseDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let undocumented = ActionCatalog.definitions.compactMap { definition -> String? in
            definition.names.contains { guide.contains("`- \($0):") } ? nil : definition.names.joined(separator: "/")
        }
        #expect(undocumented == [])
        #expect(ActionCatalog.names.filter { !guide.contains("`\($0)`") } == [], "every entry name is in the guide's tables")
    }

    @Test func anUnknownActionSuggestsTheNearestName() {
        let source = """
        ---
        id: typo
        title: A typo
        summary: Goal, see the suggestion.
        essay: [2]
        network:
          nodes:
            server: { role: server }
            c1: { role: client }
        ---

        ## One
        Text.

        ```sim
        - recovr: server
        - run: idle
        ```
        """
        let messages = LessonLoader.load(source: source, path: "typo.md").diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("unknown action 'recovr' (did you mean 'recover'?)") })
    }
}
