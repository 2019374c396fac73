import ArgumentParser
import LessonKit

/// `netstep map`: the course map, showing for every claim of the essay the lessons that
/// demonstrate it, so a tutor can find the lesson for a point and an author can see gaps.
struct CourseMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Show which lesson demonstrates which claim of the essay.",
        discussion: "Lessons are numbered as in `netstep list`. Exits 1 when some claim has no lesson."
    )

    @OptionGroup var folders: LessonFolders

    func run() throws {
        let course = try folders.course()
        let map = CourseMap(lessons: course.lessons)
        print("Course map: the essay's claims and the lessons that show them happening")
        print("")
        for line in map.lines() { print(line) }
        let broken = Set(course.diagnostics.filter { $0.severity == .error }.map(\.path))
        for path in broken.sorted() {
            print("(not counted: \(path) has errors; run `netstep check \(path)`)")
        }
        if !map.uncovered.isEmpty {
            printError("netstep: no lesson demonstrates \(map.uncovered.map(\.id).joined(separator: ", "))")
            throw ExitCode.failure
        }
    }
}
