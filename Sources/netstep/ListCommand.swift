import ArgumentParser
import LessonKit

/// `netstep list`: the course's lessons in teaching order.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons in course order, with their ids and titles."
    )

    @OptionGroup var folders: LessonFolders

    func run() throws {
        let course = try folders.course()
        let idWidth = course.lessons.map(\.id.count).max() ?? 0
        let numberWidth = String(course.lessons.count).count
        for (index, lesson) in course.lessons.enumerated() {
            let number = String(repeating: " ", count: numberWidth - String(index + 1).count) + String(index + 1)
            let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            print("\(number). \(id)  \(lesson.title)")
        }
        let broken = Set(course.diagnostics.filter { $0.severity == .error }.map(\.path))
        for path in broken.sorted() {
            print("(not listed: \(path) has errors; run `netstep check \(path)`)")
        }
    }
}
