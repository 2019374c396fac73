import Canvas
import LessonKit

/// What a stage action did, for the screen around the stage.
enum StageKeyOutcome: Hashable, Sendable {
    case ignored
    case done
    case showInspector
    case showEvents
}

extension StageSession {
    /// The keymap's stage actions (the keys every simulation screen shares).
    mutating func perform(_ action: KeyAction) -> StageKeyOutcome {
        switch action {
        case .stepForward: stepForward()
        case .stepBack: stepBack()
        case .play: togglePlay()
        case .faster: playback.faster()
        case .slower: playback.slower()
        case .selectNext: selectNext()
        case .inspect:
            if selection == nil { selectNext() }
            return inspector == nil ? .done : .showInspector
        case .events:
            return .showEvents
        default:
            return .ignored
        }
        return .done
    }
}
