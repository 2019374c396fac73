import Canvas
import LessonKit

/// `g` on a lesson: type a step's number, Enter goes there.
struct GoToPanel: Panel {
    var digits = ""

    var places: [KeyPlace] { [.goTo] }

    mutating func handle(_ key: Key, action: KeyAction?, app: inout AppState) -> PanelReply {
        switch action {
        case .typeDigit:
            if case let .character(c) = key, digits.count < 3 { digits.append(c) }
        case .erase:
            if !digits.isEmpty { digits.removeLast() }
        case .confirm:
            if let number = Int(digits), number >= 1 { app.lesson?.move { $0.jump(to: number - 1) } }
            return .closes
        case .cancel:
            return .closes
        default:
            break
        }
        return .used
    }

    func draw(_ app: AppState, into canvas: inout Canvas, theme: Theme) {
        guard let count = app.lesson?.lesson.steps.count else { return }
        let inside = Overlay.frame(width: 30, height: 2, title: "go to step", into: &canvas, theme: theme)
        canvas.put("Step (1-\(count)): \(digits)_", x: inside.x, y: inside.y, style: theme.key)
        let hints = KeyBar.hints([KeyBarEntry(.confirm, text: "go"), KeyBarEntry(.cancel, text: "cancel")], places: places, unicode: theme.unicode)
        KeyHint.drawLine(hints, into: &canvas, rect: Rect(x: inside.x - 1, y: inside.y + 1, width: inside.width + 1, height: 1), theme: theme)
    }
}
