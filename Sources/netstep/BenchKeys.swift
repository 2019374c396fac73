import ArgumentParser
import Canvas
import Foundation
import LessonKit
import TeachUI

/// `netstep bench keys`: how long a key takes to answer on every step of every lesson,
/// from the press to the next frame drawn: the update, then the render. Each key is
/// pressed at the start of each step, the moment it has the most to do (n there plays
/// the whole step before going on).
struct BenchKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Time n, p, r, → and Enter at the start of every step of every lesson (update and render).",
        discussion: """
            Before the keys, the lesson is played ahead as the run loop does while the learner
            reads (--cold: not). Prints each lesson's slowest key and step, then the slowest overall. Times are
            this thread's CPU time (the honest figure on a shared machine); the target is a
            frame: under 50 ms for every key on every step.
            """
    )

    @Option(help: ArgumentHelp("Measure only this lesson: an id or a lesson file's path.", valueName: "LESSON"))
    var lesson: String?

    @Option(help: ArgumentHelp("The screen, COLUMNSxROWS.", valueName: "SIZE"))
    var size = ScreenSize(width: 80, height: 24)

    @Flag(help: "Also print every press that took 50 ms or more.")
    var verbose = false

    @Flag(help: "Press the keys at once, before the lesson has been played ahead while the learner reads.")
    var cold = false

    @OptionGroup var folders: LessonFolders

    static let keys: [(name: String, key: Key)] = [
        ("n", .character("n")), ("p", .character("p")), ("r", .character("r")), ("→", .right), ("Enter", .enter),
    ]

    func run() throws {
        let all: [Lesson], measured: [Lesson]
        if let lesson {
            let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
            all = choice.lessons
            measured = all.filter { $0.id == choice.id }
        } else {
            all = try folders.course().lessons
            measured = all
        }
        var worst: (ms: Double, place: String) = (0, "")
        var over = 0, presses = 0
        for lesson in measured {
            var lessonWorst: (ms: Double, place: String) = (0, "")
            var open: Double = 0
            for step in lesson.steps.indices {
                let opened = Instant.now
                var state = AppState(lessons: all, start: .lesson(id: lesson.id, step: step))
                _ = update(&state, .resize(width: size.width, height: size.height))
                var canvas = render(state, width: size.width, height: size.height, capabilities: .full)
                open = max(open, Instant.now.cpu - opened.cpu)
                // As the run loop does while the learner reads the step.
                if !cold {
                    while state.hasWorkAhead { _ = update(&state, .idle(budget: 1_000)) }
                }
                for (name, key) in Self.keys {
                    var pressed = state
                    let start = Instant.now
                    _ = update(&pressed, .key(key))
                    render(pressed, into: &canvas, width: size.width, height: size.height, capabilities: .full)
                    let ms = Instant.now.cpu - start.cpu
                    presses += 1
                    if ms >= 50 {
                        over += 1
                        if verbose { print(String(format: "    %@ on step %d: %.1f ms", name as NSString, step + 1, ms)) }
                    }
                    if ms > lessonWorst.ms { lessonWorst = (ms, "\(name) on step \(step + 1)") }
                }
            }
            print("  " + lesson.id.padding(toLength: 16, withPad: " ", startingAt: 0)
                  + String(format: " slowest %7.1f ms (%@)   opening a step at most %7.1f ms", lessonWorst.ms, lessonWorst.place as NSString, open))
            if lessonWorst.ms > worst.ms { worst = (lessonWorst.ms, "\(lesson.id): \(lessonWorst.place)") }
        }
        print(String(format: "bench keys at %@%@: slowest %.1f ms (%@); %d of %d presses took 50 ms or more",
                     "\(size)" as NSString, (cold ? ", cold" : ", played ahead") as NSString, worst.ms, worst.place as NSString, over, presses))
    }
}
