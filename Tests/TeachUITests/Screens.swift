import Canvas
import LessonKit
@testable import TeachUI

/// The whole screens the tests compare as text, each built the way a learner gets there.
enum Screens {
    static func menu() -> String {
        screen(AppState(lessons: TestLessons.course))
    }

    static func menuWithProgress() -> String {
        var progress = Progress()
        progress.markFinished("test-request")
        progress.recordStep(1, in: "test-swarm")
        var state = AppState(lessons: TestLessons.course, progress: progress)
        send(&state, .key(.down))
        return screen(state)
    }

    static func tooSmall() -> String {
        screen(AppState(lessons: TestLessons.course), width: 50, height: 12)
    }

    static func help() -> String {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 0))
        send(&state, .key(.character("?")))
        return screen(state)
    }

    static func requestsInFlight(_ capabilities: Capabilities = .full) -> String {
        screen(sandboxWithRequestsInFlight(), capabilities: capabilities)
    }

    /// The dead-client screen in monochrome, as a map of each cell's attributes:
    /// r reverse, b bold, u underline, d dim, i italic, blank for none.
    static func deadClientAttributes() -> String {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.tab), .key(.tab), .key(.character("k")))
        return attributeMap(render(state, width: 80, height: 24, capabilities: Capabilities(color: false, unicode: true)))
    }

    static func deadClient() -> String {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.tab), .key(.tab), .key(.character("k")))
        return screen(state)
    }

    static func clickedServer() -> String {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.click(x: 22, y: 3)))
        return screen(state)
    }

    static func eventList() -> String {
        var state = sandboxWithRequestsInFlight()
        send(&state, .key(.character("e")))
        return screen(state)
    }

    static func lessonStep() -> String {
        var state = AppState(lessons: TestLessons.course)
        send(&state, .key(.enter))
        return screen(state)
    }

    static func lessonRequestGliding() -> String {
        var state = AppState(lessons: TestLessons.course)
        // One step: the request glides towards the server, to the first twentieth of the
        // step that shows a change (4.48 ms over 0.45 s); here it is halfway.
        send(&state, .key(.enter), .key(.right), .tick(elapsedMicroseconds: 222_614))
        return screen(state)
    }

    static func quizAnswered() -> String {
        var state = AppState(lessons: TestLessons.course, start: .lesson(id: "test-request", step: 1))
        send(&state, .key(.character("1")))
        return screen(state)
    }

    static func jumpToStep() -> String {
        screen(jumpingToStep())
    }

    /// A presenter typing step 2 into the go-to prompt.
    static func jumpingToStep() -> AppState {
        var state = presentingFailure()
        send(&state, .key(.character("g")), .key(.character("2")))
        return state
    }

    static func presenting() -> String {
        screen(presentingFailure())
    }

    /// The failure lesson presented, at its first step.
    static func presentingFailure() -> AppState {
        TestLessons.open(TestLessons.failure, presenting: true)
    }

    /// An edit of the request lesson that does not load.
    static let brokenSource = "---\nid: test-request\ntitle: [oops\n---\n## A\n"

    /// Every screen by name, for regenerating the expected texts after a deliberate change.
    static var all: [(String, () -> String)] {[
        ("menu", menu), ("menuWithProgress", menuWithProgress), ("tooSmall", tooSmall), ("help", help),
        ("requestsInFlight", { requestsInFlight() }), ("requestsInFlightAscii", { requestsInFlight(.plain) }),
        ("deadClient", deadClient), ("deadClientAttributes", deadClientAttributes), ("clickedServer", clickedServer), ("eventList", eventList),
        ("lessonStep", lessonStep), ("lessonRequestGliding", lessonRequestGliding), ("quizAnswered", quizAnswered),
        ("jumpToStep", jumpToStep), ("presenting", presenting),
    ]}
}

/// One character per cell for its strongest attribute, rows trimmed like `Canvas.text`.
func attributeMap(_ canvas: Canvas) -> String {
    (0..<canvas.height).map { y in
        var row = ""
        for x in 0..<canvas.width {
            let attributes = canvas[x, y].style.attributes
            row += attributes.contains(.reverse) ? "r" : attributes.contains(.bold) ? "b"
                : attributes.contains(.underline) ? "u" : attributes.contains(.dim) ? "d" : attributes.contains(.italic) ? "i" : " "
        }
        while row.last == " " { row.removeLast() }
        return row
    }.joined(separator: "\n")
}

/// The client-server sandbox with three clients whose requests are on their way.
func sandboxWithRequestsInFlight() -> AppState {
    var state = AppState(lessons: [], start: .sandbox(.clientServer, nodes: 3))
    // One step glides the three requests from their clients towards the server (the
    // glide starts where the step began, t 0); a third of it has passed.
    send(&state, .key(.character("r")), .key(.right), .tick(elapsedMicroseconds: 206_667))
    return state
}
