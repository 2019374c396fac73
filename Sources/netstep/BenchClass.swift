import ArgumentParser
import Canvas
import Foundation
import LessonKit
import TeachUI

/// `netstep bench class`: the presenter's frame time with no students and with many
/// following over loopback, back to back in one run (these machines are shared, so the
/// ratio is the figure). A frame is what the run loop does 30 times a second while a
/// lesson plays: the tick, the render, serving the class and sending it the new moment.
/// The students are real sockets read by a thread of their own.
struct BenchClass: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Presenter frame time with 0 and with N students following over loopback."
    )

    @Option(help: "Students following in the second run.")
    var followers: Int = 200

    @Option(help: "Frames to measure in each run.")
    var frames: Int = 300

    @Option(help: "The lesson presented (an id).")
    var lesson: String = "cs-bottleneck"

    @OptionGroup var folders: LessonFolders

    func validate() throws {
        guard (0...800).contains(followers) else { throw ValidationError("--followers must be 0 to 800") }
        guard (1...100_000).contains(frames) else { throw ValidationError("--frames must be 1 to 100000") }
    }

    func run() throws {
        let choice = try LessonChoice.resolveOrFail(lesson, folders: folders.folders)
        guard let source = choice.source(folders: folders.folders) else {
            printError("netstep: the lesson's file cannot be read")
            throw ExitCode.failure
        }
        print("bench class: presenting \(choice.id) at 160x45, \(frames) frames of 33 ms, tick → render → serve the class")
        let alone = try measure(choice, source: source, followers: 0)
        let crowded = try measure(choice, source: source, followers: followers)
        print(alone.line(label: "  0 students  "))
        print(crowded.line(label: String(format: "  %-3d students", followers)))
        print(String(format: "  ratio (mean CPU per frame)  %.2f   new moments %d of %d frames   bytes read by the students per frame  %.0f   still following  %d of %d",
                     crowded.meanCPU / max(alone.meanCPU, 1e-9), crowded.moments, frames, crowded.bytesPerFrame, crowded.following, followers))
    }

    struct Figures {
        var cpu: [Double]
        var wall: [Double]
        var bytesPerFrame: Double
        var following: Int
        /// Frames whose moment changed, so it went to every student.
        var moments: Int

        var meanCPU: Double { cpu.reduce(0, +) / Double(max(1, cpu.count)) }

        func line(label: String) -> String {
            func summary(_ values: [Double]) -> String {
                let sorted = values.sorted()
                guard !sorted.isEmpty else { return "no frames" }
                return String(format: "mean %.3f ms  p95 %.3f ms  max %.3f ms", sorted.reduce(0, +) / Double(sorted.count),
                              sorted[min(sorted.count - 1, sorted.count * 95 / 100)], sorted[sorted.count - 1])
            }
            return "\(label)  CPU \(summary(cpu))   wall \(summary(wall))"
        }
    }

    private func measure(_ choice: LessonChoice, source: String, followers: Int) throws -> Figures {
        let moment = ClassMoment(started: false, step: 0, scriptPosition: 0, eventsInStep: 0, revealed: false)
        let host = try ClassHost(code: "BENCH7", address: "127.0.0.1", port: 0, lessonID: choice.id, source: source, moment: moment)
        let students = try BenchStudents(count: followers, port: host.port)
        var state = AppState(lessons: choice.lessons, start: .lesson(id: choice.id, step: 0), presenting: true)
        state.hostClass(joinCommands: [])
        _ = update(&state, .resize(width: 160, height: 45))
        let joinedBy = ContinuousClock.now + .seconds(10)
        var joined = 0
        while joined < followers, ContinuousClock.now < joinedBy {
            joined += host.service().filter { if case .joined = $0 { true } else { false } }.count
            usleep(1000)
        }
        guard joined == followers else { throw BenchStudents.Failure(description: "only \(joined) of \(followers) students joined") }
        _ = update(&state, .key(.pageDown))
        var cpu: [Double] = [], wall: [Double] = []
        var moments = 0, last = state.classMoment
        let sentBefore = students.received
        for _ in 0..<frames {
            // Keep the lesson moving: the clicker plays the next wait whenever one ends.
            if !state.wantsTicks { _ = update(&state, .key(.pageDown)) }
            let start = (wall: BenchClock.milliseconds(CLOCK_MONOTONIC), cpu: BenchClock.milliseconds(CLOCK_THREAD_CPUTIME_ID))
            _ = update(&state, .tick(elapsedMicroseconds: 33_333))
            _ = render(state, width: 160, height: 45, capabilities: .full)
            for event in host.service() { _ = update(&state, .classroom(event)) }
            for event in host.publish(moment: state.classMoment, tally: state.revealedClassTally) { _ = update(&state, .classroom(event)) }
            wall.append(BenchClock.milliseconds(CLOCK_MONOTONIC) - start.wall)
            if state.classMoment != last { moments += 1 }
            last = state.classMoment
            cpu.append(BenchClock.milliseconds(CLOCK_THREAD_CPUTIME_ID) - start.cpu)
        }
        usleep(200_000)
        let bytes = Double(students.received - sentBefore) / Double(frames)
        students.stop()
        return Figures(cpu: cpu, wall: wall, bytesPerFrame: bytes, following: host.studentCount, moments: moments)
    }
}

private enum BenchClock {
    static func milliseconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }
}

/// Students for the bench: sockets that join and then read everything, on a thread of
/// their own, so the host's sends are taken as a real class would take them.
private final class BenchStudents: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptors: [Int32]
    private let lock = NSLock()
    private var total = 0
    private var running = true

    init(count: Int, port: UInt16) throws {
        var opened: [Int32] = []
        for index in 0..<count {
            guard let descriptor = ClassSocket.startConnecting(to: "127.0.0.1", port: port) else {
                throw Failure(description: "student \(index) cannot connect")
            }
            opened.append(descriptor)
        }
        descriptors = opened
        let hellos = opened.enumerated().map { ($0.element, ClassWire.encode(.hello(code: "BENCH7", student: "s\($0.offset)"))) }
        Thread { [self] in
            var pending = hellos
            while isRunning {
                pending = pending.filter { descriptor, hello in
                    guard ClassSocket.connected(descriptor) == true else { return true }
                    _ = ClassSocket.sendSome(descriptor, hello[...])
                    return false
                }
                var watched = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                _ = poll(&watched, nfds_t(watched.count), 10)
                for entry in watched where entry.revents & Int16(POLLIN) != 0 {
                    if case let .bytes(bytes) = ClassSocket.receive(entry.fd) { add(bytes.count) }
                }
            }
        }.start()
    }

    var received: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func add(_ count: Int) {
        lock.lock()
        total += count
        lock.unlock()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
        usleep(50_000)
        for descriptor in descriptors { close(descriptor) }
    }
}
