import Canvas

/// The narration panel's rows for the last narration drawn: the same text at the same
/// size and scroll lays out the same, so a frame that only moves the stage (every
/// frame while playing) reuses them instead of wrapping the text again. One entry: the
/// screen shows one narration at a time.
final class NarrationMemo: @unchecked Sendable {
    struct Key: Equatable {
        var narration: NarrationView
        var width: Int
        var height: Int
        var capabilities: Capabilities
    }

    static let shared = NarrationMemo()

    private let lock = Lock()
    private var last: (key: Key, lines: [NarrationLine])?

    /// The rows for `key`, laid out by `layout` unless they were the last asked for.
    func lines(for key: Key, layout: () -> [NarrationLine]) -> [NarrationLine] {
        if let found = lock.holding({ last?.key == key ? last?.lines : nil }) { return found }
        let lines = layout()
        lock.holding { last = (key, lines) }
        return lines
    }
}
