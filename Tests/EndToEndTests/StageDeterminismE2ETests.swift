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
        // Every → handled and its glide over, however long a loaded machine takes to
        // find the stops (waiting for the screen to stand still once caught a step still
        // being computed, one stop short).
        try terminal.idle()
        if scroll { terminal.press("Up", "Down", "Down", "Up") }
        let screen = try terminal.idle()
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

    /// A machine too loaded to run the program for a while is stood in for by stopping
    /// it: a → sent then is handled only once it runs again, and waiting for it to be
    /// idle returns the screen after that step, where a still screen alone would not.
    @Test("waiting for the program to be idle outlasts a program that has not yet handled a key")
    func idleWaitsForAKeyStillUnhandled() throws {
        let terminal = try TerminalSession(width: 100, height: 30)
        // Without job control, so the shell leaves the stopped program the terminal.
        terminal.run("set +m")
        terminal.startNetstep("open p2p-swarm --step 3")
        try terminal.waitFor("step 3/")
        let process = try #require(terminal.foregroundProcess)
        let before = try terminal.idle()
        kill(process, SIGSTOP)
        terminal.press("Right")
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { kill(process, SIGCONT) }
        let after = try terminal.idle()
        #expect(Self.status(after) != Self.status(before), "the step was shown")
        terminal.press("q")
    }

    private static func status(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains("event") }.map(String.init)
    }
}
