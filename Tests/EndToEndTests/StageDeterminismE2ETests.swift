import Foundation
import Testing

/// The same moment draws the same stage in two separate runs of the program: each
/// process seeds Swift's hashing afresh, so nothing drawn may depend on the order of a
/// Set or a Dictionary. Also the same after scrolling the narration up and down.
@Suite("Stage in fresh processes", .serialized, .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct StageDeterminismE2ETests {
    /// The screen at a lesson's step after some steps forward, in a new terminal.
    private func moment(_ lesson: String, step: Int, rights: Int, width: Int, height: Int, scroll: Bool = false) throws -> String {
        let terminal = try TerminalSession(width: width, height: height)
        terminal.startNetstep("open \(lesson) --step \(step)")
        try terminal.waitFor("step \(step)/")
        for _ in 0..<rights { terminal.press("Right") }
        if scroll { terminal.press("Up", "Down", "Down", "Up") }
        let screen = try terminal.settled()
        terminal.press("q")
        return screen
    }

    @Test("p2p-discovery at 160x45 and hybrids at 80x24 draw the same stage in two runs and after a scroll")
    func sameStageInTwoRuns() throws {
        for (lesson, step, rights, width, height) in [("p2p-discovery", 3, 8, 160, 45), ("hybrids", 2, 0, 80, 24)] {
            let first = try moment(lesson, step: step, rights: rights, width: width, height: height)
            let second = try moment(lesson, step: step, rights: rights, width: width, height: height, scroll: true)
            #expect(first == second, "\(lesson)\n\(first)\n\(second)")
        }
    }
}
