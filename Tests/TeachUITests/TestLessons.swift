import Canvas
import LessonKit
import Testing
@testable import TeachUI

/// Small lessons written for the tests, so no test depends on the bundled course's wording.
enum TestLessons {
    static let requestSource = """
        ---
        id: test-request
        title: One request
        summary: A client asks a **server** and gets an answer.
        essay: [2]
        claims: [C1]
        seed: 3
        network:
          layout: star
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 2 }
          groups:
            clients: { count: 3, prefix: c, upload: 1Mbps, download: 10Mbps }
        ---

        ## Ask once
        <!-- note: Point at the request leaving c1. -->
        The client `c1` sends a *request*; the **server** answers.

        ```sim
        - request: { from: c1, to: server, what: "GET /page", size: 400B, reply: 2KB }
        - run: idle
        ```



        ## Check
        <!-- note: Ask the room before revealing. -->
        ```quiz
        ask: Who answers the request?
        choices:
          - text: Another client
            explain: Clients hold nothing to answer with.
          - text: The server
            explain: Only the server holds the page.
        answer: 2
        ```

        <!-- note: Now ask who else could have answered. -->
        """

    static let swarmSource = """
        ---
        id: test-swarm
        title: Sharing a file
        summary: Peers swap chunks of a file.
        essay: [3]
        claims: [C5]
        seed: 5
        network:
          layout: ring
          groups:
            peers: { count: 4, prefix: p, upload: 2Mbps, download: 10Mbps }
        ---

        ## Peers

        Every peer both asks and answers.
        """

    static let failureSource = """
        ---
        id: test-failure
        title: When the server fails
        summary: Take the server down and watch a client give up.
        essay: [2]
        claims: [C2]
        seed: 4
        network:
          layout: star
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 20ms, queue: 4 }
          groups:
            clients: { count: 2, prefix: c, upload: 1Mbps, download: 10Mbps, timeout: 100ms, retries: 0 }
        ---

        ## Predict

        Think before you act.

        ```sim
        - pause: Which clients will still get answers?
        - ask: { key: k, prompt: "Press k to take the server down", do: { fail: server } }
        - request: { from: c1, to: server, what: "GET /page" }
        - run: idle
        ```

        > hint: A client can only ask the server.

        ## Which are true?

        ```quiz
        ask: Which statements are true?
        choices:
          - text: c1 gave up
            explain: It timed out with no retries left.
          - text: c2 answered c1
            explain: Clients do not answer each other here.
          - text: The server was down
            explain: You took it down.
        answer: [1, 3]
        ```
        """

    /// Waits that come true while more is still under way: a queue fills while other
    /// requests are on their way, and a paragraph speaks of that moment.
    static let queueSource = """
        ---
        id: test-queue
        title: A queue fills
        summary: Six clients ask a server that holds two.
        essay: [4]
        claims: [C3]
        seed: 6
        network:
          layout: star
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps, service: 40ms, queue: 2 }
          groups:
            clients: { count: 6, prefix: c, upload: 1Mbps, download: 10Mbps, timeout: 5s, retries: 0 }
        ---

        ## Fill the queue

        ```sim
        - request: { from: [c1, c2, c3, c4, c5, c6], to: server, what: "GET /page" }
        - run: { until: queue-full }
        ```

        The queue holds {server.queue} requests now.

        ```sim
        - run: idle
        ```

        All answered or dropped.

        ## Fill it again

        ```sim
        - request: { from: [c1, c2, c3, c4, c5, c6], to: server, what: "GET /page" }
        - run: { until: queue-full }
        ```

        ## After

        The rest.

        ```sim
        - run: idle
        ```

        ```quiz
        ask: How many requests can the queue hold?
        choices:
          - text: Two
          - text: Six
        answer: 1
        ```
        """

    /// A file served to clients, then a swarm of other peers: the clients have nothing
    /// to do with the swarm.
    static let shareSource = """
        ---
        id: test-share
        title: Two ways to share
        summary: A server serves clients, then peers swarm.
        essay: [3]
        claims: [C5]
        seed: 7
        network:
          layout: mesh
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, download: 10Mbps }
            seed: { role: peer, upload: 10Mbps, download: 10Mbps }
            tracker: { role: tracker, upload: 10Mbps, download: 10Mbps }
          groups:
            clients: { count: 2, prefix: c, role: client, upload: 5Mbps, download: 20Mbps }
            peers: { count: 3, prefix: p, role: peer, upload: 5Mbps, download: 20Mbps }
        ---

        ## Served

        ```sim
        - serve-file: { from: server, to: clients, size: 8Mb }
        - run: { until: all-done }
        ```

        ## Swarmed

        ```sim
        - highlight: p3
        - swarm: { file: 8Mb, chunks: 8, seeds: seed, peers: peers, tracker: tracker }
        - run: { until: "peers.finished >= 1" }
        ```
        """

    static func load(_ source: String, path: String) -> Lesson {
        let outcome = LessonLoader.load(source: source, path: path)
        guard let lesson = outcome.lesson else {
            fatalError("test lesson does not load: \(outcome.diagnostics.map(\.description))")
        }
        return lesson
    }

    static var request: Lesson { load(requestSource, path: "01-request.md") }
    static var swarm: Lesson { load(swarmSource, path: "02-swarm.md") }
    static var failure: Lesson { load(failureSource, path: "03-failure.md") }
    static var queue: Lesson { load(queueSource, path: "04-queue.md") }
    static var share: Lesson { load(shareSource, path: "05-share.md") }
    static var course: [Lesson] { [request, swarm] }
}

extension TestLessons {
    /// `lesson` opened at `step` (0-based) among `course` (the lesson alone unless given),
    /// as a learner or, `presenting`, a tutor gets there; in a window of `size` when given.
    static func open(_ lesson: Lesson, among course: [Lesson]? = nil, step: Int = 0, presenting: Bool = false,
                     size: (width: Int, height: Int)? = nil) -> AppState {
        var state = AppState(lessons: course ?? [lesson], start: .lesson(id: lesson.id, step: step), presenting: presenting)
        if let size { send(&state, .resize(width: size.width, height: size.height)) }
        return state
    }

    /// `lesson` opened at `step`, played on to the next quiz and answered (see
    /// `playToQuiz` and `answerQuiz`); `answer: false` leaves the quiz waiting.
    static func atQuiz(_ lesson: Lesson, among course: [Lesson]? = nil, step: Int = 0, presenting: Bool = false,
                       size: (width: Int, height: Int)? = nil, answer: Bool = true) -> AppState {
        var state = open(lesson, among: course, step: step, presenting: presenting, size: size)
        playToQuiz(&state)
        if answer { answerQuiz(&state) }
        return state
    }

    /// Plays on (with → for a learner, PgDn for a presenter) until a quiz not yet
    /// answered is on screen.
    static func playToQuiz(_ state: inout AppState) {
        var presses = 0
        while state.lesson?.pendingQuiz.map({ state.lesson?.answers[$0.1]?.answered != true }) != true, presses < 200 {
            send(&state, .key(state.presenting ? .pageDown : .right))
            playOut(&state)
            presses += 1
        }
    }

    /// Plays the step on screen on (Enter, and a key for each question on the way) to
    /// its quiz, or to its end when it has none.
    static func playStepToQuiz(_ state: inout AppState) {
        var moves = 0
        while let runner = state.lesson?.stage.driver.runner, moves < 1000 {
            moves += 1
            switch runner.pending {
            case .running: send(&state, .key(.enter))
            case let .ask(ask): send(&state, .key(.character(ask.key)))
            case .pause: send(&state, .key(.character(" ")))
            case .quiz, .done: return
            }
            playOut(&state)
        }
    }

    /// Answers the quiz on screen, unless it is answered: with the right choices' digits
    /// (several checked with →) or the number, or, presenting, revealed by a click.
    static func answerQuiz(_ state: inout AppState) {
        guard let (quiz, place) = state.lesson?.pendingQuiz, state.lesson?.answers[place]?.answered != true else { return }
        if state.presenting {
            send(&state, .key(.pageDown))
            return
        }
        if let numeric = quiz.numeric {
            for digit in String(numeric.value) { send(&state, .key(.character(digit))) }
            send(&state, .key(.enter))
            return
        }
        for choice in quiz.answers.sorted() { send(&state, .key(.character(Character(String(choice + 1))))) }
        if quiz.multiple { send(&state, .key(.right)) }
    }

    /// Step `step` (0-based) of a bundled lesson played to its end, as the screen shows it.
    static func playedToStepEnd(_ id: String, step: Int) throws -> AppState {
        let lesson = try #require(CoursePlayTests.lessons.first { $0.id == id })
        var state = AppState(lessons: [lesson], start: .lesson(id: id, step: step))
        var moves = 0
        while state.lesson?.runner.pending != .done, moves < 100 {
            moves += 1
            switch state.lesson?.runner.pending {
            case .running: state.lesson?.stage.playToStop()
            default: state.lesson?.move { $0.resolveInteraction() }
            }
        }
        return state
    }

    /// Plays the step on screen as a learner would (Enter to play each wait, the ask's
    /// key, a pause passed, each quiz answered right), handing the state to `look` at
    /// the start, three times while each play runs (when most is in flight) and at each
    /// stop.
    static func playStep(_ state: inout AppState, looking look: (AppState) -> Void) {
        look(state)
        var moves = 0
        while moves < 200, let pending = state.lesson?.stage.driver.runner.pending {
            moves += 1
            switch pending {
            case .running:
                send(&state, .key(.enter))
                for _ in 0..<3 where state.wantsTicks {
                    send(&state, .tick(elapsedMicroseconds: 700_000))
                    look(state)
                }
                while state.wantsTicks { send(&state, .tick(elapsedMicroseconds: 5_000_000)) }
            case let .ask(ask): send(&state, .key(.character(ask.key)))
            case .pause: send(&state, .key(.character(" ")))
            case let .quiz(quiz):
                for answer in quiz.answers.sorted() { send(&state, .key(.character(Character(String(answer + 1))))) }
                if quiz.multiple { send(&state, .key(.enter)) }
                send(&state, .key(.character(" ")))
            case .done: moves = .max
            }
            look(state)
        }
    }

    /// Ticks until nothing moves on screen: a play or a glide to its end.
    static func playOut(_ state: inout AppState) {
        var ticks = 0
        while state.wantsTicks, ticks < 10_000 {
            send(&state, .tick(elapsedMicroseconds: 1_000_000))
            ticks += 1
        }
    }
}

/// Feeds messages to a state, ignoring effects, for tests that only look at the screen.
func send(_ state: inout AppState, _ messages: AppMessage...) {
    for message in messages { _ = update(&state, message) }
}

func screen(_ state: AppState, width: Int = 80, height: Int = 24, capabilities: Capabilities = .full) -> String {
    render(state, width: width, height: height, capabilities: capabilities).text
}
