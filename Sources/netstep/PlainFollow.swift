import Foundation
import LessonKit
import TeachUI

/// `join --plain`: the class as a transcript on standard output, answers read from
/// standard input (a number per line), until q is typed or Ctrl-C. Standard input may
/// end (a screen reader user who only listens): the class is still followed.
struct PlainFollow {
    let client: ClassClient
    var transcript: ClassTranscript
    var moment: ClassMoment

    mutating func run() {
        say(transcript.follow(moment))
        var input = ClassLineInput()
        var connected = true
        while true {
            var watched = ([STDIN_FILENO].filter { _ in input.open } + client.descriptors).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&watched, nfds_t(watched.count), Int32(client.wakeAfterMilliseconds ?? -1))
            if input.open, watched.first?.fd == STDIN_FILENO, watched[0].revents != 0 {
                for line in input.read() {
                    if line == "q" { return }
                    answer(line)
                }
            }
            for event in client.service() {
                switch event {
                case let .moment(new):
                    moment = new
                    say(transcript.follow(new))
                case let .tally(tally):
                    say(transcript.tallyLines(tally))
                case let .connected(now) where now != connected:
                    connected = now
                    say([now ? "Back with the class." : "Connection lost; reconnecting…"])
                case let .ended(reason):
                    say(["The class is over: \(reason)."])
                    return
                default:
                    break
                }
            }
        }
    }

    private func answer(_ line: String) {
        guard let (question, quiz) = transcript.openQuestion(moment) else {
            say(["No quiz is open."])
            return
        }
        let picked = line.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }.map { $0 - 1 }
        guard !picked.isEmpty, picked.allSatisfy(quiz.choices.indices.contains), quiz.multiple || picked.count == 1 else {
            say(["Type one of 1-\(quiz.choices.count)\(quiz.multiple ? ", or several separated by spaces" : "")."])
            return
        }
        client.send(.answer(question, choices: picked))
        say(["Sent: " + picked.map { String($0 + 1) }.joined(separator: ", ")])
    }

    private func say(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.map(TextSanitizer.clean).joined(separator: "\n") + "\n").utf8))
    }
}

/// Standard input read without waiting, cut into lines.
struct ClassLineInput {
    private(set) var open = true
    private var pending: [UInt8] = []

    mutating func read() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = Foundation.read(STDIN_FILENO, &buffer, buffer.count)
        guard count > 0 else {
            open = false
            return []
        }
        pending += buffer.prefix(count)
        var lines: [String] = []
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            pending.removeSubrange(...end)
        }
        if pending.count > 1024 { pending.removeAll() }
        return lines
    }
}
