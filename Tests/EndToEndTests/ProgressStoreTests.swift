import Foundation
import LessonKit
import Testing
@testable import netstep

/// Progress is never lost: not to a second netstep, not by writing over something that is
/// not a progress file, and every problem is said in plain words.
@Suite("Progress is never lost")
struct ProgressStoreTests {
    private let folder: URL
    private let file: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-progress-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("progress.json")
    }

    private func saved() throws -> LessonKit.Progress {
        try LessonKit.Progress.decode(Data(contentsOf: file))
    }

    @Test("two processes on one state folder both keep their progress")
    func twoProcesses() throws {
        let first = ProgressStore(file: file)
        let second = ProgressStore(file: file)
        var one = first.load().progress
        var two = second.load().progress
        one.recordStep(2, in: "cs-basics")
        try first.save(one)
        two.markFinished("p2p-swarm")
        try second.save(two)
        one.recordStep(3, in: "cs-basics")
        try first.save(one)
        let kept = try saved()
        #expect(kept.lessons["cs-basics"]?.step == 3)
        #expect(kept.lessons["p2p-swarm"]?.finished == true)
    }

    @Test("a named pipe is reported at once (never opened to block) and never replaced")
    func namedPipe() throws {
        #expect(mkfifo(file.path, 0o644) == 0)
        let store = ProgressStore(file: file)
        let (progress, warning) = store.load()
        #expect(progress == LessonKit.Progress())
        #expect(warning?.contains("is a named pipe (FIFO), not a file") == true)
        var changed = progress
        changed.recordStep(1, in: "cs-basics")
        try store.save(changed)
        var status = stat()
        #expect(lstat(file.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a folder in the file's place: a plain message, never a Foundation error code")
    func folderInPlace() throws {
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        let (_, warning) = ProgressStore(file: file).load()
        #expect(warning?.contains("is a folder, not a file") == true)
        // A store that did not load first (the folder appeared later) refuses in words.
        let error = #expect(throws: ProgressStore.SaveError.self) { try ProgressStore(file: file).save(LessonKit.Progress()) }
        #expect(error?.description.contains("is a folder, not a file, so it is kept") == true)
        #expect(error?.description.contains("NSCocoaErrorDomain") == false)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("a link to nothing is reported and kept; a link to a file is followed and kept")
    func links() throws {
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: folder.appendingPathComponent("gone.json").path)
        let dangling = ProgressStore(file: file)
        #expect(dangling.load().warning?.contains("is a link to") == true)
        try dangling.save(LessonKit.Progress())
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("gone.json").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil)

        try FileManager.default.removeItem(at: file)
        let real = folder.appendingPathComponent("kept-elsewhere.json")
        try LessonKit.Progress().encoded().write(to: real)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: real.path)
        let linked = ProgressStore(file: file)
        var progress = linked.load().progress
        progress.markFinished("cs-cost")
        try linked.save(progress)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) == real.path)
        #expect(try LessonKit.Progress.decode(Data(contentsOf: real)).lessons["cs-cost"]?.finished == true)
    }

    @Test("a progress file far over the size limit is moved aside, not read")
    func tooLarge() throws {
        try Data(repeating: 0x20, count: ProgressStore.sizeLimit + 1).write(to: file)
        let store = ProgressStore(file: file)
        let (progress, warning) = store.load()
        #expect(progress == LessonKit.Progress())
        #expect(warning?.contains("far more than any progress") == true)
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("progress.corrupt") }
        #expect(aside.count == 1)
        try store.save(progress)
        #expect(try saved() == progress)
    }

    @Test("an unreadable file (mode 000) is reported and never replaced", .enabled(if: geteuid() != 0, "root reads any file"))
    func unreadable() throws {
        try LessonKit.Progress().encoded().write(to: file)
        chmod(file.path, 0)
        defer { chmod(file.path, 0o644) }
        let store = ProgressStore(file: file)
        let (_, warning) = store.load()
        #expect(warning?.contains("cannot be read (permission denied)") == true)
        var changed = LessonKit.Progress()
        changed.recordStep(1, in: "cs-basics")
        try store.save(changed)
        var status = stat()
        #expect(stat(file.path, &status) == 0 && status.st_mode & 0o777 == 0)
    }
}

@Suite("Progress problems on screen", .enabled(if: TerminalSession.tmuxStarts, "tmux cannot start on this machine"))
struct ProgressProblemScreenTests {
    @Test("a named pipe where the progress file goes: netstep opens at once, and says so after quitting")
    func namedPipe() throws {
        let terminal = try TerminalSession(width: 200)
        let folder = terminal.home.appendingPathComponent("state/netstep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("progress.json").path, 0o644) == 0)
        terminal.startNetstep()
        try terminal.waitFor("1. ")
        terminal.press("q")
        let (status, screen) = try terminal.waitForExit()
        #expect(status == 0)
        #expect(screen.contains("is a named pipe (FIFO), not a file"))
    }

    @Test("two netstep processes on one state folder: both lessons' progress is kept")
    func twoProcesses() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("netstep-shared-state-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let first = try TerminalSession(environment: ["XDG_STATE_HOME": state.path])
        let second = try TerminalSession(environment: ["XDG_STATE_HOME": state.path])
        first.startNetstep(try FixtureLesson.write(for: first).path)
        second.startNetstep("cs-basics")
        try first.waitFor("step 1/3")
        try second.waitFor("step 1/")
        first.press("n")
        try first.waitFor("step 2/3")
        second.press("n")
        try second.waitFor("step 2/")
        first.press("q", "q")
        second.press("q", "q")
        #expect(try first.waitForExit().status == 0)
        #expect(try second.waitForExit().status == 0)
        let saved = try LessonKit.Progress.decode(Data(contentsOf: state.appendingPathComponent("netstep/progress.json")))
        #expect(saved.lessons[FixtureLesson.id]?.step == 1)
        #expect(saved.lessons["cs-basics"]?.step == 1)
    }
}
